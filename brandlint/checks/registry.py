"""The rules brandlint knows: built-in families and the rules of loaded packs."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from brandlint.checks.base import Check, Context, Rule

if TYPE_CHECKING:
    from brandlint.guide.loader import LoadedGuide


# Every built-in check module in run order, and the document kinds it looks at (None: all).
# A run imports only the modules its documents need (a Markdown file never loads the image
# checks); each check still guards itself.
CHECK_MODULES: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("terms", None), ("message", None), ("tone", None), ("readability", None), ("length", None),
    ("format", None), ("require", None), ("consistency", None), ("compliance", None), ("spelling", None),
    ("grammar", None), ("color", ("css", "svg", "html", "markdown+html")),
    ("contrast", ("css", "html", "markdown+html")), ("font", ("css", "svg", "html", "markdown+html")),
    ("image", ("image",)), ("logo", ("image",)),
)


@cache
def checks_for(kind: str | None) -> tuple[Check, ...]:
    """The checks that look at documents of this kind (None: every check), in run order."""
    import importlib

    return tuple(importlib.import_module(f"brandlint.checks.{name}").CHECK
                 for name, kinds in CHECK_MODULES if kind is None or kinds is None or kind in kinds)


def builtin_checks() -> tuple[Check, ...]:
    return checks_for(None)


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
    # Markdown with raw HTML may declare colours and fonts (<span style="…">): the style checks too.
    kind = "markdown+html" if ctx.doc.kind == "markdown" and ctx.doc.html_regions else ctx.doc.kind
    for check in checks_for(kind):
        check.run(ctx)
    if ctx.policy.packs:
        from brandlint.checks.packs import run_packs

        run_packs(ctx)
