"""What a file was when it was checked: a digest of its content and its stat signature.

Both caches (per-file results in brandlint.cache, whole runs in brandlint.replay) decide
"unchanged" the same way: the same size, times and inode as recorded, or else the same
content. Cheap to import on purpose.
"""

from __future__ import annotations

import os
import time

try:  # the BLAKE2 module itself: hashlib would load OpenSSL first (milliseconds per process)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

RACY_NS = 2_000_000_000  # two seconds: coarser than any file system's time stamps


def content_digest(raw: bytes) -> bytes:
    return blake2b(raw, digest_size=16).digest()


def stat_signature(path: str | os.PathLike[str]) -> tuple[tuple, tuple | None]:
    """(size, mtime, ctime, inode) of a file, and the same again if it may be trusted later.

    A file changed within RACY_NS of being looked at might change again within the same
    clock tick without its times moving (git's "racily clean" case): such a signature is not
    remembered, and the next run reads the file to compare its content."""
    stat = os.stat(path)
    signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    settled = max(stat.st_mtime_ns, stat.st_ctime_ns) < time.time_ns() - RACY_NS
    return signature, signature if settled else None


def unchanged(path: str, recorded: tuple | None, digest: bytes) -> bool:
    """The file still has the content with `digest`: by its signature when one was
    recorded and still matches, else by reading it."""
    try:
        if recorded is not None:
            stat = os.stat(path)  # the signature alone (whether it is settled does not matter here)
            if (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino) == recorded:
                return True
        with open(path, "rb") as handle:
            return content_digest(handle.read()) == digest
    except OSError:
        return False
