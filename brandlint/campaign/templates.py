"""Where a channel's template is: `templates/<channel>[.<locale>].<ext>.j2` beside the
guideline, else the built-in one of that name."""

from __future__ import annotations

from pathlib import Path

from brandlint.resources import builtin_dir

EXTENSIONS = ("html", "txt", "md")
LOCALES = ("en", "ko")


def template_folders(guide_root: Path) -> list[Path]:
    """The brand's own templates first, then the built-in ones."""
    return [guide_root / "templates", builtin_dir("templates")]


def find_template(channel: str, locale: str | None, folders: list[Path]) -> Path | None:
    """The template for a channel in a locale (`sms.ko.txt.j2` before `sms.txt.j2`); with no
    locale, any template of the channel. A channel name is a file name, never a path."""
    if not channel or channel.startswith(".") or any(sep in channel for sep in "/\\\0"):
        return None
    for folder in folders:
        names = [f"{channel}.{locale}.{{}}.j2"] if locale else [f"{channel}.{other}.{{}}.j2" for other in LOCALES]
        for name in [*names, f"{channel}.{{}}.j2"]:
            for ext in EXTENSIONS:
                candidate = folder / name.format(ext)
                if candidate.is_file():
                    return candidate
    return None


def templated_channels(folders: list[Path]) -> list[str]:
    """The channel names some template in these folders is for, sorted."""
    found: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.glob("*.j2"):
            parts = path.name.split(".")
            if (len(parts) == 3 and parts[1] in EXTENSIONS) or (len(parts) == 4 and parts[1] in LOCALES
                                                                and parts[2] in EXTENSIONS):
                found.add(parts[0])
    return sorted(found)
