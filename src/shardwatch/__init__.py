"""shardwatch: sourced, structured records from reporting on political violence."""

__version__ = "0.1.0"
