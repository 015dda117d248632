"""Markdown with markdown-it-py (pure Python, CommonMark + tables): the fallback for documents
the Rust parser (brandlint.documents.markdown) cannot take.

markdown-it-py gives each block its source lines but not the offsets of inline text, and
it unescapes `\\*` and `&amp;`. We walk each inline token's children and align their
text to the source from a moving cursor: the fast path is a plain `find`; escapes and
entities are aligned character by character. Code, autolinks and inline HTML are not
prose; `alt` text of images becomes its own block.
"""

from __future__ import annotations

import re
from functools import cache

from brandlint.documents.base import Block, Comment, Document, Link
from brandlint.documents.markdown import align, is_label_link


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def parse_markdown(doc: Document) -> None:
    text = doc.text
    # Blank the front matter (keeping newlines) so markdown-it's line numbers are ours.
    if doc.body_start:
        head = re.sub(r"[^\n]", " ", text[: doc.body_start])
        tokens = _parser().parse(head + text[doc.body_start:])
    else:
        tokens = _parser().parse(text)
    starts = doc.line_starts
    kinds: list[str] = []
    line_cursor: dict[int, int] = {}
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            kinds.append("list")
        elif kind == "blockquote_open":
            kinds.append("blockquote")
        elif kind in ("table_open",):
            kinds.append("table")
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close", "table_close"):
            if kinds:
                kinds.pop()
        elif kind == "heading_open":
            kinds.append("heading")
        elif kind == "heading_close":
            kinds.pop()
        elif kind == "html_block" and token.map:
            begin = starts[token.map[0]]
            end = starts[token.map[1]] if token.map[1] < len(starts) else len(text)
            from brandlint.documents.html import extract_html  # html.parser: only for files with HTML

            blocks, links, comments, code = extract_html(text, begin, end)
            doc.html_regions.append((begin, end))
            doc.blocks.extend(blocks)
            doc.links.extend(links)
            doc.comments.extend(comments)
            doc.code.extend(code)
        elif kind == "inline" and token.map:
            first_line = token.map[0]
            begin = line_cursor.get(first_line, starts[first_line])
            end = starts[token.map[1]] if token.map[1] < len(starts) else len(text)
            block_kind = kinds[-1] if kinds else "paragraph"
            cursor = _inline(doc, token, block_kind, begin, end)
            line_cursor[first_line] = cursor


def _inline(doc: Document, token, block_kind: str, cursor: int, end: int) -> int:
    text = doc.text
    block = Block(block_kind)
    doc.blocks.append(block)
    link_stack: list[tuple[str, int, int, bool]] = []  # (href, start, text_len, autolink)
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            if link_stack and link_stack[-1][3]:
                continue  # the URL text of an autolink
            cursor = align(block, text, child.content, cursor, end)
        elif kind in ("softbreak", "hardbreak"):
            newline = text.find("\n", cursor, end)
            if newline >= 0:
                block.add("\n", newline)
                cursor = newline + 1
        elif kind == "code_inline":
            found = text.find(child.content, cursor, end)
            if found >= 0:
                block.separate(found)
                cursor = found + len(child.content)
                doc.code.append((found, cursor))
                while cursor < end and text[cursor] == "`":
                    cursor += 1
        elif kind == "link_open":
            href = child.attrs.get("href", "")
            auto = child.markup == "autolink"
            start = text.find("<" if auto else "[", cursor, end)
            start = cursor if start < 0 else start
            if auto:
                block.separate(start)
                cursor = start + 1
            else:
                cursor = start + 1
            link_stack.append((str(href), start, len(block.text), auto))
        elif kind == "link_close" and link_stack:
            href, start, text_at, auto = link_stack.pop()
            if auto:
                close = text.find(">", cursor, end)
                cursor = close + 1 if close >= 0 else cursor
            else:
                cursor = _skip_link_tail(text, cursor, end)
            link_text = block.text[text_at:] if not auto else href
            doc.links.append(Link(href, link_text, start, cursor))
            if not auto and is_label_link(text, start, cursor):
                doc.unfixable.append((start, cursor))
        elif kind == "image":
            start = text.find("![", cursor, end)
            if start >= 0:
                block.separate(start)
                alt = Block("alt")
                alt_cursor = start + 2
                for part in child.children or []:
                    if part.type == "text":
                        alt_cursor = align(alt, text, part.content, alt_cursor, end)
                doc.blocks.append(alt)
                cursor = _skip_link_tail(text, alt_cursor, end)
        elif kind == "html_inline":
            from brandlint.documents.html import INLINE_TAGS, html_inline_attributes

            found = text.find(child.content, cursor, end)
            if found >= 0:
                tag = re.match(r"</?([A-Za-z][A-Za-z0-9-]*)", child.content)
                if not (tag and tag.group(1).lower() in INLINE_TAGS):
                    block.separate(found)
                cursor = found + len(child.content)
                if child.content.startswith("<!--"):
                    doc.comments.append(Comment(child.content[4:-3], found, cursor))
                else:
                    doc.html_regions.append((found, cursor))
                    doc.blocks.extend(html_inline_attributes(child.content, found))
                    href = re.search(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", child.content, re.I)
                    if href:
                        doc.links.append(Link(href.group(1), "", found, cursor))
    return cursor


def _skip_link_tail(text: str, cursor: int, end: int) -> int:
    """From inside `[text`, skip past `](destination "title")`, `][ref]` or `]`."""
    close = text.find("]", cursor, end)
    if close < 0:
        return cursor
    q = close + 1
    if q < end and text[q] == "(":
        depth, q = 1, q + 1
        while q < end and depth:
            if text[q] == "\\":
                q += 2
                continue
            if text[q] == "(":
                depth += 1
            elif text[q] == ")":
                depth -= 1
            q += 1
        return q
    if q < end and text[q] == "[":
        ref_end = text.find("]", q, end)
        return ref_end + 1 if ref_end >= 0 else q
    return q
