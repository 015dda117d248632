"""A parsed document: prose blocks with an exact map back to the source as written.

Offsets in blocks, links and comments are code-point offsets into `Document.text`, the
source with CRLF folded to LF (so the parsers see one kind of line end). `source_offset`
turns them back into offsets into `Document.source`, the decoded file as written, for
fixes and for the `match` of a finding. Lines and columns are the same in both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

# Stands in for non-prose inside a block (inline code, an inline tag) so that words on
# either side never join into a phrase; it is neither a word character nor a space.
SEPARATOR = "\ufffc"

URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'`\u3000]+[^\s<>\"'`.,;:!?)\]}\u3000]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


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

    def add(self, chunk: str, src_pos: int, src_length: int | None = None) -> None:
        if not chunk:
            return
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
            self._run_starts = None

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
        """The text with URLs and e-mail addresses blanked out (same length)."""
        if "." not in self.text:
            return self.text
        return URL_RE.sub(lambda m: SEPARATOR * len(m.group()), self.text)


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Comment:
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
    channel: str | None = None
    language: str = "en"
    campaign: str | None = None
    _line_starts: list[int] | None = None
    _crlf_positions: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", self.text))
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a text offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def source_offset(self, offset: int) -> int:
        """Map a text offset (LF line ends) to the source as written (maybe CRLF)."""
        if self._crlf_positions is None:
            if "\r\n" not in self.source:
                self._crlf_positions = []
            else:
                # Where each CRLF's LF lands once the CRs before it are removed.
                self._crlf_positions = [match.start() - removed for removed, match
                                        in enumerate(re.finditer("\r\n", self.source))]
        if not self._crlf_positions:
            return offset
        return offset + bisect_right(self._crlf_positions, offset - 1)

    def source_slice(self, start: int, end: int) -> str:
        return self.source[self.source_offset(start):self.source_offset(end)]

    def prose_blocks(self) -> list[Block]:
        """Blocks a reader sees as the message (alt and title text only in HTML)."""
        return [block for block in self.blocks
                if (self.kind == "html" or block.kind not in ("alt", "title"))
                and block.text.replace(SEPARATOR, "").strip()]


def normalise_newlines(source: str) -> str:
    """CRLF and lone CR to LF, keeping every other offset (CR alone is one char too)."""
    if "\r" not in source:
        return source
    return source.replace("\r\n", "\n").replace("\r", "\n")
