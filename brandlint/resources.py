"""Where the built-in rule packs and templates live, installed or in a source checkout."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # importing typing costs milliseconds: this module is on the replay path
if TYPE_CHECKING:
    from pathlib import Path


# Found once per process (a dict, not functools.cache: functools costs 2 ms to import on the
# replay path, a tenth of an unchanged re-run).
_FOUND: dict[str, str] = {}


def builtin_folder(name: str) -> str:
    """`rules` or `templates`: shipped as brandlint.rules / brandlint.templates."""
    if name not in _FOUND:
        package = os.path.dirname(os.path.realpath(__file__))
        installed = os.path.join(package, name)
        # In a source checkout, rules/ and templates/ are at the top.
        _FOUND[name] = installed if os.path.isdir(installed) else os.path.join(os.path.dirname(package), name)
    return _FOUND[name]


def builtin_dir(name: str) -> Path:
    from pathlib import Path

    return Path(builtin_folder(name))


def builtin_packs() -> dict[str, Path]:
    return {path.stem: path for path in sorted(builtin_dir("rules").glob("*.yaml"))}


def code_stamp() -> str:
    """Changes whenever brandlint's own code or shipped rules change, even within one
    version (a checkout, an editable install): results cached by other code are not reused.
    Plain os and BLAKE2: an unchanged re-run (brandlint.replay) computes it first thing."""
    if "code" not in _FOUND:
        _FOUND["code"] = _code_stamp()
    return _FOUND["code"]


def _code_stamp() -> str:
    from brandlint.filestate import blake2b

    digest = blake2b(digest_size=8)
    for folder in (os.path.dirname(os.path.realpath(__file__)), builtin_folder("rules")):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml")):
                    stat = os.stat(os.path.join(root, name))
                    digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()
