"""HTML to prose blocks with exact offsets (the standard library's tolerant parser).

Text inside script, style, code, pre and the like is not prose; neither are attributes,
except `alt` and `title`, which become blocks of their own. Entities are kept as
one-character runs that map to the whole `&name;` in the source.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from brandlint.documents.base import Block, Comment, Link

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "button", "caption", "center", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "label", "legend", "li",
    "main", "nav", "ol", "option", "p", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "ul",
}
CODE_TAGS = {"code", "kbd", "samp"}
SKIP_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "template", "noscript", "svg",
             "math", "textarea", "var"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}
# Formatting inside a word ("Lumen<b>Tea</b>") must not split it.
INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "mark",
               "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "u"}
KIND_BY_TAG = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
               "h6": "heading", "li": "list", "td": "table", "th": "table", "title": "title",
               "blockquote": "blockquote", "caption": "table"}
ATTRIBUTE_RE = re.compile(
    r"""(?:^|\s)(?P<name>alt|title)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""",
    re.IGNORECASE)
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def add_with_entities(block: Block, raw: str, src_pos: int) -> None:
    """Add raw HTML text to a block, decoding entities but keeping the source map."""
    last = 0
    for match in ENTITY_RE.finditer(raw):
        decoded = html.unescape(match.group())
        if decoded == match.group():
            continue
        block.add(raw[last:match.start()], src_pos + last)
        block.add(decoded, src_pos + match.start(), len(match.group()))
        last = match.end()
    block.add(raw[last:], src_pos + last)


def html_inline_attributes(raw_tag: str, src_pos: int) -> list[Block]:
    """`alt` and `title` attribute values of one start tag, as blocks."""
    blocks = []
    for match in ATTRIBUTE_RE.finditer(raw_tag):
        group = next(g for g in ("dq", "sq", "bare") if match.group(g) is not None)
        value = match.group(group)
        if not value.strip():
            continue
        block = Block("alt" if match.group("name").lower() == "alt" else "title")
        add_with_entities(block, value, src_pos + match.start(group))
        blocks.append(block)
    return blocks


CSS_COMMENT_RE = re.compile(r"/\*(.*?)\*/", re.DOTALL)


class _Extractor(HTMLParser):
    def __init__(self, text: str, start: int, end: int, svg: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        # In an .svg file the <text> elements are the copy; in HTML an inline <svg> is not.
        self.skip_tags = SKIP_TAGS - {"svg"} if svg else SKIP_TAGS
        self.text = text
        self.base = start
        self.end = end
        local = text[start:end]
        self.local_starts = [0] + [m.end() for m in re.finditer("\n", local)]
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.comments: list[Comment] = []
        self.block = Block("paragraph")
        self.skip_depth = 0
        self.in_style = False  # inside <style>: its /* */ comments may hold directives
        self.open_link: tuple[str, int, int] | None = None  # href, start, text length at start
        self.code: list[tuple[int, int]] = []  # text inside <code>, <kbd>, <samp>
        self.code_depth = 0

    def here(self) -> int:
        line, column = self.getpos()
        return self.base + self.local_starts[line - 1] + column

    def flush(self, kind: str = "paragraph") -> None:
        if self.block.text.strip():
            self.blocks.append(self.block)
        self.block = Block(kind)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position = self.here()
        raw = self.get_starttag_text() or ""
        self.in_style = tag == "style"
        if tag in self.skip_tags:
            if tag not in VOID_TAGS:
                self.skip_depth += 1
                self.code_depth += tag in CODE_TAGS
            self.block.separate(position)
            return
        if self.skip_depth:
            return
        if tag in BLOCK_TAGS:
            self.flush(KIND_BY_TAG.get(tag, "paragraph"))
        elif tag == "br":
            self.block.add("\n", position, len(raw))
        elif tag not in INLINE_TAGS:
            self.block.separate(position)
        self.blocks.extend(html_inline_attributes(raw, position))
        if tag in ("a", "area"):
            href = dict(attrs).get("href") or ""
            if tag == "area" or tag in VOID_TAGS:
                self.links.append(Link(href, "", position, position + len(raw)))
            else:
                self.open_link = (href, position, len(self.block.text))

    def handle_endtag(self, tag: str) -> None:
        position = self.here()
        self.in_style = False
        if tag in self.skip_tags and tag not in VOID_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            self.code_depth = max(0, self.code_depth - (tag in CODE_TAGS))
            return
        if self.skip_depth:
            return
        if tag == "a" and self.open_link:
            href, start, text_at = self.open_link
            self.links.append(Link(href, self.block.text[text_at:], start, position + len("</a>")))
            self.open_link = None
        if tag in BLOCK_TAGS:
            self.flush()
        elif tag not in INLINE_TAGS:
            self.block.separate(position)

    def handle_data(self, data: str) -> None:
        if self.in_style:
            position = self.here()
            self.comments.extend(Comment(m.group(1), position + m.start(), position + m.end())
                                 for m in CSS_COMMENT_RE.finditer(data))
        if not self.skip_depth:
            self.block.add(data, self.here())
        elif self.code_depth and not self.in_style:
            position = self.here()
            self.code.append((position, position + len(data)))

    def _entity(self) -> None:
        if self.skip_depth:
            return
        position = self.here()
        match = ENTITY_RE.match(self.text, position, self.end)
        if match:
            self.block.add(html.unescape(match.group()), position, len(match.group()))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def handle_comment(self, data: str) -> None:
        position = self.here()
        self.comments.append(Comment(data, position, position + len(data) + 7))
        self.block.separate(position)


def extract_html(text: str, start: int, end: int, svg: bool = False
                 ) -> tuple[list[Block], list[Link], list[Comment], list[tuple[int, int]]]:
    parser = _Extractor(text, start, end, svg)
    parser.feed(text[start:end])
    parser.close()
    parser.flush()
    return parser.blocks, parser.links, parser.comments, parser.code

