"""A minimal sRGB ICC profile (version 2), written in pure Python.

PDF/A needs an output intent with an embedded ICC profile. The profile the reports
embed, coachdesk/resources/sRGB-coachdesk-v2.icc, is this module's output, committed
so the app reads a file rather than building it on each export; a test checks the two
agree. It holds only published numbers (IEC 61966-2-1: the sRGB primaries adapted to
the D50 connection space with the Bradford transform, and the sRGB tone curve), so it
carries no third-party copyright: see coachdesk/resources/sRGB-coachdesk-LICENSE.txt.

Regenerate with ``python -m coachdesk.reports.icc_profile``.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

DESCRIPTION = "sRGB IEC61966-2.1 (CoachDesk)"
COPYRIGHT = "No copyright, use freely (CC0 1.0)"
FILE_NAME = "sRGB-coachdesk-v2.icc"

# D50, the profile connection space's white, and the sRGB primaries adapted to it
# (Bradford), as the ICC's own sRGB profiles give them.
_D50 = (0.9642, 1.0, 0.8249)
_RED = (0.4361, 0.2225, 0.0139)
_GREEN = (0.3851, 0.7169, 0.0971)
_BLUE = (0.1431, 0.0606, 0.7141)
_CURVE_POINTS = 1024


def _s15f16(x: float) -> bytes:
    return struct.pack(">i", round(x * 65536))


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ " + b"\0" * 4 + b"".join(_s15f16(v) for v in values)


def _srgb_to_linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _curve() -> bytes:
    points = [round(_srgb_to_linear(i / (_CURVE_POINTS - 1)) * 65535) for i in range(_CURVE_POINTS)]
    return (
        b"curv"
        + b"\0" * 4
        + struct.pack(">I", len(points))
        + struct.pack(f">{len(points)}H", *points)
    )


def _desc(text: str) -> bytes:
    ascii_ = text.encode("ascii") + b"\0"
    return (
        b"desc"
        + b"\0" * 4
        + struct.pack(">I", len(ascii_))
        + ascii_
        + struct.pack(">II", 0, 0)  # no Unicode description
        + struct.pack(">HB", 0, 0)
        + b"\0" * 67
    )  # no ScriptCode description


def _text(text: str) -> bytes:
    return b"text" + b"\0" * 4 + text.encode("ascii") + b"\0"


def build() -> bytes:
    """The profile's bytes: deterministic, so the committed file can be checked."""
    curve = _curve()
    tags: list[tuple[bytes, bytes]] = [
        (b"desc", _desc(DESCRIPTION)),
        (b"cprt", _text(COPYRIGHT)),
        (b"wtpt", _xyz(_D50)),
        (b"rXYZ", _xyz(_RED)),
        (b"gXYZ", _xyz(_GREEN)),
        (b"bXYZ", _xyz(_BLUE)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    table_len = 4 + 12 * len(tags)
    offset = 128 + table_len
    entries = b""
    body = b""
    placed: dict[bytes, tuple[int, int]] = {}
    for sig, data in tags:
        if data in placed:
            start, size = placed[data]  # the three TRC tags share one curve
        else:
            while (offset + len(body)) % 4:
                body += b"\0"
            start, size = offset + len(body), len(data)
            body += data
            placed[data] = (start, size)
        entries += sig + struct.pack(">II", start, size)
    while len(body) % 4:
        body += b"\0"
    size = 128 + table_len + len(body)
    header = (
        struct.pack(">I", size)
        + b"\0" * 4
        + struct.pack(">I", 0x02100000)
        + b"mntr"
        + b"RGB "
        + b"XYZ "
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 4
        + struct.pack(">I", 0)
        + b"\0" * 4
        + b"\0" * 4
        + b"\0" * 8
        + struct.pack(">I", 0)
        + b"".join(_s15f16(v) for v in _D50)
        + b"\0" * 4
    )
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + entries + body


if __name__ == "__main__":  # pragma: no cover - the generator, run by hand
    out = Path(__file__).resolve().parent.parent / "resources" / FILE_NAME
    out.write_bytes(build())
    sys.stdout.write(f"wrote {out}\n")
