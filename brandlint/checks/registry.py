"""The rules brandlint knows: built-in families and the rules of loaded packs."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from brandlint.checks.base import Check, Context, Rule

if TYPE_CHECKING:
    from brandlint.guide.loader import LoadedGuide


@cache
def builtin_checks() -> tuple[Check, ...]:
    from brandlint.checks import (
        color,
        compliance,
        consistency,
        contrast,
        font,
        grammar,
        image,
        length,
        logo,
        message,
        readability,
        require,
        spelling,
        terms,
        tone,
    )
    from brandlint.checks import format as format_check

    return (terms.CHECK, message.CHECK, tone.CHECK, readability.CHECK, length.CHECK,
            format_check.CHECK, require.CHECK, consistency.CHECK, compliance.CHECK, spelling.CHECK, grammar.CHECK,
            color.CHECK, contrast.CHECK, font.CHECK, image.CHECK, logo.CHECK)


def builtin_rules() -> list[Rule]:
    return [rule for check in builtin_checks() for rule in check.rules]


def builtin_rule_ids() -> list[str]:
    return [rule.id for rule in builtin_rules()]


def pack_rules(loaded: LoadedGuide | None) -> list[Rule]:
    """Rules of the guideline's packs, or of every built-in pack when there is no guideline."""
    from brandlint.checks.packs import rule_doc

    rules = []
    for name, pack in _packs(loaded):
        for rule_name, rule in pack.rules.items():
            rules.append(rule_doc(name, rule_name, rule))
    return rules


def _packs(loaded: LoadedGuide | None):
    if loaded is not None:
        return [(entry.name, entry.pack) for entry in loaded.packs.values()]
    from brandlint.guide.records import validated
    from brandlint.guide.yamlsource import parse_yaml
    from brandlint.resources import builtin_packs

    packs = []
    for name, path in builtin_packs().items():
        pack = validated("Pack", parse_yaml(path.read_text("utf-8"), str(path)), "rule pack")
        packs.append((pack.pack or name, pack))
    return packs


def all_rules(loaded: LoadedGuide | None) -> list[Rule]:
    return sorted(builtin_rules() + pack_rules(loaded), key=lambda rule: rule.id)


def run_checks(ctx: Context) -> None:
    for check in builtin_checks():
        check.run(ctx)
    if ctx.policy.packs:
        from brandlint.checks.packs import run_packs

        run_packs(ctx)
