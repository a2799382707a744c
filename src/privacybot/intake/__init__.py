"""Intake: each channel turns what arrives into an InboundEnvelope and commits it first."""
