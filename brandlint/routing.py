"""Which channel a file belongs to: --channel > front matter > `files:` globs > base."""

from __future__ import annotations

import os
import re
from functools import cache


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a `files:` glob: `**` spans folders, `*` and `?` stay within one; a
    pattern without a slash matches the file name at any depth (as in .gitignore)."""
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[":
            close = pattern.find("]", i + 1)
            if close < 0:
                out.append(re.escape(ch))
                i += 1
            else:
                body = pattern[i + 1:close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        elif ch == "{":
            close = pattern.find("}", i + 1)
            if close < 0:
                out.append(re.escape(ch))
                i += 1
            else:
                out.append("(?:" + "|".join(re.escape(p) for p in pattern[i + 1:close].split(",")) + ")")
                i = close + 1
        else:
            out.append(re.escape(ch))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out) + r"\Z")


@cache
def specificity(pattern: str) -> int:
    """How much of a path a glob pins down: its literal characters (wildcards and classes
    count for nothing, a {a,b} choice for one)."""
    return len(re.sub(r"\*+|\?|\[[^\]]*\]", "", re.sub(r"\{[^}]*\}", "x", pattern.strip().removeprefix("./"))))


def _nfc(pattern: str) -> str:
    if pattern.isascii():
        return pattern
    import unicodedata

    return unicodedata.normalize("NFC", pattern)


def channel_for(relative_path: str, files: dict[str, str]) -> str | None:
    """The channel of the most specific `files:` glob that matches the path (`web/ko/**` over
    `web/**`, whatever their order); between equally specific ones, the first listed."""
    posix = relative_path.replace(os.sep, "/")
    if not posix.isascii():  # a folder named on macOS is in NFD; the guideline's globs are NFC
        import unicodedata

        posix = unicodedata.normalize("NFC", posix)
    best: tuple[int, str] | None = None
    for pattern, channel in files.items():
        if glob_regex(_nfc(pattern)).match(posix) and (best is None or specificity(pattern) > best[0]):
            best = (specificity(pattern), channel)
    return None if best is None else best[1]
