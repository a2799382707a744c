"""Time-driven work: R7 reminders and closures, code purges, staff alerts, the digest, retention."""
