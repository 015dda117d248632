"""A parsed document: prose blocks with an exact map back to the source as written.

Offsets in blocks, links and comments are code-point offsets into `Document.text`, the
source with CRLF folded to LF (so the parsers see one kind of line end). `source_offset`
turns them back into offsets into `Document.source`, the decoded file as written, for
fixes and for the `match` of a finding. Lines and columns are the same in both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from brandlint.lazyre import LazyPattern

# Stands in for non-prose inside a block (inline code, an inline tag) so that words on
# either side never join into a phrase; it is neither a word character nor a space.
SEPARATOR = "\ufffc"

URL_RE = LazyPattern(
    r"(?:https?://|www\.)[^\s<>\"'`\u3000]+[^\s<>\"'`.,;:!?)\]}\u3000]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)



def in_bare_domain(prose: str, start: int, end: int) -> bool:
    """Is prose[start:end] part of an address written without its scheme (`LumenTea.com`,
    `shop.LumenTea.com`)? A dot joins it to letters on either side. URL_RE blanks only
    addresses with a scheme or `www.`."""
    return ((prose[end:end + 1] == "." and prose[end + 1:end + 2].isalpha())
            or (start >= 2 and prose[start - 1] == "." and prose[start - 2].isalnum()))


def may_hold_url(text: str) -> bool:
    """False when URL_RE cannot match (no scheme, www. or @): its e-mail branch otherwise
    tries at every word character."""
    return "@" in text or "://" in text or "www." in text


@dataclass(slots=True)
class Run:
    """`length` characters of block text from `text_pos` map to source at `src_pos`.

    When `src_length` differs from `length` (an HTML entity, a Markdown escape), the run
    is one character standing for `src_length` source characters.
    """

    text_pos: int
    src_pos: int
    length: int
    src_length: int


@dataclass(slots=True)
class Block:
    """A unit of prose (heading, paragraph, list item, alt text…) and its source map."""

    kind: str
    text: str = ""
    runs: list[Run] = field(default_factory=list)
    language: str = "en"
    _run_starts: list[int] | None = None
    # Segments every check shares, computed once the block is complete (see `prose`).
    _prose: str | None = None
    _sentences: list[Any] | None = None
    _words: list[str] | None = None
    _lowered: str | None = None

    def add(self, chunk: str, src_pos: int, src_length: int | None = None) -> None:
        if not chunk:
            return
        self._prose = self._sentences = self._words = self._lowered = None
        src_length = len(chunk) if src_length is None else src_length
        if src_length == len(chunk) and self.runs:
            last = self.runs[-1]
            if (last.length == last.src_length and last.text_pos + last.length == len(self.text)
                    and last.src_pos + last.src_length == src_pos):
                last.length += len(chunk)
                last.src_length += len(chunk)
                self.text += chunk
                return
        self.runs.append(Run(len(self.text), src_pos, len(chunk), src_length))
        self.text += chunk
        self._run_starts = None

    def separate(self, src_pos: int) -> None:
        """Mark skipped non-prose (once, however much was skipped)."""
        if self.text and not self.text.endswith(SEPARATOR):
            self.runs.append(Run(len(self.text), src_pos, 1, 0))
            self.text += SEPARATOR
            self._run_starts = self._prose = self._sentences = self._words = self._lowered = None

    def _run_at(self, index: int) -> Run:
        if self._run_starts is None:
            self._run_starts = [run.text_pos for run in self.runs]
        return self.runs[max(0, bisect_right(self._run_starts, index) - 1)]

    def source_start(self, index: int) -> int:
        run = self._run_at(index)
        if run.length == run.src_length:
            return run.src_pos + (index - run.text_pos)
        return run.src_pos

    def source_end(self, index: int) -> int:
        """Source offset just after the character before `index` (exclusive end)."""
        if index <= 0:
            return self.source_start(0)
        run = self._run_at(index - 1)
        if run.length == run.src_length:
            return run.src_pos + (index - run.text_pos)
        return run.src_pos + run.src_length

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.source_start(start), self.source_end(end)

    @property
    def prose(self) -> str:
        """The text with URLs and e-mail addresses blanked out (same length).

        Computed once: checks read it after parsing has finished the block."""
        if self._prose is None:
            text = self.text
            self._prose = URL_RE.sub(_blank, text) if may_hold_url(text) and "." in text else text
        return self._prose

    @property
    def lowered(self) -> str:
        """The prose in lower case, as the term, pack and compliance patterns match it."""
        if self._lowered is None:
            self._lowered = self.prose.lower()
        return self._lowered

    @property
    def words(self) -> list[str]:
        """`lang.en.words` of the prose: read by spelling, readability and tone alike."""
        if self._words is None:
            from brandlint.lang.en import words

            self._words = words(self.prose)
        return self._words

    @property
    def english_sentences(self) -> list[Any]:
        """`lang.en.sentences` of the prose, shared by every check that reads sentences."""
        if self._sentences is None:
            from brandlint.lang.en import sentences

            self._sentences = sentences(self.prose)
        return self._sentences


def _blank(match: re.Match[str]) -> str:
    return SEPARATOR * (match.end() - match.start())


class Link(NamedTuple):
    url: str
    text: str
    start: int
    end: int


class Comment(NamedTuple):
    """A comment in the source (for inline suppression directives)."""

    body: str
    start: int
    end: int


@dataclass
class Document:
    path: str
    kind: str  # markdown | text | html
    source: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    body_start: int = 0
    front_matter: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    # Where inline code and <code> text is (start, end): not prose, but a campaign's promo
    # code is often written there (`SPRING20`).
    code: list[tuple[int, int]] = field(default_factory=list)
    channel: str | None = None
    language: str = "en"
    campaign: str | None = None
    # Runs mapping `text` back to `source`; None when they are the same string.
    text_map: list[Run] | None = None
    nfd: bool = False  # the source was not NFC (macOS often writes Hangul decomposed)
    image: Any = None  # a documents.images.Creative for PNG, JPEG and WebP files
    # Raw HTML inside Markdown (html blocks and inline tags): where its style="" attributes are.
    html_regions: list[tuple[int, int]] = field(default_factory=list)
    # Text a fix must not change (start, end): the label of a Markdown reference link
    # (`[LumenTea]` finds `[LumenTea]: https://…` by that very text).
    unfixable: list[tuple[int, int]] = field(default_factory=list)
    _styles: tuple[list, list] | None = None
    _map_starts: list[int] | None = None
    _line_starts: list[int] | None = None

    @property
    def has_styles(self) -> bool:
        """Can this document declare colours and fonts (a stylesheet, markup, HTML in Markdown)?"""
        return self.kind in ("css", "svg", "html") or bool(self.html_regions)

    @property
    def styles(self) -> list:
        """Style declarations (CSS, <style>, style="", SVG attributes), parsed on first use."""
        return self._parse_styles()[0]

    @property
    def style_problems(self) -> list:
        return self._parse_styles()[1]

    def _parse_styles(self) -> tuple[list, list]:
        if self._styles is None:
            if self.kind in ("css", "svg", "html"):
                from brandlint.documents.styles import extract_styles

                self._styles = extract_styles(self.text, self.kind, self.body_start)
            elif self.html_regions:
                from brandlint.documents.styles import extract_region_styles

                self._styles = extract_region_styles(self.text, self.html_regions)
            else:
                self._styles = ([], [])
        return self._styles

    @property
    def line_starts(self) -> list[int]:
        """Offsets in `text` where each line starts."""
        if self._line_starts is None:
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", self.text))
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line, and column in code points of the source as written."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        line_start = self.line_starts[line - 1]
        if self.text_map is None:
            return line, offset - line_start + 1
        return line, self.source_offset(offset) - self.source_offset(line_start) + 1

    def source_offset(self, offset: int) -> int:
        """Map a text offset (LF line ends, NFC) to the source as written (CRLF, NFD…)."""
        if self.text_map is None:
            return offset
        if self._map_starts is None:
            self._map_starts = [run.text_pos for run in self.text_map]
        if offset >= len(self.text):
            return len(self.source) + (offset - len(self.text))
        run = self.text_map[max(0, bisect_right(self._map_starts, offset) - 1)]
        if run.length == run.src_length:
            return run.src_pos + (offset - run.text_pos)
        return run.src_pos

    def source_slice(self, start: int, end: int) -> str:
        return self.source[self.source_offset(start):self.source_offset(end)]

    @property
    def is_copy(self) -> bool:
        """Copy (Markdown, text, HTML) as opposed to a stylesheet or an SVG graphic."""
        return self.kind in ("markdown", "text", "html")

    def prose_blocks(self) -> list[Block]:
        """Blocks a reader sees as the message (alt and title text only in HTML)."""
        return [block for block in self.blocks
                if (self.kind == "html" or block.kind not in ("alt", "title"))
                and block.text.replace(SEPARATOR, "").strip()]


def normalise(source: str) -> tuple[str, list[Run] | None]:
    """Fold CRLF and lone CR to LF and compose to NFC, mapping every text offset back.

    Parsers and matchers see one kind of line end and composed Hangul (`최고`, not the six
    jamo macOS may write); findings still point into the source as written.
    """
    import unicodedata

    if "\r" not in source and (source.isascii() or unicodedata.is_normalized("NFC", source)):
        return source, None
    out: list[str] = []
    runs: list[Run] = []
    text_pos = 0

    def emit(chunk: str, src_pos: int, src_length: int) -> None:
        nonlocal text_pos
        if runs and len(chunk) == src_length:
            last = runs[-1]
            if last.length == last.src_length and last.src_pos + last.src_length == src_pos:
                last.length += len(chunk)
                last.src_length += src_length
                out.append(chunk)
                text_pos += len(chunk)
                return
        runs.append(Run(text_pos, src_pos, len(chunk), src_length))
        out.append(chunk)
        text_pos += len(chunk)

    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\r":
            width = 2 if source.startswith("\r\n", i) else 1
            emit("\n", i, width)
            i += width
            continue
        if ch.isascii():
            j = i + 1
            while j < n and source[j].isascii() and source[j] != "\r":
                j += 1
            if j < n and unicodedata.combining(source[j]):
                j -= 1  # a decomposed accent (Cafe + U+0301): its letter composes with it below
            if j > i:
                emit(source[i:j], i, j - i)
                i = j
                continue
        j = i + 1
        while j < n and not source[j].isascii():
            j += 1
        chunk = source[i:j]
        if unicodedata.is_normalized("NFC", chunk):
            emit(chunk, i, j - i)
        else:
            _compose(chunk, i, emit)
        i = j
    return "".join(out), runs


def _compose(chunk: str, base: int, emit: Callable[[str, int, int], None]) -> None:
    """Emit the NFC form of `chunk` piece by piece: each composed character is mapped to
    the source characters it was made from (a Hangul syllable from its two or three jamo)."""
    import unicodedata

    i = 0
    while i < len(chunk):
        j = i + 1
        while j < len(chunk) and len(unicodedata.normalize("NFC", chunk[i:j + 1])) == 1:
            j += 1
        emit(unicodedata.normalize("NFC", chunk[i:j]), base + i, j - i)
        i = j
