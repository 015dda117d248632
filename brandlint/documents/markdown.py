"""Markdown (markdown-it-pyrs: markdown-it in Rust, CommonMark + tables) to prose blocks with
exact offsets.

The parser gives every node, inline ones too, its source span in UTF-8 bytes; spans are
turned into code-point offsets once per document. A text node's content is its source
except where the parser unescaped it (`\\*`, `&amp;`, `\\|` in a table): those are aligned
character by character. Code, autolinks and inline HTML are not prose; `alt` text of
images becomes its own block. The Rust parser is about eight times faster than
markdown-it-py and imports in 1 ms instead of 17 (what a pre-commit hook pays); a document
it cannot take (it panics) goes to markdown-it-py (brandlint.documents.markdown_python).
"""

from __future__ import annotations

import html
import os
import re
import sys
from bisect import bisect_left
from functools import cache
from typing import Any

from brandlint.documents.base import Block, Comment, Document, Link

ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WIDE_RE = re.compile(r"[^\x00-\x7f]")
_TAG_NAME_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_HREF_RE = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)

# What a block-level node holds directly when it holds prose (a tight list item holds its
# inline nodes without a paragraph around them).
INLINE = frozenset({"text", "text_special", "softbreak", "hardbreak", "em", "strong", "strikethrough",
                    "link", "image", "autolink", "code_inline", "html_inline"})
# The block kind a container gives the prose inside it (innermost wins).
CONTAINER_KIND = {"bullet_list": "list", "ordered_list": "list", "blockquote": "blockquote",
                  "table": "table", "heading": "heading", "lheading": "heading"}
NOT_PROSE = frozenset({"code_block", "fence", "hr"})


@cache
def _parser() -> Any:
    from markdown_it_pyrs import MarkdownIt

    return MarkdownIt("commonmark").enable_many(["table", "strikethrough"])


class _Offsets:
    """UTF-8 byte offsets (the parser's) to code-point offsets (ours)."""

    def __init__(self, text: str) -> None:
        self.wide_starts: list[int] = []  # byte offset of each non-ASCII character
        self.extra: list[int] = []  # bytes beyond one, up to and including that character
        total = 0
        if not text.isascii():
            for match in _WIDE_RE.finditer(text):
                self.wide_starts.append(match.start() + total)
                total += len(match.group().encode("utf-8")) - 1
                self.extra.append(total)

    def char(self, byte: int) -> int:
        if not self.wide_starts:
            return byte
        before = bisect_left(self.wide_starts, byte)  # wide characters that start before `byte`
        return byte - (self.extra[before - 1] if before else 0)


def parse_markdown(doc: Document) -> None:
    text = doc.text
    parsed = text
    if doc.body_start:
        # Blank the front matter (keeping newlines) so the parser's offsets are ours.
        parsed = re.sub(r"[^\n]", " ", text[: doc.body_start]) + text[doc.body_start:]
    if "\0" in parsed:
        parsed = parsed.replace("\0", "\ufffd")  # as the parser would, but keeping lengths
    # markdown-it-pyrs 0.4 panics on an unclosed `[` before an unmatched backtick (`[draft
    # `code`), and Rust prints the panic on stderr: such a document is parsed with stderr
    # muted, and one that panics (or any other) goes to markdown-it-py.
    tree = _tree(parsed, quietly="[" in parsed and "`" in parsed)
    if tree is None:
        from brandlint.documents.markdown_python import parse_markdown as parse_in_python

        parse_in_python(doc)
        return
    _Walker(doc, parsed).blocks(tree.children, None)


def _tree(text: str, quietly: bool) -> Any:
    """The parse tree, or None when the parser panicked."""
    muted = _mute_stderr() if quietly else None
    try:
        return _parser().tree(text)
    except BaseException as exc:  # pyo3's PanicException is a BaseException
        if type(exc).__name__ != "PanicException":
            raise
        return None
    finally:
        if muted is not None:
            os.dup2(muted, 2)
            os.close(muted)


def _mute_stderr() -> int | None:
    """Point file descriptor 2 at the null device; returns the original to restore."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        return None  # no stderr to protect
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    return saved


class _Walker:
    def __init__(self, doc: Document, parsed: str) -> None:
        self.doc = doc
        self.text = parsed  # the text as the parser saw it: offsets are the same as doc.text's
        self.offsets = _Offsets(parsed)
        self.cursor = 0  # where the last node ended (for a node without a span)

    def span(self, node: Any) -> tuple[int, int]:
        srcmap = node.srcmap
        if srcmap is None:
            return self.cursor, self.cursor
        char = self.offsets.char
        start, end = char(srcmap[0]), char(srcmap[1])
        self.cursor = end
        return start, end

    def blocks(self, nodes: list[Any], kind: str | None) -> None:
        block: Block | None = None  # the block that consecutive inline nodes go into
        for node in nodes:
            name = node.name
            if name in INLINE:
                if block is None:
                    block = Block(kind or "paragraph")
                    self.doc.blocks.append(block)
                self.inline(block, node)
                continue
            block = None
            if name == "html_block":
                self.html_block(node)
            elif name not in NOT_PROSE:
                self.blocks(node.children, CONTAINER_KIND.get(name, kind))

    def html_block(self, node: Any) -> None:
        from brandlint.documents.html import extract_html  # html.parser: only for files with HTML

        begin, end = self.span(node)
        if end < len(self.text) and self.text[end] == "\n":
            end += 1
        blocks, links, comments, code = extract_html(self.text, begin, end)
        doc = self.doc
        doc.html_regions.append((begin, end))
        doc.blocks.extend(blocks)
        doc.links.extend(links)
        doc.comments.extend(comments)
        doc.code.extend(code)

    def inline(self, block: Block, node: Any) -> None:
        name = node.name
        text = self.text
        start, end = self.span(node)
        if name == "text":
            content = node.meta.get("content", "")
            if text[start:end] == content:
                block.add(content, start)
            elif content:
                align(block, text, content, start, end)
        elif name == "text_special":
            meta = node.meta
            content = meta.get("content", "")
            if meta.get("info") == "escape":
                block.add(content, end - len(content))  # the character after the backslash
            else:
                block.add(content, start, end - start)  # an entity stands for its source
        elif name in ("softbreak", "hardbreak"):
            newline = text.find("\n", start, end)
            if newline >= 0:
                block.add("\n", newline)
        elif name == "code_inline":
            block.separate(start)
            inside = [self.span(child) for child in node.children]
            if inside:
                self.doc.code.append((inside[0][0], inside[-1][1]))
        elif name == "link":
            text_at = len(block.text)
            for child in node.children:
                self.inline(block, child)
            self.doc.links.append(Link(str(node.meta.get("url", "")), block.text[text_at:], start, end))
            if is_label_link(text, start, end):
                self.doc.unfixable.append((start, end))
        elif name == "autolink":
            block.separate(start)
            url = str(node.meta.get("url", ""))
            self.doc.links.append(Link(url, url, start, end))
        elif name == "image":
            block.separate(start)
            alt = Block("alt")
            for child in node.children:
                self.inline(alt, child)
            self.doc.blocks.append(alt)
            if is_label_link(text, start, end):  # ![LumenTea]: the alt text is the label
                self.doc.unfixable.append((start, end))
        elif name == "html_inline":
            self.html_inline(block, str(node.meta.get("content", "")), start, end)
        else:  # em, strong, strikethrough
            for child in node.children:
                self.inline(block, child)
        self.cursor = end

    def html_inline(self, block: Block, content: str, start: int, end: int) -> None:
        from brandlint.documents.html import INLINE_TAGS, html_inline_attributes

        doc = self.doc
        tag = _TAG_NAME_RE.match(content)
        if not (tag and tag.group(1).lower() in INLINE_TAGS):
            block.separate(start)
        if content.startswith("<!--"):
            doc.comments.append(Comment(content[4:-3], start, end))
            return
        doc.html_regions.append((start, end))
        doc.blocks.extend(html_inline_attributes(content, start))
        href = _HREF_RE.search(content)
        if href:
            doc.links.append(Link(href.group(1), "", start, end))


_FULL_REFERENCE_RE = re.compile(r"\]\s*\[[^\]]+\]$")


def is_label_link(text: str, start: int, end: int) -> bool:
    """Is the link at text[start:end] a reference found by its own text (`[LumenTea]`,
    `[LumenTea][]`)? Changing that text would break the link; `[text](url)` and
    `[text][label]` may change."""
    source = text[start:end]
    return source.endswith("]") and not (_FULL_REFERENCE_RE.search(source) and not source.endswith("[]"))


def align(block: Block, text: str, content: str, cursor: int, end: int) -> int:
    """Add `content` to `block`, mapped to where it stands in `text` from `cursor` on."""
    if not content:
        return cursor
    found = text.find(content, cursor, end)
    if found >= 0 and not any(ch.isalnum() for ch in text[cursor:found]):
        block.add(content, found)
        return found + len(content)
    i, q = 0, cursor
    while i < len(content) and q < end:
        ch = content[i]
        if text[q] == ch:
            j = i
            while j < len(content) and q + (j - i) < end and text[q + j - i] == content[j]:
                j += 1
            block.add(content[i:j], q)
            q += j - i
            i = j
        elif text[q] == "\\" and q + 1 < end and text[q + 1] == ch:
            block.add(ch, q + 1)
            q += 2
            i += 1
        elif text[q] == "&" and (entity := ENTITY_RE.match(text, q, end)) and \
                html.unescape(entity.group()) == content[i:i + len(html.unescape(entity.group()))]:
            decoded = html.unescape(entity.group())
            block.add(decoded, q, len(entity.group()))
            q = entity.end()
            i += len(decoded)
        else:
            q += 1  # markup the parser consumed (emphasis markers, brackets, quote marks)
    return q


