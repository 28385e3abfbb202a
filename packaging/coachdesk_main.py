"""The frozen app's entry point (PyInstaller needs a script, not a package's __main__)."""

from coachdesk.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
