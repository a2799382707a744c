"""Shared fixtures: real servers on loopback live in tests/servers.py."""

pytest_plugins = ["tests.servers"]
