"""CoachDesk: an offline, encrypted case desk for stress coaches."""

__version__ = "0.1.0"
