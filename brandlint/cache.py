"""Results cache in `.brandlint_cache/`, keyed by file content, path, guideline and version.

Entries are written atomically (temp file + rename), so two processes sharing the folder
never see half an entry; a damaged entry is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from brandlint import __version__
from brandlint.findings import Finding, InputError

if TYPE_CHECKING:
    from brandlint.engine import FileResult


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def _key(self, path: str, channel: str | None, raw: bytes) -> str:
        digest = hashlib.sha256()
        for part in (__version__, self.fingerprint, path, channel or ""):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, path: str, channel: str | None, raw: bytes) -> FileResult | None:
        from brandlint.engine import FileResult

        try:
            data = json.loads(self._file(self._key(path, channel, raw)).read_text("utf-8"))
            findings = [Finding.from_json({**f, "path": path}, f["start"], f["end"], f["document_level"])
                        for f in data["findings"]]
            error = data.get("error")
            return FileResult(path, findings,
                              error=InputError(path, error["message"], error["line"], error["column"])
                              if error else None,
                              channel=data.get("channel"), campaign=data.get("campaign"),
                              notes=list(data.get("notes", [])), locale=data.get("locale"),
                              variant=data.get("variant"), facts=dict(data.get("facts", {})),
                              score=data.get("score"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: check the file again

    def put(self, path: str, channel: str | None, raw: bytes, result: FileResult) -> None:
        data = {
            "findings": [{**f.to_json(), "start": f.start, "end": f.end, "document_level": f.document_level}
                         for f in result.findings],
            "error": result.error.to_json() if result.error else None,
            "channel": result.channel,
            "campaign": result.campaign,
            "notes": result.notes,
            "locale": result.locale,
            "variant": result.variant,
            "facts": result.facts,
            "score": result.score,
        }
        target = self._file(self._key(path, channel, raw))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temp, target)
        except OSError:
            pass  # a read-only checkout simply runs without a cache
