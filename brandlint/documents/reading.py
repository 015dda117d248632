"""Bytes to text: BOM, encodings, binary detection, size limits, front matter."""

from __future__ import annotations

import codecs
import re
from typing import Any, NamedTuple

from brandlint.errors import BrandlintError

# A 50 MB "copy" file is an export or a mistake; parsing it would take minutes and
# gigabytes. Refused with a message (the rest of the run goes on).
MAX_FILE_BYTES = 10 * 1024 * 1024

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


class DocumentError(BrandlintError):
    """This one file cannot be checked; the others still are."""


class Decoded(NamedTuple):
    source: str
    encoding: str
    bom: bool
    newline: str


def decode(raw: bytes, path: str, fallback_encodings: tuple[str, ...] = ()) -> Decoded:
    if len(raw) > MAX_FILE_BYTES:
        raise DocumentError(f"file is {len(raw) / 1e6:.1f} MB; files over "
                            f"{MAX_FILE_BYTES // (1024 * 1024)} MB are not checked", path)
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise _decode_error(raw[len(bom):], exc, path, name) from None
            return Decoded(text, name, True, _newline(text))
    if b"\x00" in raw[:8192]:
        raise DocumentError("binary file (it contains NUL bytes); not checked", path)
    try:
        text = raw.decode("utf-8")
        return Decoded(text, "utf-8", False, _newline(text))
    except UnicodeDecodeError as exc:
        error = _decode_error(raw, exc, path, "UTF-8")
    for name in fallback_encodings:
        try:
            text = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return Decoded(text, name, False, _newline(text))
    detected = _detect_korean(raw)
    if detected is not None:
        return Decoded(raw.decode(detected), detected, False, _newline(raw.decode(detected)))
    raise error


def _detect_korean(raw: bytes) -> str | None:
    """CP949 (a superset of EUC-KR) when the bytes are that, as charset-normalizer judges.

    The detector is limited to the encodings our users have: unrestricted, it reads short
    Korean text such as 할인 as Big5.
    """
    try:
        text = raw.decode("cp949")
    except UnicodeDecodeError:
        return None
    # Korean text read as CP949 is Hangul syllables almost throughout; other bytes that
    # happen to decode come out as Hanja and symbols. This settles short files too, which
    # the statistical detector leaves undecided (최고! is five bytes).
    foreign = [ch for ch in text if not ch.isascii()]
    if foreign and sum("\uac00" <= ch <= "\ud7a3" for ch in foreign) >= 0.8 * len(foreign):
        return "cp949"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(raw, cp_isolation=["utf_8", "cp949", "euc_kr"]).best()
    if best is None:
        return None
    try:
        raw.decode("cp949")
    except UnicodeDecodeError:
        return None
    return "cp949"


def _decode_error(raw: bytes, exc: UnicodeDecodeError, path: str, name: str) -> DocumentError:
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    tried = f"{name} or CP949" if name == "UTF-8" else name
    return DocumentError(f"not valid {tried}: byte 0x{raw[exc.start]:02x} at offset {exc.start}; "
                         "save it as UTF-8 or set `encoding:` in the guideline", path, line, column)


def _newline(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], int]:
    """YAML front matter at the top of `text` (LF line ends): its data and where the body starts."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return {}, 0
    from brandlint.guide.yamlsource import parse_yaml

    try:
        source = parse_yaml(match.group("yaml") or "", path, line_offset=1)
    except BrandlintError as exc:
        raise DocumentError(f"front matter: {exc.message}", path, exc.line, exc.column) from None
    data = source.data
    if data is None:
        return {}, match.end()
    if not isinstance(data, dict):
        raise DocumentError("front matter must be a mapping (such as `channel: x`)", path, 2, 1)
    for key in ("channel", "language", "campaign", "encoding"):
        if key in data and not isinstance(data[key], str):
            line, column = source.position((key,))
            raise DocumentError(f"front matter: `{key}` must be text", path, line, column)
    data["_positions"] = {key: source.position((key,)) for key in data}
    return data, match.end()
