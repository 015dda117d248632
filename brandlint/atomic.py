"""Writing a file atomically: a temp file beside it, then a rename (complete or not there)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path


def write_text_atomically(path: Path, text: str | Iterable[str]) -> None:
    """A report written with --output (whole, or in pieces): complete or not there at all."""
    pieces = [text] if isinstance(text, str) else text
    write_atomically(path, (piece.encode("utf-8") for piece in pieces))


def write_atomically(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> None:
    """Temp file in the same folder, flushed, then renamed over the original (keeping its mode).
    `durable=False` skips the fsync: for caches, which may be lost but never torn. A symbolic
    link is written through: its target changes and the link stays a link."""
    path = Path(os.path.realpath(path))
    owner: tuple[int, int] | None = None
    if path.exists():
        status = path.stat()
        mode, owner = status.st_mode, (status.st_uid, status.st_gid)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only when something is written

    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".brandlint")
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in [data] if isinstance(data, bytes) else data:
                out.write(piece)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.chmod(temp, mode & 0o7777)
        if owner is not None and hasattr(os, "chown"):
            # The replacement keeps the file's owner where we may set it (root in a CI container
            # fixing a bind-mounted checkout); otherwise it is ours, as any editor's save makes it.
            with contextlib.suppress(OSError):
                os.chown(temp, *owner)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
