"""Which files a run checks: folders walked (links not followed), sorted, split into shards.

Free of heavy imports: an unchanged re-run (brandlint.replay) walks the same folders to
see that no file came or went.
"""

from __future__ import annotations

import os
import zlib

from brandlint.errors import UsageError
from brandlint.locate import display

TYPE_CHECKING = False  # collections.abc and typing cost milliseconds: this module is on the replay path
if TYPE_CHECKING:
    from collections.abc import Iterable

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".brandlint_cache", "__pycache__", ".venv",
             "venv", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
# Files a folder walk picks up; an explicitly named file of another type is reported.
COPY_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".css", ".svg", ".png", ".jpg", ".jpeg", ".webp")


def discover(paths: Iterable[str], masters: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Files to check as (path, display path), sorted by display path; folders recurse, links
    are not followed. Plain strings: a Path per file is most of a huge run's memory.
    `masters` (real paths of the guideline's logo files) are left out of folders: the approved
    master is the reference, not a creative; named on its own, it is checked."""
    found: dict[str, str] = {}
    for given in paths:
        if not os.path.lexists(given):
            raise UsageError(f"no such file or folder: {given}")
        if os.path.isdir(given):
            _walk(given, found, masters)
        else:
            found.setdefault(display(os.path.abspath(given)), given)
    return [(found[key], key) for key in sorted(found)]


def _walk(top: str, found: dict[str, str], masters: frozenset[str] = frozenset()) -> None:
    """Copy files under `top`, keyed by display path. Links are not followed and only
    regular files count (a FIFO would block the reader)."""
    master_names = {os.path.basename(master) for master in masters}
    stack = [top]
    while stack:
        folder = stack.pop()
        # One display prefix per folder (relpath per file would be most of the walk).
        shown = display(os.path.abspath(folder))
        prefix = "" if shown == "." else shown.rstrip("/") + "/"
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # unreadable folder: skipped, as os.walk does
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if name not in SKIP_DIRS and not name.startswith("."):
                        stack.append(entry.path)
                elif (entry.is_file(follow_symlinks=False) and name.lower().endswith(COPY_SUFFIXES)
                      and not _own_report(entry.path)
                      and not (name in master_names and os.path.realpath(entry.path) in masters)):
                    found.setdefault(prefix + name, entry.path)
            except OSError:
                continue


def _own_report(path: str) -> bool:
    """An HTML report brandlint wrote earlier (into the folder it checks)."""
    if not path.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as handle:
            return b'<meta name="generator" content="brandlint">' in handle.read(512)
    except OSError:
        return False


def in_shard(display_path: str, shard: tuple[int, int] | None) -> bool:
    """Deterministic split by a hash of the path, stable as files come and go."""
    if shard is None:
        return True
    index, count = shard
    return zlib.crc32(display_path.encode("utf-8")) % count == index - 1
