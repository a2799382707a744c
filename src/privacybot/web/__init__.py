"""Staff-facing HTTP: health, metrics and the JSON API (the dashboard grows here)."""
