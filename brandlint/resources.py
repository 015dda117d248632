"""Where the built-in rule packs and templates live, installed or in a source checkout."""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # importing typing costs milliseconds: this module is on the replay path
if TYPE_CHECKING:
    from pathlib import Path


@cache
def builtin_folder(name: str) -> str:
    """`rules` or `templates`: shipped as brandlint.rules / brandlint.templates."""
    package = os.path.dirname(os.path.realpath(__file__))
    installed = os.path.join(package, name)
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(package), name)  # a source checkout: rules/ and templates/ at the top


def builtin_dir(name: str) -> Path:
    from pathlib import Path

    return Path(builtin_folder(name))


def builtin_packs() -> dict[str, Path]:
    return {path.stem: path for path in sorted(builtin_dir("rules").glob("*.yaml"))}


@cache
def code_stamp() -> str:
    """Changes whenever brandlint's own code or shipped rules change, even within one
    version (a checkout, an editable install): results cached by other code are not reused.
    Plain os and BLAKE2: an unchanged re-run (brandlint.replay) computes it first thing."""
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
