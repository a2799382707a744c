"""Fixtures that start real servers on loopback (filled in by the intake work)."""
