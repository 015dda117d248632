"""Readers: a file's bytes to a Document (prose blocks, links, comments, front matter)."""

from __future__ import annotations

import re

from brandlint.documents.base import URL_RE, Block, Document, Link, may_hold_url, normalise
from brandlint.documents.reading import DocumentError, decode, split_front_matter

KIND_BY_SUFFIX = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text",
    ".html": "html", ".htm": "html",
    ".css": "css",
    ".svg": "svg",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".webp": "image",
}


def kind_of(name: str) -> str | None:
    lower = name.lower()
    for suffix, kind in KIND_BY_SUFFIX.items():
        if lower.endswith(suffix):
            return kind
    return None


def parse_document(path: str, raw: bytes, kind: str, fallback_encodings: tuple[str, ...] = ()) -> Document:
    """Decode and parse; raises DocumentError for a file that cannot be read as copy."""
    if kind == "image":
        from brandlint.documents.images import load_creative

        # No prose: copy checks find nothing; image checks read `doc.image`.
        return Document(path=path, kind="image", source="", text="", image=load_creative(raw))
    decoded = decode(raw, path, fallback_encodings)
    source = decoded.source
    text, text_map = normalise(source)
    front_matter, body_start = split_front_matter(text, path)
    doc = Document(path=path, kind=kind, source=source, text=text, encoding=decoded.encoding,
                   bom=decoded.bom, newline=decoded.newline, body_start=body_start,
                   front_matter=front_matter, text_map=text_map,
                   nfd=text_map is not None and text != source.replace("\r\n", "\n").replace("\r", "\n"))
    if kind == "markdown":
        from brandlint.documents.markdown import parse_markdown

        parse_markdown(doc)
    elif kind in ("html", "svg"):
        from brandlint.documents.html import extract_html

        blocks, links, comments, doc.code = extract_html(text, body_start, len(text), svg=kind == "svg")
        doc.blocks, doc.links, doc.comments = blocks, links, comments
    elif kind == "css":
        from brandlint.documents.base import Comment

        doc.comments = [Comment(m.group(1), m.start(), m.end()) for m in _CSS_COMMENT_RE.finditer(text)]
    else:
        from brandlint.documents.text import parse_text

        parse_text(doc)
    _add_bare_links(doc)
    return doc


_CSS_COMMENT_RE = re.compile(r"/\*(.*?)\*/", re.DOTALL)


def _add_bare_links(doc: Document) -> None:
    """URLs written as plain text in Markdown and HTML prose count as links too."""
    if doc.kind in ("text", "css"):
        return
    known = {(link.start, link.end) for link in doc.links}
    for block in doc.blocks:
        if not may_hold_url(block.text):
            continue
        for match in URL_RE.finditer(block.text):
            start, end = block.span(match.start(), match.end())
            if (start, end) not in known:
                doc.links.append(Link(match.group(), match.group(), start, end))


__all__ = ["Block", "Document", "DocumentError", "Link", "kind_of", "parse_document"]
