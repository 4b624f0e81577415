"""Presentation: the CLI's listings, exports and the brief. Only this layer prints or serves."""
