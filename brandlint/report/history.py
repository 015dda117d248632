"""`check --history FILE`: one JSON line per run, so a team can watch consistency improve."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from brandlint.engine import RunResult
from brandlint.errors import UsageError


def read(path: Path) -> list[dict]:
    """Earlier entries; lines that are not JSON objects (a hand edit, a cut-off write) are skipped."""
    if not path.exists():
        return []
    entries = []
    for line in path.read_text("utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


def record(path: Path, result: RunResult) -> list[dict]:
    """Append this run's summary; return the whole history, this run last."""
    from brandlint.report import summary

    entry = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **summary(result)}
    try:
        earlier = read(path)
        with path.open("a", encoding="utf-8") as out:  # one short append: a line is whole or absent
            out.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write the history to {path}: {exc.strerror or exc}") from None
    return [*earlier, entry]
