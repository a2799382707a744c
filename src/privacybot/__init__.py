"""privacybot: the privacy desk for Conxillium's GDPR/AVG rights requests."""

__version__ = "0.1.0"
