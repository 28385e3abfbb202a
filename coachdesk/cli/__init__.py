"""The ``coachdesk`` command (docs/cli.md): the GUI's launcher and its scriptable twin."""
