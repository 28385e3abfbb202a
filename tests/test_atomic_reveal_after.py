"""store/atomic.reveal_after: the one record-commit-reveal mechanism (issue 18).

Every file that discloses data (a report, the JSON export, a handover, the calendar, the
organisation aggregate) is written whole beside its target, its records are committed,
and only then is it renamed into sight. The bytes may come all at once or from a
producer, piece by piece (the streamed JSON export).
"""

from __future__ import annotations

import errno
import hashlib
import stat

import pytest

from coachdesk.store.atomic import WriteFailed, reveal_after


def test_the_file_appears_only_after_the_commit_with_its_digest(tmp_path):
    target = tmp_path / "out.json"
    seen: dict = {}

    def produce(write):
        for chunk in (b'{"a": ', b"1", b"}"):
            write(chunk)

    def commit(digest):
        seen["digest"] = digest
        seen["files"] = sorted(p.name for p in tmp_path.iterdir())
        (temp,) = tmp_path.iterdir()
        seen["mode"] = stat.S_IMODE(temp.stat().st_mode)

    digest = reveal_after(target, produce, commit)
    assert digest == seen["digest"] == hashlib.sha256(b'{"a": 1}').hexdigest()
    assert "out.json" not in seen["files"] and len(seen["files"]) == 1  # only the temp file
    assert seen["mode"] == 0o600
    assert target.read_bytes() == b'{"a": 1}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_failed_commit_leaves_nothing(tmp_path):
    def commit(_digest):
        raise RuntimeError("database or disk is full")

    with pytest.raises(RuntimeError):
        reveal_after(tmp_path / "r.pdf", b"%PDF-1.7", commit)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_records_nothing(tmp_path):
    calls: list[str] = []

    def produce(write):
        write(b"first part")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteFailed, match="No space left"):
        reveal_after(tmp_path / "all.json", produce, calls.append)
    assert calls == [] and list(tmp_path.iterdir()) == []
