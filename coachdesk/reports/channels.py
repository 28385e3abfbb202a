"""How a report leaves the coach: the channel the disclosure log records.

A municipality files the plain PDF/A; it cannot archive an encrypted PDF. So the plain
PDF goes through a channel that is itself secure (Digital Post, secure e-mail), or is
handed over in person; "other" covers the rest. The coach chooses in the export dialog.
"""

from __future__ import annotations

from coachdesk.errors import BadInput

CHANNELS: tuple[str, ...] = ("digital_post", "secure_email", "handed_over", "other")


def check(channel: str | None) -> str | None:
    if channel is not None and channel not in CHANNELS:
        raise BadInput("channels.unknown", channel=repr(channel), value=", ".join(CHANNELS))
    return channel
