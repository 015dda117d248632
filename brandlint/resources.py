"""Where the built-in rule packs and templates live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def builtin_dir(name: str) -> Path:
    """`rules` or `templates`: shipped as brandlint.rules / brandlint.templates."""
    package = Path(__file__).resolve().parent
    installed = package / name
    if installed.is_dir():
        return installed
    return package.parent / name  # a source checkout: rules/ and templates/ at the top


def builtin_packs() -> dict[str, Path]:
    return {path.stem: path for path in sorted(builtin_dir("rules").glob("*.yaml"))}


@cache
def code_stamp() -> str:
    """Changes whenever brandlint's own code or shipped rules change, even within one
    version (a checkout, an editable install): results cached by other code are not reused."""
    import hashlib
    import os

    digest = hashlib.sha256()
    for folder in (Path(__file__).resolve().parent, builtin_dir("rules")):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml")):
                    stat = os.stat(os.path.join(root, name))
                    digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]
