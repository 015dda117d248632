"""font: every font family in styles is a brand font (`fonts:`), per channel."""

from __future__ import annotations

from typing import Any

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity

GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif",
           "ui-monospace", "ui-rounded", "math", "emoji", "fangsong", "-apple-system", "blinkmacsystemfont"}
KEYWORDS = {"inherit", "initial", "unset", "revert", "revert-layer"}
SYSTEM_FONTS = {"caption", "icon", "menu", "message-box", "small-caption", "status-bar"}

FAMILY = Rule(
    id="font.family",
    severity=Severity.ERROR,
    summary="A font family that is not a brand font (`fonts:`); generic families are fine as fallbacks.",
    why="Type is half of a brand's voice on screen; a stray Arial makes a page look borrowed.",
    guide="fonts: [Inter, Noto Sans KR]\n",
    suffix=".css",
    fail="h1 { font-family: Helvetica, sans-serif; }\n",
    passing='h1 { font-family: "Inter", "Noto Sans KR", sans-serif; }\n',
    details=("`font-family` and the `font` shorthand in CSS, <style>, style=\"\" and SVG. Names match "
             "case-insensitively, quoted or not. The first named family is judged: it is what readers "
             "see. Fallbacks after it (Apple SD Gothic Neo, Arial in an email) and generic families "
             "(sans-serif, system-ui…) are fine."),
)


def families(declaration: Any) -> list[tuple[str, int, int]]:
    """(name, start, end) of each family a font-family or font declaration names."""
    tokens = list(zip(declaration.tokens, declaration.token_starts, strict=True))
    if declaration.prop == "font":
        if len(tokens) == 1 and tokens[0][0].type == "ident" and tokens[0][0].lower_value in SYSTEM_FONTS:
            return []
        for index, (token, _) in enumerate(tokens):
            if token.type in ("dimension", "percentage") or (token.type == "ident" and token.lower_value in (
                    "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "smaller", "larger")):
                rest = tokens[index + 1:]
                if rest and rest[0][0].type == "literal" and rest[0][0].value == "/":
                    rest = rest[2:]
                tokens = rest
                break
        else:
            return []
    found: list[tuple[str, int, int]] = []
    current: list[tuple[Any, int]] = []
    for token, start in [*tokens, (None, -1)]:
        if token is None or (token.type == "literal" and token.value == ","):
            if current:
                first_token, first_start = current[0]
                if first_token.type == "string":
                    name = first_token.value
                    end = first_start + len(first_token.value) + 2
                else:
                    name = " ".join(t.value for t, _ in current if t.type == "ident")
                    last_token, last_start = current[-1]
                    end = last_start + len(str(last_token.value))
                if name:
                    found.append((name, first_start, end))
            current = []
        elif token.type in ("string", "ident"):
            current.append((token, start))
        else:
            current = [] if token.type == "function" else current  # var(): cannot be known here
    return found


def check(ctx: Context) -> None:
    approved = {font.lower() for font in ctx.policy.fonts}
    if not approved or not ctx.doc.has_styles or not ctx.active(FAMILY):
        return
    shown = ", ".join(ctx.policy.fonts)
    for declaration in ctx.doc.styles:
        if declaration.prop not in ("font-family", "font"):
            continue
        named = [entry for entry in families(declaration) if entry[0].lower() not in KEYWORDS]
        # The first named family is the one readers see; what follows only shows when it cannot
        # load (system fallbacks such as Apple SD Gothic Neo or Arial are normal, in email a must).
        primary = next((entry for entry in named if entry[0].lower() not in GENERIC), None)
        if primary is None or primary[0].lower() in approved:
            continue
        name, start, end = primary
        ctx.report(FAMILY, start, end, f"'{name}' is not a brand font; brand fonts: {shown}. Fallbacks after a "
                                       "brand font, and generic families such as sans-serif, are fine.")


CHECK = Check(rules=(FAMILY,), run=check)
