"""Tables derived from installed packages, kept in the user's cache folder.

Parsing a dictionary that ships with a package costs a noticeable part of a one-file run
(which a pre-commit hook pays on every commit). The derived table is built once and kept
under $XDG_CACHE_HOME/brandlint (marshal: plain data only, loaded in milliseconds). It lives
outside the checked repository on purpose: nothing committed to a content repo is ever
loaded as a cache.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


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
