"""precheck: check a social-media draft on this machine before posting it."""
