"""What a log record may print: never an exception's text.

Both clients set it up: the CLI before a command runs (cli/main.py) and the app once its
event loop runs (ui/error_hook.py). Here, below both, because the app must not import
the CLI (tests/test_layers.py).
"""

from __future__ import annotations

from typing import Any


def quiet_logging() -> None:
    """Log records never print exception text: SQLAlchemy's pool logs a failed reset or
    close with exc_info, and that exception's message can quote SQL parameters. The
    record's own message and the exception's type are kept."""
    import logging

    class _Withheld(logging.Formatter):
        def formatException(self, ei: Any) -> str:
            kind = ei[0].__name__ if ei and ei[0] else "exception"
            return f"({kind}; details withheld)"

        def formatStack(self, stack_info: str) -> str:
            return ""

    fmt = _Withheld("%(message)s")
    if logging.lastResort is not None:  # the app configures no handler: this one prints
        logging.lastResort.setFormatter(fmt)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(fmt)
