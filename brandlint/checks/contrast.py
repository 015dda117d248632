"""contrast: text colour on its background against `colors.min_contrast` (WCAG 2.x)."""

from __future__ import annotations

import re
from typing import Any

from brandlint.checks.base import Check, Context, Rule
from brandlint.checks.color import _token_text
from brandlint.findings import Severity

TEXT = Rule(
    id="contrast.text",
    severity=Severity.ERROR,
    summary="Text colour and background in the same rule (or element) fall below `colors.min_contrast`.",
    why="Low-contrast copy is unreadable for many readers and fails WCAG 2.x (AA asks 4.5:1).",
    guide='colors:\n  min_contrast: 4.5\n  palette:\n    ink: "#1C1C1C"\n    paper: "#FFFDF7"\n    gold: "#E0A526"\n',
    suffix=".css",
    fail=".note { color: #E0A526; background-color: #FFFDF7; }\n",
    passing=".note { color: #1C1C1C; background-color: #FFFDF7; }\n",
    details=("Pairs `color` with `background-color` or `background` declared in the same CSS rule, "
             "style attribute or element; text without its own background sits on the nearest "
             "enclosing element's (a `<p>` inside a dark `<div style=…>`), else on the page "
             "background declared for html, body or :root. var() resolves to custom properties "
             "defined in the file; semi-transparent colours are not judged. The finding gives the "
             "ratio and the nearest pair of palette colours that passes."),
)


def _colour(ctx: Context, declaration: Any, variables: dict[str, Any]) -> Any | None:
    from brandlint.lang import colour as C

    for token, start in zip(declaration.tokens, declaration.token_starts, strict=True):
        if token.type == "function" and token.lower_name == "var":
            name = next((t.value for t in token.arguments if t.type == "ident"), None)
            if name in variables:
                return variables[name]
            continue
        text = _token_text(ctx, token, start)
        parsed = C.parse(text) if text else None
        if parsed is not None:
            return parsed
    return None


def check(ctx: Context) -> None:
    if ctx.doc.kind == "svg" or not ctx.doc.has_styles or not ctx.active(TEXT):
        return
    from brandlint.lang import colour as C

    declarations = ctx.doc.styles
    variables = {}
    for declaration in declarations:
        if declaration.prop.startswith("--"):
            parsed = _colour(ctx, declaration, {})
            if parsed is not None:
                variables[declaration.prop] = parsed
    rules: dict[int, dict[str, Any]] = {}
    page: Any = None  # the background declared for the whole page
    by_selector: dict[str, Any] = {}  # a selector's background (`.card`), for the text of `.card p`
    pictured: set[int] = set()  # rules with a background image or gradient: the colour behind is unknown
    for declaration in declarations:
        if declaration.prop in ("color", "background-color", "background"):
            rules.setdefault(declaration.rule, {})[declaration.prop] = declaration
            if declaration.prop != "color":
                by_selector[" ".join(declaration.selector.split())] = declaration
                if _is_page(declaration.selector):
                    page = declaration
        if declaration.prop == "background-image":
            pictured.add(declaration.rule)
    minimum = ctx.policy.colors.min_contrast
    palette = ctx.policy.colors.palette
    backgrounds = {rule: pair.get("background-color") or pair.get("background") for rule, pair in rules.items()}
    for pair in rules.values():
        text = pair.get("color")
        if text is None:
            continue
        back = pair.get("background-color") or pair.get("background")
        on = None  # how the message names a background the text inherits
        if back is None and text.rule in pictured:
            continue  # text on a picture or gradient: no one colour to hold it to
        if back is None and (enclosing := _enclosing_rule_background(text.selector, by_selector)) is not None:
            back, on = enclosing, f"the background of {enclosing.selector}"
        if back is None:
            # The nearest enclosing element with a background (<div style="background:…"><p style="color:…">),
            # else the page's.
            back = next((backgrounds[rule] for rule in reversed(text.ancestors) if backgrounds.get(rule)), None)
            if back is not None:
                on = f"the background of <{back.selector}>"
            elif page is not None:
                back, on = page, f"the page background set for {page.selector}"
        if back is None:
            continue
        fg, bg = _colour(ctx, text, variables), _colour(ctx, back, variables)
        if fg is None or bg is None or C.alpha(fg) < 1 or C.alpha(bg) < 1:
            continue
        ratio = C.contrast(fg, bg)
        if ratio + 1e-9 >= minimum:
            continue
        shown = f"{C.hex_of(bg)} ({on})" if on else C.hex_of(bg)
        message = (f"Text {C.hex_of(fg)} on {shown} has a contrast ratio of {_below(ratio, minimum)}:1; "
                   f"the guideline asks for {minimum:g}:1.")
        suggestion = _passing_pair(fg, bg, palette, minimum)
        if suggestion:
            message += f" Nearest brand pair that passes: {suggestion}."
        ctx.report(TEXT, text.start, text.end, message)


def _is_page(selector: str) -> bool:
    return bool(selector) and all(part.strip() in ("html", "body", ":root") for part in selector.split(","))


def _passing_pair(fg: Any, bg: Any, palette: dict[str, str], minimum: float) -> str | None:
    from brandlint.lang import colour as C

    best = None
    parsed = {name: C.parse(value) for name, value in palette.items()}
    for fg_name, fg_colour in parsed.items():
        for bg_name, bg_colour in parsed.items():
            if fg_name == bg_name or fg_colour is None or bg_colour is None:
                continue
            ratio = C.contrast(fg_colour, bg_colour)
            if ratio < minimum:
                continue
            cost = float(fg.delta_e(fg_colour, method="2000")) + float(bg.delta_e(bg_colour, method="2000"))
            if best is None or cost < best[0]:
                best = (cost, f"{fg_name} {palette[fg_name]} on {bg_name} {palette[bg_name]} ({ratio:.2f}:1)")
    return best[1] if best else None


CHECK = Check(rules=(TEXT,), run=check)


_COMBINATOR_RE = re.compile(r"\s*[>+~]\s*|\s+")


def _enclosing_rule_background(selector: str, by_selector: dict[str, Any]) -> Any:
    """For `.card p` (or `main .card > p`), the background another rule gives `.card` (or
    `main .card`): the nearest enclosing selector that has one. Selector lists are not split."""
    if "," in selector:
        return None
    parts = [part for part in _COMBINATOR_RE.split(selector.strip()) if part]
    for length in range(len(parts) - 1, 0, -1):  # the nearest ancestor first: `main .card`, then `.card`
        enclosing = by_selector.get(" ".join(parts[:length])) or by_selector.get(parts[length - 1])
        if enclosing is not None:
            return enclosing
    return None


def _below(ratio: float, minimum: float) -> str:
    """The ratio to two decimals; rounded down where rounding would reach the minimum it misses
    (4.4996 against 4.5 is shown as 4.49, not 4.50)."""
    shown = f"{ratio:.2f}"
    if float(shown) >= minimum:
        import math

        shown = f"{math.floor(ratio * 100) / 100:.2f}"
    return shown
