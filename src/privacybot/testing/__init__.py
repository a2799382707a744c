"""Helpers for tests and benchmarks that start real parts on loopback."""
