"""prune: review a LinkedIn connections export and decide, one contact at a time, whom to keep."""

__version__ = "0.1.0"
