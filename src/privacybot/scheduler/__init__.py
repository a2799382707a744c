"""Time-driven work: verification reminders and closures, code purges (the digest grows here)."""
