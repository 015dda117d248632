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


UNWRITABLE = "the results cache {folder} cannot be written ({reason}); files were checked without it"
DAMAGED = "damaged entries in the results cache {folder} were ignored; those files were checked again"


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.damaged = False  # the last `get` found an entry it could not read

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

        self.damaged = False
        try:
            text = self._file(self._key(path, channel, raw)).read_text("utf-8")
        except OSError:
            return None  # not cached yet (or no cache folder): check the file
        try:
            data = json.loads(text)
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
        except (ValueError, KeyError, TypeError):
            self.damaged = True
            return None  # damaged: check the file again (and the entry is written anew)

    def put(self, path: str, channel: str | None, raw: bytes, result: FileResult) -> str | None:
        """Store a result; returns a note for the user when the folder cannot be written."""
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
        # One string (json.dumps uses the C encoder; json.dump to a file takes the Python one).
        encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "wb") as out:
                out.write(encoded)
            os.replace(temp, target)
        except OSError as exc:  # a read-only checkout, or a file where the folder should be
            return UNWRITABLE.format(folder=self.folder.as_posix(), reason=exc.strerror or type(exc).__name__)
        return None
