"""The HTTP API and the dashboard (``shardwatch serve``); see ``api.py``."""
