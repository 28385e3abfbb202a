"""INSERT many rows through the DB-API cursor, converted exactly as SQLAlchemy converts them.

A bulk write through SQLAlchemy's Core executemany spends most of its time per row
in SQLAlchemy itself (building and processing each parameter set: 2.5 of the 4.5 s
of a 2,000-person import's inserts, issue 19), not in SQLite. Here the rows are
turned into tuples by the columns' own bind processors (the same functions
SQLAlchemy calls: dates and date-times as the text SQLAlchemy stores, JSON through
its serializer, booleans as integers) with the columns' Python-side defaults filled
in as SQLAlchemy fills them, and handed to the cursor's ``executemany``, in slices.

The statement runs on the session's own connection, inside its transaction: a
rollback takes these rows with everything else (all-or-nothing imports). The ORM
does not see them (nothing is in its identity map), which is what a bulk write wants;
the caller flushes first so that what the session holds is written before.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Table
from sqlalchemy.orm import Session

SLICE = 2000  # rows per executemany: the tuples of a slice, never of the whole import

_Default = tuple[str, Any]  # ("value", constant) | ("row", function) | ("once", function)
_Plan = tuple[str, list[tuple[str, Any, _Default | None]]]
_PLANS: dict[tuple[int, tuple[str, ...]], _Plan] = {}


def _default(col: Any) -> _Default | None:
    """The column's Python-side default as SQLAlchemy applies it to an executemany:
    ("value", constant), or ("row", function) called for every row (a uid); None
    without one. A time stamp's function (models.utcnow, whole seconds) is called once
    per statement ("once"): the rows of one bulk write are written at one moment, and
    a call and its conversion per row were a tenth of an import's inserts."""
    d = col.default
    if d is None:
        return None
    if d.is_scalar:
        return ("value", d.arg)
    if d.is_callable:
        return ("once" if isinstance(col.type, DateTime) else "row", d.arg)
    raise TypeError(f"{col} has a default this writer does not compute")


# json.dumps(value) with its defaults (", " and ": ", ASCII), as SQLAlchemy's JSON type
# serializes, but through one C encoder made once: json.dumps builds a new one per call,
# which was most of the cost of a JSON column's value.
_C_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_C_ASCII: Any = getattr(json.encoder, "c_encode_basestring_ascii", None)


def _json_dumps() -> Any:
    if _C_MAKE_ENCODER is None or _C_ASCII is None:
        return json.dumps
    enc = _C_MAKE_ENCODER(
        None, json.JSONEncoder().default, _C_ASCII, None, ": ", ", ", False, False, True
    )

    def dumps(value: Any) -> str:
        if type(value) is str:
            return str(_C_ASCII(value))
        return "".join(enc(value, 0))

    return dumps


def _fast(col: Any, proc: Any, dialect: Any) -> Any:
    """A quicker function giving the same text as SQLAlchemy's processor, where there is
    one (checked here against the processor itself); otherwise the processor."""
    if proc is None:
        return None
    is_date = isinstance(col.type, Date) and not isinstance(col.type, DateTime)
    if (
        is_date
        and proc(dt.date(1, 2, 3)) == "0001-02-03"
        and proc(dt.date(2026, 12, 31)) == "2026-12-31"
    ):
        return lambda v: v.isoformat() if type(v) is dt.date else proc(v)
    if isinstance(col.type, DateTime):
        samples = (dt.datetime(1, 2, 3, 4, 5, 6, 7), dt.datetime(2026, 12, 2, 1, 40))
        if all(proc(d) == d.isoformat(" ", "microseconds") for d in samples):
            return lambda v: (
                v.isoformat(" ", "microseconds")
                if type(v) is dt.datetime and v.tzinfo is None
                else proc(v)
            )
    plain_json = isinstance(col.type, JSON) and not col.type.none_as_null
    if plain_json and getattr(dialect, "_json_serializer", None) in (None, json.dumps):
        fast = _json_dumps()
        sample = {"a": [1, 2.5, None, True, "æ\n"], "b": {}}
        if fast(sample) == proc(sample) and fast(None) == proc(None) == "null":
            return lambda v: fast(v) if type(v) in (list, dict) else proc(v)
    return proc


def _plan(session: Session, table: Table, keys: Sequence[str]) -> _Plan:
    cache_key = (id(table), tuple(keys))
    cached = _PLANS.get(cache_key)
    if cached is None:
        dialect = session.get_bind().dialect
        cols: list[tuple[str, Any, _Default | None]] = []
        for col in table.columns:
            if col.name not in keys and (col.primary_key or col.default is None):
                continue  # the database assigns it, or it stays NULL
            proc = _fast(col, col.type._cached_bind_processor(dialect), dialect)
            cols.append((col.name, proc, None if col.name in keys else _default(col)))
        names = ", ".join(f'"{name}"' for name, _p, _d in cols)
        marks = ", ".join("?" for _ in cols)
        cached = (f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', cols)
        _PLANS[cache_key] = cached
    return cached


def _converter(cols: list[tuple[str, Any, _Default | None]]) -> Any:
    """row dict -> tuple for the plan's columns, as one generated expression (a loop
    over the columns per row cost as much as the INSERT itself). Only column names
    from the table's own metadata go into the source, as repr() literals."""
    env: dict[str, Any] = {}
    parts = []
    for i, (name, proc, default) in enumerate(cols):
        if default is None:
            expr = f"row[{name!r}]"
        elif default[0] == "value":
            env[f"c{i}"] = default[1]
            expr = f"c{i}"
        elif default[0] == "once":
            value = default[1](None)  # SQLAlchemy's wrapper takes the execution context
            env[f"c{i}"] = proc(value) if proc is not None else value
            parts.append(f"c{i}")
            continue
        else:
            env[f"d{i}"] = default[1]
            expr = f"d{i}(None)"  # SQLAlchemy's wrapper takes the execution context
        if proc is not None:
            env[f"p{i}"] = proc
            expr = f"p{i}({expr})"
        parts.append(expr)
    return eval(f"lambda row: ({', '.join(parts)},)", env)


def insert_rows(session: Session, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """INSERT ``rows`` (dicts with the same keys) into ``table``; returns how many."""
    it = iter(rows)
    first = next(it, None)
    if first is None:
        return 0
    sql, cols = _plan(session, table, list(first))
    cur = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    convert = _converter(cols)
    n = 0
    batch: list[tuple[Any, ...]] = []
    for row in itertools.chain((first,), it):
        batch.append(convert(row))
        if len(batch) >= SLICE:
            cur.executemany(sql, batch)
            n += len(batch)
            batch = []
    if batch:
        cur.executemany(sql, batch)
        n += len(batch)
    return n
