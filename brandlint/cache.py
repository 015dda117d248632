"""Results cache in `.brandlint_cache/`, keyed by file content, path, guideline and version.

    .brandlint_cache/<version>/<setting>/<bucket>.pack

The version folder is the guideline's fingerprint (which covers brandlint's version, its code
and rules, the packs and the campaigns); the setting folder is the --channel given and the
environment that changes findings (environment.AFFECTING_RESULTS). A run under another
guideline, version or setting never sees it; the newest KEEP_SCOPES versions are kept. A
path belongs to one of BUCKETS buckets by a hash of its name; a bucket maps each path to the
digest of the content it was checked with and the packed result. A run reads the buckets its
files fall in and writes back the ones that changed, so a full run touches a few dozen files
rather than one per checked file, and a one-file run reads one small bucket.

Only the main process reads and writes buckets. Writes are atomic (fix.write_atomically, without fsync): two
runs sharing the folder never see half a bucket; at worst one run's new entries are lost and
those files are checked again next time. A bucket that fails its checksum is ignored and
rewritten.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from brandlint.filestate import blake2b, content_digest, stat_signature

BUCKETS = 64
MAGIC = b"brandlint-cache-1\n"
KEEP_SCOPES = 4  # guideline versions whose results are kept side by side (switching branches)
UNWRITABLE = "brandlint: the results cache {folder} cannot be written ({reason}); this run's results are not kept"
DAMAGED = "brandlint: damaged entries in the results cache {folder} were ignored; those files were checked again"


def _bucket_of(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % BUCKETS


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str, channel: str | None = None) -> None:
        self.folder = folder
        # One folder per guideline version, one inside it per --channel and environment (a
        # LanguageTool server decides whether grammar findings exist at all).
        from brandlint.environment import AFFECTING_RESULTS

        self.version = folder / blake2b(fingerprint.encode(), digest_size=32).hexdigest()[:24]
        setting = "\0".join([channel or "", *(os.environ.get(name) or "" for name in AFFECTING_RESULTS)])
        self.scope = self.version / blake2b(setting.encode(), digest_size=32).hexdigest()[:16]
        self.damaged = False  # some bucket could not be read (said once, then rewritten)
        # Per bucket: display path -> (content digest, marshalled packed result, stat signature)
        self._buckets: dict[int, dict[str, tuple]] = {}
        self._changed: set[int] = set()
        self._seen: set[str] = set()
        self._empty = not self.scope.is_dir()
        if not self._empty:
            with contextlib.suppress(OSError):  # recently used: the last to be pruned
                os.utime(self.version)

    @property
    def empty(self) -> bool:
        """Nothing stored for this guideline yet: every file is a miss, no need to look."""
        return self._empty

    def _bucket(self, index: int) -> dict[str, tuple]:
        bucket = self._buckets.get(index)
        if bucket is None:
            bucket = self._buckets[index] = self._read(index)
        return bucket

    def _read(self, index: int) -> dict[str, tuple]:
        try:
            data = (self.scope / f"{index:02x}.pack").read_bytes()
        except OSError:
            return {}  # not written yet (or no cache folder)
        head = len(MAGIC)
        payload = data[head + 16:]
        if data[:head] != MAGIC or data[head:head + 16] != blake2b(payload, digest_size=16).digest():
            return self._damaged(index)
        try:
            bucket = marshal.loads(zlib.decompress(payload))
        except (ValueError, EOFError, TypeError, zlib.error):
            return self._damaged(index)
        if not isinstance(bucket, dict) or not all(
                type(path) is str and type(entry) is tuple and len(entry) == 3 for path, entry in bucket.items()):
            return self._damaged(index)
        return bucket

    def _damaged(self, index: int) -> dict[str, tuple]:
        self.damaged = True
        self._changed.add(index)  # written anew at the end of the run
        return {}

    def unchanged_many(self, items: list[tuple[str, str]]) -> Iterator[tuple[tuple[str, str], tuple | None]]:
        """`lookup` for many (path, display path) items, bucket by bucket: only one bucket is
        held at a time (plus those that changed, until `flush`), however big the run."""
        groups: dict[int, list[tuple[str, str]]] = {}
        for item in items:
            groups.setdefault(_bucket_of(item[1]), []).append(item)
        for index in sorted(groups):
            for item in groups[index]:
                yield item, self.lookup(*item)
            if index not in self._changed:
                self._buckets.pop(index, None)

    def unchanged(self, path: str, shown: str) -> tuple | None:
        """The packed result stored for this file if its content is the one it was checked
        with. A file whose size, times and inode are as recorded is not even read."""
        found = self.lookup(path, shown)
        return None if found is None else found[0]

    def lookup(self, path: str, shown: str) -> tuple[tuple, bytes, tuple | None] | None:
        """`unchanged`, with the digest of the file's content and its signature (if settled)."""
        self._seen.add(shown)
        index = _bucket_of(shown)
        bucket = self._bucket(index)
        entry = bucket.get(shown)
        if not isinstance(entry, tuple) or len(entry) != 3:
            return None
        digest, blob, recorded = entry
        try:
            now = stat_signature(path)
        except OSError:
            return None  # gone or unreadable: checking it says why
        if recorded is not None and recorded == now[0]:
            return self._opened(shown, blob, digest, recorded)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        if content_digest(raw) != digest:
            return None
        if now[1] is not None:  # same content, new times (touched, checked out again): remember them
            bucket[shown] = (digest, blob, now[1])
            self._changed.add(index)
        return self._opened(shown, blob, digest, now[1])

    def _opened(self, shown: str, blob: object, digest: bytes,
                signature: tuple | None) -> tuple[tuple, bytes, tuple | None] | None:
        try:
            packed = marshal.loads(blob)  # type: ignore[arg-type]
        except (ValueError, EOFError, TypeError):
            packed = None
        if not isinstance(packed, tuple):
            self.forget(shown)
            return None
        return packed, digest, signature

    def forget(self, shown: str) -> None:
        """An entry that could not be used (damaged past its checksum): check the file again."""
        index = _bucket_of(shown)
        self._bucket(index).pop(shown, None)
        self._damaged(index)

    def put(self, shown: str, digest: bytes, signature: tuple | None, packed: tuple) -> None:
        """Remember a packed result (see results.pack) for the content with this digest."""
        self._seen.add(shown)
        index = _bucket_of(shown)
        # Kept as bytes: a bucket holds thousands of entries, and most are never opened.
        self._bucket(index)[shown] = (digest, marshal.dumps(packed), signature)
        self._changed.add(index)

    def flush(self) -> str | None:
        """Write the buckets that changed; returns a note for the user when that is not possible."""
        if not self._changed:
            return None
        from brandlint.atomic import write_atomically

        try:
            self.scope.mkdir(parents=True, exist_ok=True)
            if self._empty:
                self._prepare_folder()
                self._empty = False
            for index in sorted(self._changed):
                bucket = self._buckets.get(index, {})
                # Files that are gone leave with the bucket's next write.
                kept = {path: entry for path, entry in sorted(bucket.items())
                        if path in self._seen or os.path.lexists(path)}
                payload = zlib.compress(marshal.dumps(kept), 1)
                write_atomically(self.scope / f"{index:02x}.pack",
                                 MAGIC + blake2b(payload, digest_size=16).digest() + payload, durable=False)
        except OSError as exc:  # a read-only checkout, or a file where the folder should be
            return UNWRITABLE.format(folder=self.folder.as_posix(), reason=exc.strerror or type(exc).__name__)
        self._changed.clear()
        return None

    def _prepare_folder(self) -> None:
        """A new scope: mark the folder as a cache, and drop the oldest guideline versions
        beyond KEEP_SCOPES."""
        from brandlint.atomic import write_atomically

        for name, text in ((".gitignore", "# brandlint's results cache\n*\n"),
                           ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# brandlint's results cache: https://bford.info/cachedir/\n")):
            if not (self.folder / name).exists():
                write_atomically(self.folder / name, text.encode(), durable=False)
        with contextlib.suppress(OSError):  # pruning is housekeeping: never a reason to fail
            self._prune()

    def _prune(self) -> None:
        versions, retired = [], []
        with os.scandir(self.folder) as listing:
            for entry in listing:
                if not entry.is_dir(follow_symlinks=False) or entry.path == str(self.version) or \
                        not all(c in "0123456789abcdef" for c in entry.name):
                    continue  # only folders brandlint made
                if len(entry.name) == 24:
                    with contextlib.suppress(OSError):  # another run may remove it first
                        versions.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
                elif len(entry.name) == 2:
                    retired.append(entry.path)  # the one-file-per-entry layout of brandlint 0.1
        import shutil

        for path in retired + [path for _, path in sorted(versions, reverse=True)[KEEP_SCOPES - 1:]]:
            shutil.rmtree(path, ignore_errors=True)
