"""grammar: LanguageTool, through language-tool-python, against a LanguageTool server.

LanguageTool itself is a Java server; brandlint talks to one by URL (`grammar.server` or
BRANDLINT_LANGUAGETOOL_URL) and never starts or downloads it. Without a server the family
is skipped with a single notice. English copy only (LanguageTool has no Korean).
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import SEPARATOR
from brandlint.environment import LANGUAGETOOL_URL as ENV_URL
from brandlint.findings import Severity

LANGUAGETOOL = Rule(
    id="grammar.languagetool",
    severity=Severity.WARNING,
    summary="LanguageTool found a grammar, punctuation or style problem in English copy.",
    why="Grammar slips on a campaign page cost credibility faster than any off-brand colour.",
    fail="We has a new blend.\n",
    passing="We have a new blend.\n",
    details=("Needs a LanguageTool server: set `grammar.server` in the guideline or the "
             f"{ENV_URL} environment variable (for example a local `languagetool-server` on port "
             "8081). `grammar.disabled_rules` lists LanguageTool rule ids to ignore; words in "
             "`vocabulary` and the guideline's terms are never reported. Without a server the "
             "check is skipped with one notice. The LanguageTool rule id is in each message."),
)
SUGGESTION_TYPES = {"style", "typographical", "whitespace", "locale-violation", "register"}


def server_url(configured: str | None) -> str | None:
    """The environment variable wins over the guideline's `grammar.server`: a CI job points
    at its own server without editing the brand's file."""
    return os.environ.get(ENV_URL) or configured or None


def missing_server_note(loaded: Any) -> str | None:
    """The run's one notice that grammar was not checked, when no LanguageTool server is set
    and the rule is on for the base guideline or any channel. A setting, not a failure: the
    results are cached as usual (a server that does not answer is noted per file instead)."""
    if server_url(loaded.guide.grammar.server) is not None:
        return None
    from brandlint.guide.policy import resolve

    if all(resolve(loaded, channel).severity(LANGUAGETOOL.id, LANGUAGETOOL.severity) is None
           for channel in [None, *loaded.guide.channels]):
        return None
    return f"brandlint: grammar not checked: no LanguageTool server (set grammar.server or {ENV_URL})"


@cache
def _tool(url: str, disabled: tuple[str, ...]) -> Any:
    import language_tool_python

    tool = language_tool_python.LanguageTool("en-US", remote_server=url)
    tool.disabled_rules = set(disabled)
    return tool


def _text_to_send(blocks: list) -> tuple[str, list[tuple[int, int]]]:
    """The blocks' prose joined by blank lines, without the placeholders for code and URLs
    (which would read as stray characters or double spaces), and for each character sent,
    (block index, offset in that block's text); joints have offset -1."""
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        if out:
            out.append("\n\n")
            origin += [(index, -1), (index, -1)]
        prose = block.prose
        for offset, ch in enumerate(prose):
            if ch == SEPARATOR:
                continue
            if ch == " " and out and out[-1] in (" ", "\n"):
                continue  # the space after removed code would double the one before it
            out.append(ch)
            origin.append((index, offset))
    return "".join(out), origin


def check(ctx: Context) -> None:
    policy = ctx.policy
    url = server_url(policy.grammar.server)
    if not ctx.active(LANGUAGETOOL):
        return
    if url is None:
        return  # said once for the run: missing_server_note
    blocks = [b for b in ctx.doc.blocks if b.language == "en" and b.prose.strip()]
    if not blocks:
        return
    text, origin = _text_to_send(blocks)
    try:
        matches = _tool(url, tuple(sorted(policy.grammar.disabled_rules))).check(text)
    except Exception as exc:
        ctx.notes.add(f"brandlint: grammar not checked: the LanguageTool server at {url} did not answer "
                      f"({type(exc).__name__}: {str(exc)[:120]})")
        return
    accepted = {word.lower() for word in policy.vocabulary}
    for term in policy.terms:
        accepted.update(form.lower() for form in [term.use or "", *term.instead_of, *term.avoid] if form)
    disabled = set(policy.grammar.disabled_rules)
    for match in matches:
        rule_id = getattr(match, "rule_id", "")
        offset, length = int(match.offset), int(match.error_length)
        if rule_id in disabled or length <= 0 or offset + length > len(origin):
            continue
        (index, local), (end_index, last) = origin[offset], origin[offset + length - 1]
        if index != end_index or local < 0 or last < 0:
            continue  # spans two blocks, or only the joints between them
        block = blocks[index]
        length = last + 1 - local
        found = block.text[local:local + length]
        if found.lower() in accepted or any(word.lower() in accepted for word in found.split()):
            continue
        hint = f" Suggestions: {', '.join(match.replacements[:3])}." if match.replacements else ""
        severity = Severity.SUGGESTION if getattr(match, "rule_issue_type", "") in SUGGESTION_TYPES else None
        ctx.report_in(LANGUAGETOOL, block, local, local + length, f"{match.message}{hint} [{rule_id}]",
                      severity=severity)


CHECK = Check(rules=(LANGUAGETOOL,), run=check)
