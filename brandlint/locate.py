"""Where things are: the guideline for a run, the campaigns beside it, paths as shown.

Plain `os.path` strings and no heavy imports (not even pathlib): an unchanged re-run
(brandlint.replay) asks these questions before it decides whether anything needs loading.
"""

from __future__ import annotations

import os

from brandlint.errors import UsageError

GUIDE_NAMES = ("brand.yaml", ".brandlint.yaml")


def display(path: str | os.PathLike[str]) -> str:
    """A path as the user would write it: relative to the current folder when inside it."""
    path = os.fspath(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive
        return path.replace(os.sep, "/")
    if rel.startswith(".."):
        rel = os.path.normpath(path)  # /work/site/../pos/a.md -> /work/pos/a.md
    return rel.replace(os.sep, "/")


def find_guide_path(start: str) -> str | None:
    """brand.yaml or .brandlint.yaml in `start` (a folder, or a file's folder) or its nearest parent."""
    folder = os.path.realpath(start if os.path.isdir(start) else os.path.dirname(os.path.abspath(start)))
    while True:
        for name in GUIDE_NAMES:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                return path
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def guide_path(explicit: str | None, paths: list[str]) -> str:
    """--guide, else the current folder and its parents, else the checked paths' folders."""
    if explicit:
        if not os.path.exists(explicit):
            raise UsageError(f"guideline not found: {explicit}")
        return explicit
    found = find_guide_path(os.getcwd())
    if found is None:
        for given in paths:
            if os.path.exists(given):
                found = find_guide_path(given)
                if found is not None:
                    break
    if found is None:
        raise UsageError("no brand.yaml or .brandlint.yaml found in this folder or any parent; "
                         "pass --guide FILE or run `brandlint init`")
    return found


def campaign_paths(root: str, patterns: list[str]) -> list[str]:
    """The guideline's campaign files: those its `campaigns:` globs name if it has any (SPEC
    §4: "or in the globs"), else campaign.yaml and campaigns/*.yaml (*.yml) beside it. Real
    paths, each once, in that order."""
    found: list[str] = []
    if patterns:
        import glob

        for pattern in patterns:
            found += sorted(glob.glob(os.path.join(root, pattern), recursive=True))
    else:
        found.append(os.path.join(root, "campaign.yaml"))
        folder = os.path.join(root, "campaigns")
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        for suffix in (".yaml", ".yml"):
            found += sorted(os.path.join(folder, name) for name in names if name.endswith(suffix))
    unique: dict[str, None] = {}
    for path in found:
        if os.path.isfile(path):
            unique.setdefault(os.path.realpath(path), None)
    return list(unique)
