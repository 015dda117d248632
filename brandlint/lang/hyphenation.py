"""Hyphenation points by Liang's algorithm over pyphen's en_US patterns, without pyphen.

textstat counts a word missing from the CMU dictionary as (hyphenation points + 1), from
pyphen. Importing pyphen and parsing its pattern file costs ~65 ms, and even loading the
parsed patterns whole costs ~4 ms, paid by any run that meets one brand name or typo. The
patterns are kept in an SQLite table in the user's cache folder and each word asks only for
the patterns of its own letter runs; the points are computed here the same way
(tests/lang/test_hyphenation.py compares every answer with pyphen's on a large word list).
"""

from __future__ import annotations

import os
import sqlite3
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# pyphen.Pyphen's defaults, which textstat uses: no point within 2 letters of either end.
LEFT = RIGHT = 2
FORMAT = 1
_BATCH = 900  # bound parameters per query (older SQLite allows 999)


def _source() -> Path | None:
    spec = find_spec("pyphen")
    if spec is None or not spec.origin:
        return None
    source = Path(spec.origin).parent / "dictionaries" / "hyph_en_US.dic"
    return source if source.is_file() else None


def _rows() -> list[tuple[str, int, bytes]] | None:
    """(letters, offset, values) per pattern, or None when the patterns have pyphen's
    non-standard alternatives (then pyphen itself answers)."""
    import pyphen

    parsed = pyphen.Pyphen(lang="en_US").hd.patterns
    if any(type(value) is not int or not 0 <= value < 256 for _, values in parsed.values() for value in values):
        return None
    return [(key, offset, bytes(values)) for key, (offset, values) in sorted(parsed.items())]


def _create(connection: sqlite3.Connection, rows: list[tuple[str, int, bytes]]) -> None:
    connection.execute("CREATE TABLE hyphen (letters TEXT PRIMARY KEY, offset INTEGER, vals BLOB) WITHOUT ROWID")
    connection.executemany("INSERT INTO hyphen VALUES (?, ?, ?)", rows)
    connection.commit()


@cache
def _patterns() -> tuple[sqlite3.Connection, int] | None:
    """The pattern table and the longest pattern, or None (pyphen answers)."""
    source = _source()
    if source is None:
        return None
    from brandlint.usercache import folder, sqlite_table

    stat = source.stat()
    built: list[list | None] = []

    def rows() -> list[tuple[str, int, bytes]] | None:
        if not built:
            built.append(_rows())
        return built[0]

    def create(connection: sqlite3.Connection) -> None:
        found = rows()
        if found is None:
            raise ValueError("non-standard hyphenation patterns")
        _create(connection, found)

    try:
        connection = sqlite_table(folder() / f"hyphen-{FORMAT}-en_US-{stat.st_size}-{stat.st_mtime_ns}.sqlite",
                                  create, "SELECT letters, offset, vals FROM hyphen LIMIT 1")
    except ValueError:
        return None
    longest = connection.execute("SELECT max(length(letters)) FROM hyphen").fetchone()[0] or 0
    return connection, longest


# SQLite connections must not cross fork(): a forked worker opens its own.
os.register_at_fork(after_in_child=_patterns.cache_clear)


@cache
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=1 << 16)
def points(word: str) -> tuple[int, ...]:
    """Where a word may be hyphenated, as pyphen.Pyphen(lang="en_US").positions(word) says."""
    loaded = _patterns()
    if loaded is None:
        return tuple(_pyphen().positions(word))
    connection, longest = loaded
    dotted = f".{word.lower()}."
    pieces = sorted({dotted[start:end] for start in range(len(dotted) - 1)
                     for end in range(start + 1, min(start + longest, len(dotted)) + 1)})
    patterns: dict[str, tuple[int, bytes]] = {}
    for first in range(0, len(pieces), _BATCH):
        batch = pieces[first:first + _BATCH]
        query = f"SELECT letters, offset, vals FROM hyphen WHERE letters IN ({','.join('?' * len(batch))})"
        patterns.update((letters, (offset, vals)) for letters, offset, vals in connection.execute(query, batch))
    weights = [0] * (len(dotted) + 1)
    for start in range(len(dotted) - 1):
        for end in range(start + 1, min(start + longest, len(dotted)) + 1):
            found = patterns.get(dotted[start:end])
            if found is None:
                continue
            offset, values = found
            for index, value in enumerate(values, start + offset):
                if index < len(weights) and value > weights[index]:
                    weights[index] = value
    # An odd weight allows a break; weight index i is the point before letter i - 1.
    last = len(word) - RIGHT
    return tuple(index - 1 for index, weight in enumerate(weights)
                 if weight % 2 and LEFT <= index - 1 <= last)
