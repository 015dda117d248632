"""compliance: legal wording the guideline requires whenever copy mentions something."""

from __future__ import annotations

from brandlint.checks.base import Check, Context, Rule
from brandlint.findings import Severity

DISCLOSURE = Rule(
    id="compliance.disclosure",
    severity=Severity.ERROR,
    summary="Copy mentions something that legally needs accompanying wording (an offer's terms, "
            "a health claim's disclaimer) and the file does not carry it.",
    why="An offer without its terms or a claim without its disclaimer is what regulators and "
        "platforms act on; legal writes the wording once, brandlint makes sure it travels.",
    guide=('compliance:\n  - id: offer-terms\n    when: ["% off", "discount"]\n'
           '    require: ["Terms apply", "See terms"]\n    message: Every offer links its terms.\n'),
    fail="Spring Blend, 20% off this week.\n",
    passing="Spring Blend, 20% off this week. Terms apply.\n",
    details="Configured under `compliance:` in the guideline: `when` (phrases, case-insensitive, "
            "whole words; Korean before particles), `require` (one of them must appear anywhere "
            "in the same file, ignoring case and spacing), optional `channels` (default: every "
            "file) and `level`. Reported once per entry, at the first mention.",
)


def check(ctx: Context) -> None:
    entries = ctx.policy.compliance
    if not entries or not ctx.doc.is_copy or not ctx.active(DISCLOSURE):
        return
    from brandlint.checks.message import normalise, states
    from brandlint.checks.terms import CaselessPhrases, whole_spans

    prose = normalise(" \n ".join(block.text for block in ctx.doc.blocks))
    for entry in entries:
        if any(states(prose, normalise(wording)) for wording in entry.require):
            continue
        triggers = ctx.policy.memo(f"compliance.{entry.id}", lambda entry=entry: CaselessPhrases(list(entry.when)))
        for block in ctx.doc.blocks:
            found = next(whole_spans(ctx, block.prose, triggers.spans(block.prose, block.lowered)), None)
            if found is None:
                continue
            start, end = found
            wanted = " or ".join(f"'{wording}'" for wording in entry.require)
            message = (f"Mentions '{block.prose[start:end]}' without the required wording {wanted} "
                       f"(compliance `{entry.id}`).")
            if entry.message:
                message += f" {entry.message}"
            ctx.report_in(DISCLOSURE, block, start, end, message, severity=Severity.parse(entry.level))
            break


CHECK = Check(rules=(DISCLOSURE,), run=check)
