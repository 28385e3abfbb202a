"""Attack: a hand-made backup header (issue 12, item 6; security promise 3).

Someone who can put a file where the coach restores from recomputes the trailing
SHA-256 over a header of their choosing. Every such header is refused as a damaged
backup (exit 4, one sentence), never a traceback, and nothing is written.
"""

from __future__ import annotations

import json
import struct

import pytest

from coachdesk.cli.main import main
from coachdesk.store import backup


def _real_backup(vault, tmp_path):
    out = tmp_path / "real.cdbackup"
    backup.create_backup(vault, out)
    data = out.read_bytes()
    (head_len,) = struct.unpack(">I", data[8:12])
    header = json.loads(data[12 : 12 + head_len])
    rest = data[12 + head_len : -32]
    return header, rest


def _forge(tmp_path, head: bytes, rest: bytes):
    import hashlib

    body = backup.MAGIC + struct.pack(">I", len(head)) + head + rest
    f = tmp_path / "forged.cdbackup"
    f.write_bytes(body + hashlib.sha256(body).digest())
    return f


def _with(header: dict, field: str, raw_value: str) -> bytes:
    """The real header with one field's JSON text replaced by ``raw_value``."""
    parts = [f'"{k}":{json.dumps(v)}' for k, v in header.items() if k != field]
    parts.append(f'"{field}":{raw_value}')
    return ("{" + ",".join(parts) + "}").encode()


DEEP = 100_000
FITS = 20_000  # deep enough to exhaust Python's recursion limit, yet under 64 KiB


def _cases(header: dict, rest: bytes) -> dict[str, bytes]:
    key_size, db_size = header["key_file_size"], header["database_size"]
    return {
        "size 1e400 (infinity)": _with(header, "database_size", "1e400"),
        "size -1e400": _with(header, "key_file_size", "-1e400"),
        "size NaN": _with(header, "database_size", "NaN"),
        "size Infinity": _with(header, "database_size", "Infinity"),
        "size as float": _with(header, "database_size", f"{db_size}.0"),
        "nested 100,000 deep": _with(header, "schema", "[" * DEEP + "]" * DEEP),
        "nested 20,000 deep": _with(header, "schema", "[" * FITS + "]" * FITS),
        "objects 20,000 deep": _with(header, "schema", '{"a":' * FITS + "1" + "}" * FITS),
        "version with 4000 digits": _with(header, "version", "9" * 4000),
        "size with 4000 digits": _with(header, "database_size", "9" * 4000),
        "size with 5000 digits": _with(header, "database_size", "9" * 5000),
        "negative key size": _with(header, "key_file_size", str(-key_size)),
        "negative database size, sizes adding up": (
            _with(
                _with_dict(header, "key_file_size", key_size + db_size + 7), "database_size", "-7"
            )
        ),
        "sizes that do not match the file": _with(header, "database_size", str(db_size + 1)),
        "version true": _with(header, "version", "true"),
        "format a list": _with(header, "format", '["coachdesk.backup"]'),
        "created_at a number": _with(header, "created_at", "20260101"),
        "created_at 10,000 characters": _with(header, "created_at", json.dumps("2" * 10_000)),
        "duplicate key": _with(header, "version", '1,"version":1'),
        "not an object": b"[1,2,3]",
        "not UTF-8": b"{\xff\xfe}",
        "empty": b"",
    }


def _with_dict(header: dict, field: str, value) -> dict:
    return {**header, field: value}


CASE_NAMES = list(
    _cases(
        {
            "key_file_size": 1,
            "database_size": 1,
            "format": "",
            "version": 1,
            "schema": "",
            "created_at": "",
        },
        b"",
    )
)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_forged_header_is_refused_as_damage(vault, tmp_path, passphrase_file, capsys, case):
    header, rest = _real_backup(vault, tmp_path)
    forged = _forge(tmp_path, _cases(header, rest)[case], rest)
    with pytest.raises(backup.VaultDamaged):
        backup.read_backup_info(forged)
    target = tmp_path / "restored"
    rc = main(
        [
            "--data-dir",
            str(target),
            "restore",
            str(forged),
            "--passphrase-file",
            str(passphrase_file),
        ]
    )
    err = capsys.readouterr().err
    assert rc == 4, err
    assert "Traceback" not in err and len(err) < 400, err
    assert "damaged or was altered" in err or "format version" in err, err
    assert not target.exists()


def test_the_unforged_header_still_restores(vault, tmp_path, passphrase_file):
    """The control: the same re-packing with the real header gives a good backup."""
    header, rest = _real_backup(vault, tmp_path)
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    forged = _forge(tmp_path, head, rest)
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "r"),
                "restore",
                str(forged),
                "--passphrase-file",
                str(passphrase_file),
            ]
        )
        == 0
    )
