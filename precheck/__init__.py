"""precheck: check a social-media draft on this machine before posting it."""

__version__ = "0.1.0"
