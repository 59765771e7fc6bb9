"""Legal Case Reader."""

__version__ = "0.1.0"
