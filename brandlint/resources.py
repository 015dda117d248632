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
