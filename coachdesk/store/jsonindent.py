"""``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte, at the C encoder's speed.

The participant file has always been written with ``indent=2`` (people read it, diff
it, and the round-trip tests compare its bytes). Python's json module uses its C
encoder only without ``indent``; with it, every value goes through the pure-Python
generator encoder, a fifth of a 10,000-person export (issue 19). Here the C encoder
does the work: a container whose items are all scalars (an assessment's answers, a
session's themes, most of a session) is encoded in one C call whose item separator
carries the newline and the indentation of its depth; only containers that hold other
containers are walked in Python, one step per item. The output is the same text
(tests/test_jsonindent.py compares it with ``json.dumps`` on the export and on random
documents); anything outside plain JSON types (a dict key that is not a string, a
subclass of list) falls back to ``json.dumps`` itself.
"""

from __future__ import annotations

import json
from json import encoder as _stdlib
from typing import Any

# The C parts of json.encoder (None on a Python without the accelerator); not in
# typeshed's stubs, hence getattr.
_C_ESCAPE: Any = getattr(_stdlib, "c_encode_basestring", None)
_C_MAKE_ENCODER: Any = getattr(_stdlib, "c_make_encoder", None)
_ESCAPE: Any = _C_ESCAPE or _stdlib.py_encode_basestring
_SCALARS = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = frozenset({list, dict, tuple})
_FLAT: dict[str, Any] = {}  # indentation of the items -> a C encoder for that depth


class _Unusual(Exception):
    """A value the fast path does not reproduce exactly: json.dumps does the whole."""


def _flat_encoder(inner: str) -> Any:
    enc = _FLAT.get(inner)
    if enc is None:
        sep = ",\n" + inner
        if _C_MAKE_ENCODER is not None:
            c = _C_MAKE_ENCODER(None, None, _ESCAPE, None, ": ", sep, False, False, True)

            def enc(o: Any, _c: Any = c) -> str:
                chunks = _c(o, 0)
                return chunks[0] if len(chunks) == 1 else "".join(chunks)

        else:  # no C accelerator (another Python): still the same text
            py = json.JSONEncoder(ensure_ascii=False, separators=(sep, ": "))
            enc = py.encode
        _FLAT[inner] = enc
    return enc


def _scalar(v: Any) -> str:
    t = type(v)
    if t is str:
        return str(_ESCAPE(v))
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if t is int:
        return int.__repr__(v)
    if t is float:
        return str(_flat_encoder("")(v))
    raise _Unusual


# '"key": ' for the keys seen so far (a record's keys repeat 10,000 times; the cache is
# bounded so that odd data cannot grow it without end).
_KEY_TEXT: dict[str, str] = {}
_KEY_TEXT_MAX = 4096


def _key(k: Any) -> str:
    text = _KEY_TEXT.get(k)
    if text is None:
        if type(k) is not str:
            raise _Unusual
        text = str(_ESCAPE(k)) + ": "
        if len(_KEY_TEXT) < _KEY_TEXT_MAX:
            _KEY_TEXT[k] = text
    return text


def _encode(o: Any, ind: str, out: list[str]) -> None:
    """Append ``o`` (a list, tuple or dict) to ``out`` as json.dumps(indent=2) writes it
    at indentation ``ind``. Pieces, not concatenated strings: a string returned up
    through each level would be copied once per level. Each item is appended after
    its separator; the first separator is then made the opening's newline."""
    if not o:
        out.append("{}" if type(o) is dict else "[]")
        return
    inner = ind + "  "
    sep = ",\n" + inner
    if type(o) is dict:
        if set(map(type, o.values())) <= _SCALARS and set(map(type, o)) == {str}:
            text = _flat_encoder(inner)(o)
            out += ("{\n", inner, text[1:-1], "\n", ind, "}")
            return
        out.append("{")
        first = len(out)
        for k, v in o.items():
            t = type(v)
            if t is str:
                out += (sep, _KEY_TEXT.get(k) or _key(k), _ESCAPE(v))
            elif t in _CONTAINERS:
                out += (sep, _KEY_TEXT.get(k) or _key(k))
                _encode(v, inner, out)
            else:
                out += (sep, _KEY_TEXT.get(k) or _key(k), _scalar(v))
        out[first] = "\n" + inner
        out += ("\n", ind, "}")
        return
    if type(o) is not list and type(o) is not tuple:
        raise _Unusual
    if set(map(type, o)) <= _SCALARS:
        text = _flat_encoder(inner)(o)
        out += ("[\n", inner, text[1:-1], "\n", ind, "]")
        return
    out.append("[")
    first = len(out)
    for v in o:
        out.append(sep)
        if type(v) in _CONTAINERS:
            _encode(v, inner, out)
        else:
            out.append(_scalar(v))
    out[first] = "\n" + inner
    out += ("\n", ind, "]")


def dumps(obj: Any, ind: str = "") -> str:
    """json.dumps(obj, ensure_ascii=False, indent=2) as if ``obj`` stood at indentation
    ``ind`` (a value inside a document being written piece by piece)."""
    try:
        if type(obj) in _CONTAINERS:
            out: list[str] = []
            _encode(obj, ind, out)
            return "".join(out)
        return _scalar(obj)
    except (_Unusual, RecursionError):
        text = json.dumps(obj, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + ind) if ind else text
