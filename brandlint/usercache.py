"""Tables derived from installed packages, kept in the user's cache folder.

Parsing a dictionary that ships with a package costs a noticeable part of a one-file run
(which a pre-commit hook pays on every commit). The derived table is built once and kept
under $XDG_CACHE_HOME/brandlint (marshal: plain data only, loaded in milliseconds). It lives
outside the checked repository on purpose: nothing committed to a content repo is ever
loaded as a cache.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3


def folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "brandlint"


def table(name: str, build: Callable[[], Any]) -> Any:
    """The cached table `name`, built (and stored, when the folder is writable) if missing."""
    path = folder() / f"{name}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        from brandlint.atomic import write_atomically

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, marshal.dumps(value), durable=False)
    except (OSError, ValueError):
        pass  # not writable, or not plain data: this process uses what it built
    return value


def sqlite_table(path: Path, create: Callable[[sqlite3.Connection], None], probe: str,
                 kind: str | None = None) -> sqlite3.Connection:
    """A read-only SQLite file in the user cache, built once by `create` (whole or absent,
    whoever builds it at the same time), then only queried. When the folder cannot be
    written, or the file is damaged twice, the table is built in memory for this process.
    Building a new file removes the older files of the same `kind` (the name's first part):
    they belong to dictionaries that were upgraded since."""
    import sqlite3

    try:
        return _on_disk(path, create, probe, kind or path.name.split("-", 1)[0])
    except (OSError, sqlite3.Error):
        memory = sqlite3.connect(":memory:")
        create(memory)
        return memory


def _on_disk(path: Path, create: Callable[[sqlite3.Connection], None], probe: str, kind: str,
             repair: bool = True) -> sqlite3.Connection:
    import sqlite3

    if not path.is_file():
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        try:
            building = sqlite3.connect(temp)
            create(building)
            building.close()
            os.replace(temp, path)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        for older in path.parent.glob(f"{kind}-*"):
            if older != path and older.suffix in (".sqlite", ".marshal"):
                with contextlib.suppress(OSError):
                    older.unlink()
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        connection.execute(probe)
    except sqlite3.DatabaseError:
        connection.close()
        if not repair:
            raise
        path.unlink()  # damaged (a disk error, a killed copy): build it again
        return _on_disk(path, create, probe, kind, repair=False)
    return connection
