"""Style declarations with exact positions: CSS files, <style> blocks, style="" attributes
and SVG presentation attributes (fill, stroke, font-family…), parsed with tinycss2.

Each declaration keeps the offset of its value in the document text and the rule (CSS
rule, element) it belongs to, so that text colour and background can be paired for
contrast. Custom properties (`--gold: #E0A526`) defined in the same file resolve `var()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# SVG and old HTML attributes that carry a colour or a font.
STYLE_ATTRIBUTES = {"fill", "stroke", "stop-color", "flood-color", "lighting-color", "color", "font-family",
                    "bgcolor", "text"}


@dataclass
class Declaration:
    """One `property: value`: the value's span in the text and its tinycss2 tokens."""

    prop: str
    value: str
    start: int
    end: int
    rule: int  # declarations with the same rule id share a selector or an element
    tokens: list[Any] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)  # absolute offset of each token
    selector: str = ""  # the CSS selector, or the element's tag name
    ancestors: tuple[int, ...] = ()  # rule ids of the elements around this one's, outermost first


@dataclass
class StyleProblem:
    message: str
    start: int


def _line_starts(text: str) -> list[int]:
    """Line starts as tinycss2 counts lines (CSS ends a line at a form feed too)."""
    return [0] + [m.end() for m in re.finditer("[\n\f]", text)]


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.declarations: list[Declaration] = []
        self.problems: list[StyleProblem] = []
        self.rule = 0
        self.ancestors: dict[int, tuple[int, ...]] = {}  # element rule id -> enclosing elements' rule ids

    def next_rule(self) -> int:
        self.rule += 1
        return self.rule

    def css(self, css: str, base: int, rule: int | None = None, inline: bool = False, selector: str = "") -> None:
        """Declarations of a stylesheet (or of a style attribute when `inline`)."""
        import tinycss2

        starts = _line_starts(css)

        def offset(node: Any) -> int:
            return base + starts[node.source_line - 1] + node.source_column - 1

        if inline:
            self._declarations(tinycss2.parse_blocks_contents(css, skip_whitespace=True, skip_comments=True),
                               offset, rule if rule is not None else self.next_rule(), selector)
            return
        self._rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), offset)

    def _rules(self, rules: list, offset: Any) -> None:
        import tinycss2

        for node in rules:
            if node.type == "error":
                self.problems.append(StyleProblem(f"invalid CSS: {node.message}", offset(node)))
            elif node.type == "qualified-rule":
                selector = tinycss2.serialize(node.prelude).strip().lower()
                self._declarations(tinycss2.parse_blocks_contents(node.content, skip_whitespace=True,
                                                                  skip_comments=True), offset, self.next_rule(),
                                   selector)
            elif node.type == "at-rule" and node.content is not None:
                if node.lower_at_keyword in ("font-face", "page"):
                    continue  # @font-face declares a family; it uses none
                if node.lower_at_keyword in ("media", "supports", "layer", "container", "document"):
                    self._rules(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True),
                                offset)
                else:
                    self._declarations(tinycss2.parse_blocks_contents(node.content, skip_whitespace=True,
                                                                      skip_comments=True), offset, self.next_rule())

    def _declarations(self, nodes: list, offset: Any, rule: int, selector: str = "") -> None:
        for node in nodes:
            if node.type == "error":
                self.problems.append(StyleProblem(f"invalid CSS declaration: {node.message}", offset(node)))
                continue
            if node.type != "declaration":
                continue
            tokens = [t for t in node.value if t.type not in ("whitespace", "comment")]
            if not tokens:
                continue
            token_starts = [offset(t) for t in tokens]
            start = token_starts[0]
            end = _token_end(self.text, tokens[-1], token_starts[-1])
            self.declarations.append(Declaration(node.lower_name, self.text[start:end], start, end, rule,
                                                 tokens, token_starts, selector))

    def attribute(self, name: str, value: str, start: int, rule: int, selector: str = "") -> None:
        """A presentation attribute (fill="#E0A526") as a one-declaration rule."""
        import tinycss2

        tokens = [t for t in tinycss2.parse_component_value_list(value) if t.type not in ("whitespace", "comment")]
        if not tokens:
            return
        starts = _line_starts(value)
        token_starts = [start + starts[t.source_line - 1] + t.source_column - 1 for t in tokens]
        end = _token_end(self.text, tokens[-1], token_starts[-1])
        self.declarations.append(Declaration(name, self.text[token_starts[0]:end], token_starts[0], end, rule,
                                             tokens, token_starts, selector))


def _token_end(text: str, token: Any, start: int) -> int:
    """Where a token ends in the source (functions end at their closing parenthesis)."""
    if token.type == "function":
        depth, i = 0, start
        while i < len(text):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return len(text)
    import tinycss2

    return start + len(tinycss2.serialize([token]))


ATTRIBUTE_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _MarkupStyles(HTMLParser):
    """<style> blocks, style="" and presentation attributes of HTML or SVG."""

    def __init__(self, collector: _Collector, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.collector = collector
        self.text = text
        self.base = base
        self.starts = _line_starts(text)
        self.in_style = False
        self.stack: list[tuple[str, int]] = []  # open elements (tag, rule id): what a colour sits on

    def here(self) -> int:
        line, column = self.getpos()
        return self.base + self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        position = self.here()
        raw = self.get_starttag_text() or ""
        rule = self.collector.next_rule()
        if tag == "style":
            self.in_style = True
            return
        self.collector.ancestors[rule] = tuple(open_rule for _, open_rule in self.stack)
        if tag not in VOID_TAGS and not raw.rstrip().endswith("/>"):
            self.stack.append((tag, rule))
        for match in ATTRIBUTE_RE.finditer(raw):
            name = match.group(1).lower()
            group = 2 if match.group(2) is not None else 3
            value, value_start = match.group(group), position + match.start(group)
            if name == "style":
                self.collector.css(value, value_start, rule=rule, inline=True, selector=tag)
            elif name in STYLE_ATTRIBUTES and value.strip():
                self.collector.attribute(name if name not in ("bgcolor", "text") else
                                         {"bgcolor": "background-color", "text": "color"}[name],
                                         value, value_start, rule, tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]  # also closes elements left open inside it
                break

    def handle_data(self, data: str) -> None:
        if self.in_style and data.strip():
            self.collector.css(data, self.here())


def extract_region_styles(text: str, regions: list[tuple[int, int]]) -> tuple[list[Declaration], list[StyleProblem]]:
    """Styles of the raw HTML pieces inside a Markdown file (each region parsed as markup)."""
    collector = _Collector(text)
    for begin, end in regions:
        parser = _MarkupStyles(collector, text[begin:end], begin)
        parser.feed(text[begin:end])
        parser.close()
    for declaration in collector.declarations:
        declaration.ancestors = collector.ancestors.get(declaration.rule, ())
    return collector.declarations, collector.problems


def extract_styles(text: str, kind: str, start: int = 0) -> tuple[list[Declaration], list[StyleProblem]]:
    collector = _Collector(text)
    if kind == "css":
        collector.css(text[start:], start)
    else:
        parser = _MarkupStyles(collector, text[start:], start)
        parser.feed(text[start:])
        parser.close()
        for declaration in collector.declarations:
            declaration.ancestors = collector.ancestors.get(declaration.rule, ())
    return collector.declarations, collector.problems
