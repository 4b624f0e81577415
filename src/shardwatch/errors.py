"""Errors the library raises; the CLI and server turn them into one clear message."""


class ShardwatchError(Exception):
    """A problem the user can act on (bad input, missing file, bad option)."""


class StoreError(ShardwatchError):
    """The database cannot be opened, read or written."""
