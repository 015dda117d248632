"""color: every colour in styles is a brand colour (CIEDE2000 within `colors.tolerance`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity

# Beyond the tolerance but this close (ΔE00), a colour is a brand colour typed wrong.
NEAR_MISS = 10.0
COLOUR_PROPERTIES = re.compile(r"color|background|border|outline|fill|stroke|shadow|decoration|caret|"
                               r"column-rule|accent|scrollbar|^--")
COLOUR_FUNCTIONS = frozenset(("rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color"))
GUIDE = 'colors:\n  tolerance: 2.3\n  palette:\n    gold: "#E0A526"\n    ink: "#1C1C1C"\n'

NEAR = Rule(
    id="color.near_miss",
    severity=Severity.ERROR,
    summary="A colour is close to a brand colour but not it (a typo or an eyedropper guess).",
    why="Near-misses are how a palette drifts: three slightly different golds across a site.",
    guide=GUIDE,
    suffix=".css",
    fail=".button { background: #E6A83A; }\n",
    passing=".button { background: #E0A526; }\n",
    fixable=True,
    details=(f"Colours in any CSS syntax (hex, rgb(), hsl(), named, color()) are compared with the "
             f"palette by CIEDE2000. Within `colors.tolerance`: on brand. Up to ΔE {NEAR_MISS:g}: this "
             "finding, with a safe fix to the brand colour's exact hex. Further: color.off_palette."),
)
OFF = Rule(
    id="color.off_palette",
    severity=Severity.ERROR,
    summary="A colour is not a brand colour (far from every palette colour).",
    why="Off-palette colours make a page look like someone else's.",
    guide=GUIDE,
    suffix=".css",
    fail=".badge { color: #2AA198; }\n",
    passing=".badge { color: #1C1C1C; }\n",
    details="Covers CSS files, <style> blocks and style=\"\" in HTML, and SVG fill/stroke/stop-color.",
)
CSS_SYNTAX = Rule(
    id="format.css",
    severity=Severity.WARNING,
    summary="Invalid CSS: the declaration or rule is skipped (the rest of the file is still checked).",
    why="Browsers drop invalid CSS silently; the brand colour you meant may never show.",
    suffix=".css",
    fail=".a { color: #1C1C1C; ;; }\n.b { color }\n",
    passing=".a { color: #1C1C1C; }\n",
)


def colours(ctx: Context) -> Iterator[tuple[Any, int, int, str, Any]]:
    """(declaration, start, end, text, colour) for each colour value in the document's styles."""
    from brandlint.lang import colour as C

    for declaration in ctx.doc.styles:
        if not COLOUR_PROPERTIES.search(declaration.prop):
            continue
        for token, start in _with_nested(ctx.doc.text, zip(declaration.tokens, declaration.token_starts,
                                                           strict=True)):
            text = _token_text(ctx, token, start)
            if text is None:
                continue
            parsed = C.parse(text)
            if parsed is not None and C.alpha(parsed) > 0:
                yield declaration, start, start + len(text), text, parsed


def _with_nested(text: str, tokens: Iterable[tuple[Any, int]]) -> Iterator[tuple[Any, int]]:
    """The tokens and, inside functions that are not colours themselves (linear-gradient,
    drop-shadow, var() fallbacks), the tokens they hold, each with its offset in the text."""
    for token, start in tokens:
        yield token, start
        if token.type == "function" and token.lower_name not in COLOUR_FUNCTIONS:
            inner = [t for t in token.arguments if t.type not in ("whitespace", "comment", "literal")]
            yield from _with_nested(text, ((t, _inner_offset(text, token, start, t)) for t in inner))


def _inner_offset(text: str, outer: Any, outer_start: int, inner: Any) -> int:
    """Offset of a token inside a function from the two tokens' line:column (tinycss2 counts
    both in the same stylesheet, so only their difference matters)."""
    lines = inner.source_line - outer.source_line
    if lines == 0:
        return outer_start + inner.source_column - outer.source_column
    position = outer_start
    for _ in range(lines):
        position = min(i for i in (text.find("\n", position), text.find("\f", position), len(text)) if i >= 0) + 1
    return position + inner.source_column - 1


def _token_text(ctx: Context, token: Any, start: int) -> str | None:
    from brandlint.documents.styles import _token_end

    if token.type == "hash":
        return "#" + token.value
    if token.type == "function" and token.lower_name in COLOUR_FUNCTIONS:
        return ctx.doc.text[start:_token_end(ctx.doc.text, token, start)]
    if token.type == "ident":
        return token.value
    return None


def check(ctx: Context) -> None:
    doc = ctx.doc
    if not doc.has_styles:
        return
    for problem in doc.style_problems:
        ctx.report(CSS_SYNTAX, problem.start, problem.start, problem.message)
    palette = ctx.policy.colors.palette
    if not palette or not (ctx.active(NEAR) or ctx.active(OFF)):
        return
    from brandlint.lang import colour as C

    tolerance = ctx.policy.colors.tolerance
    for _, start, end, text, parsed in colours(ctx):
        near = C.nearest(parsed, palette)
        if near is None or near.distance <= tolerance:
            continue
        if near.distance <= NEAR_MISS:
            ctx.report(NEAR, start, end, f"{text} is {_above(near.distance, tolerance)} ΔE00 from the brand "
                                         f"colour {near.name} ({near.hex}); use the exact value.",
                       fix=_with_alpha(near.hex, text, C.alpha(parsed)))
        else:
            ctx.report(OFF, start, end, f"{text} is not a brand colour (nearest: {near.name} {near.hex}, "
                                        f"ΔE00 {near.distance:.1f}).")


def _above(distance: float, tolerance: float) -> str:
    """The distance to one decimal; to two, rounded up, where one would not show it exceeds the
    tolerance (2.307 against 2.3 is 2.31, not 2.3)."""
    shown = f"{distance:.1f}"
    if float(shown) <= tolerance:
        import math

        shown = f"{math.ceil(distance * 100) / 100:.2f}"
    return shown


def _with_alpha(brand_hex: str, written: str, alpha: float) -> str:
    """The brand colour as the fix writes it, keeping the written colour's transparency:
    #E6A83A80 becomes #E0A52680, rgba(230,168,58,0.5) becomes rgba(224, 165, 38, 0.5)."""
    if alpha >= 1:
        return brand_hex
    if written.startswith("#") and len(written) in (5, 9):  # #RGBA, #RRGGBBAA: the same alpha digits
        digits = written[-1] * 2 if len(written) == 5 else written[-2:]
        return brand_hex + digits.upper()
    red, green, blue = (int(brand_hex[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {round(alpha, 3):g})"


CHECK = Check(rules=(NEAR, OFF, CSS_SYNTAX), run=check)
