"""`brandlint init`: a starter guideline and a pre-commit hook, never overwriting."""

from __future__ import annotations

import os
from pathlib import Path

from brandlint.errors import UsageError

STARTER_GUIDE = """\
# brandlint guideline: see `brandlint schema` for every key, `brandlint rules` for the rules.
brand: Your Brand
language: auto                 # en | ko | auto (detected per paragraph)
extends: [inclusive, claims]   # built-in rule packs

voice:
  tone: neutral                # formal | neutral | casual
  readability:
    max_grade: 9

message:
  tagline: "Your tagline."
  key_messages: []

terms:
  - use: Your Brand
    instead_of: [YourBrand, Yourbrand]
  - avoid: [guaranteed]
    message: We do not promise what we cannot keep.

colors:
  palette:
    primary: "#1C1C1C"

channels:
  website:
    tone: formal
  x:
    tone: casual
    max_chars: 280
  email:
    require: [unsubscribe, link]

files:
  "web/**": website
  "social/x/**": x
  "email/**": email
"""

PRE_COMMIT = """\
repos:
  - repo: local
    hooks:
      - id: brandlint
        name: brandlint
        entry: brandlint check
        language: system
        files: (?i)\\.(md|markdown|txt|html?|css|svg|png|jpe?g|webp)$
"""


def write_starter(folder: Path) -> list[str]:
    guide = folder / "brand.yaml"
    # lexists: a link to nowhere is still a name we must not take over.
    taken = [name for name in ("brand.yaml", ".brandlint.yaml") if os.path.lexists(folder / name)]
    if taken:
        raise UsageError(f"{taken[0]} already exists here; not overwritten")
    from brandlint.atomic import write_text_atomically

    write_text_atomically(guide, STARTER_GUIDE)
    said = [f"wrote {guide.name}: edit the brand, terms and channels, then run `brandlint check`"]
    hook = folder / ".pre-commit-config.yaml"
    if os.path.lexists(hook):
        said.append("a .pre-commit-config.yaml exists; add this hook to it:\n" + PRE_COMMIT)
    else:
        write_text_atomically(hook, PRE_COMMIT)
        said.append(f"wrote {hook.name}: run `pre-commit install` to check copy on every commit")
    return said
