"""Plain text (SMS, push, X posts): paragraphs split at blank lines.

A line starting with `#` and a space (or `# brandlint-…`) is a comment, not copy; a
hashtag such as `#SpringLaunch` is copy.
"""

from __future__ import annotations

import re

from brandlint.documents.base import URL_RE, Block, Comment, Document, Link, may_hold_url

COMMENT_LINE_RE = re.compile(r"[ \t]*#(?:[ \t]|$|brandlint-)")


def parse_text(doc: Document) -> None:
    text = doc.text
    block: Block | None = None
    position = doc.body_start
    for line in text[doc.body_start:].split("\n"):
        start, position = position, position + len(line) + 1
        if COMMENT_LINE_RE.match(line):
            hash_at = line.index("#")
            doc.comments.append(Comment(line[hash_at + 1:], start + hash_at, start + len(line)))
            block = None
            continue
        if not line.strip():
            block = None
            continue
        if block is None:
            block = Block("paragraph")
            doc.blocks.append(block)
        else:
            block.add("\n", start - 1)
        block.add(line, start)
        for match in URL_RE.finditer(line) if may_hold_url(line) else ():
            doc.links.append(Link(match.group(), match.group(), start + match.start(), start + match.end()))
