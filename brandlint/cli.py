"""The command line: parse options, call the API, choose the exit status. No logic here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from brandlint import __version__
from brandlint.commands import (
    FAIL_ON,
    FORMATS,
    finish,
    guarded,
    load_guideline,
    refuse_output_among_inputs,
    run_options,
    setting_notes,
)
from brandlint.errors import UsageError


class BrandlintGroup(click.Group):
    """Turns every error into one clear line on stderr and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        return guarded(lambda: super(BrandlintGroup, self).invoke(ctx),
                       passthrough=(click.ClickException, click.exceptions.Exit, click.exceptions.Abort))


def common_options(function: Callable) -> Callable:
    options = [
        click.option("--guide", "guide", metavar="FILE", help="The brand guideline (default: brand.yaml "
                     "or .brandlint.yaml here or in a parent folder)."),
        click.option("--channel", metavar="NAME", help="Check every file as this channel."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                     help="Report format."),
        click.option("--output", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default="error",
                     show_default=True, help="Lowest severity that makes the exit status 1."),
        click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary or notices."),
        click.option("--no-color", is_flag=True, help="No colours (also NO_COLOR set to anything but empty)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes (default: all cores)."),
        click.option("--no-cache", is_flag=True, help="Do not read or write .brandlint_cache/."),
        click.option("--shard", metavar="K/N", help="Check only the K-th of N deterministic parts."),
        click.option("--debug", is_flag=True, help="Show tracebacks of internal errors."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group(cls=BrandlintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brandlint")
def main() -> None:
    """brandlint: keep copy, colours, fonts and logos on brand on every channel."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@common_options
@click.option("--history", metavar="FILE", help="Append this run's summary to a JSON-lines history "
              "(the HTML report plots its trend).")
def check(paths: tuple[str, ...], guide: str | None, channel: str | None, fmt: str, output: str | None,
          fail_on: str, quiet: bool, no_color: bool, jobs: int | None, no_cache: bool,
          shard: str | None, debug: bool, history: str | None) -> None:
    """Lint copy (.md .txt .html), styles (.css .svg) and creatives (.png .jpg .webp);
    folders recurse. Default: the current folder."""
    from brandlint.commands import check as run_check

    run_check(paths, guide, channel, fmt, output, fail_on, quiet, no_color, jobs, no_cache, shard, debug, history)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@common_options
def fix(paths: tuple[str, ...], guide: str | None, channel: str | None, fmt: str, output: str | None,
        fail_on: str, quiet: bool, no_color: bool, jobs: int | None, no_cache: bool,
        shard: str | None, debug: bool) -> None:
    """Apply the safe fixes in place (atomically), then report what is left."""
    from brandlint.fix import fix_paths

    targets = list(paths) or ["."]
    loaded = load_guideline(guide, targets)
    options = run_options(loaded, channel, jobs, True, shard)
    if output:
        refuse_output_among_inputs(output, targets)
    outcome = fix_paths(loaded, targets, options)
    notes = [f"fixed {count} problem{'s' if count != 1 else ''} in {path}"
             for path, count in sorted(outcome.applied.items())]
    notes += [f"brandlint: not fixed: {message}" for message in outcome.skipped]
    finish(outcome.result, fmt, output, fail_on, quiet, no_color, notes + setting_notes(loaded, outcome.result))


@main.command()
@click.argument("campaign", type=click.Path())
@click.option("--out", "out", metavar="DIR", default=None,
              help="Where to write the variants (default: out/<campaign> here).")
@common_options
def render(campaign: str, out: str | None, guide: str | None, channel: str | None, fmt: str,
           output: str | None, fail_on: str, quiet: bool, no_color: bool, jobs: int | None, no_cache: bool,
           shard: str | None, debug: bool) -> None:
    """Render every channel variant of a campaign from its templates, then lint each one."""
    from brandlint.campaign.run import render_campaign
    from brandlint.engine import Options

    if channel is not None:
        raise UsageError("render takes its channels from the campaign file, not --channel")
    result = render_campaign(Path(campaign), Path(out) if out else None, Path(guide) if guide else None,
                             Options(use_cache=False))
    notes = [f"rendered {len(result.files)} variant{'s' if len(result.files) != 1 else ''} into {result.out}"]
    finish(result, fmt, output, fail_on, quiet, no_color, notes)


@main.command()
def schema() -> None:
    """Print the guideline's JSON Schema (for editor autocompletion)."""
    import json

    from brandlint.guide.model import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def _maybe_guide(guide: str | None):
    """The guideline if one is given or found, so that its packs' rules are listed too."""
    from brandlint.guide.loader import find_guide, load_guide

    path = Path(guide) if guide else find_guide(Path.cwd())
    return load_guide(path) if path else None


@main.command()
@click.option("--guide", metavar="FILE", help="Also list the rules of this guideline's packs.")
def rules(guide: str | None) -> None:
    """List the rules: id, default severity, what each checks."""
    from brandlint.checks.registry import all_rules

    for rule in all_rules(_maybe_guide(guide)):
        fixable = " (fixable)" if rule.fixable else ""
        click.echo(f"{rule.id:<28} {rule.severity.label:<10} {rule.summary}{fixable}")


@main.command()
@click.argument("rule")
@click.option("--guide", metavar="FILE", help="Look the rule up among this guideline's packs too.")
def explain(rule: str, guide: str | None) -> None:
    """Show one rule's documentation with a failing and a passing example."""
    import difflib
    import textwrap

    from brandlint.checks.registry import all_rules

    known = all_rules(_maybe_guide(guide))
    chosen = [r for r in known if r.id == rule] or [r for r in known if r.family == rule]
    if not chosen:
        hint = difflib.get_close_matches(rule, [r.id for r in known], n=1)
        raise UsageError(f"no rule `{rule}`" + (f"; did you mean `{hint[0]}`?" if hint else "")
                         + " (see `brandlint rules`)")
    for index, doc in enumerate(chosen):
        if index:
            click.echo("\n" + "-" * 60 + "\n")
        flags = doc.severity.label + (", fixable" if doc.fixable else "")
        click.echo(f"{doc.id} ({flags})\n")
        click.echo(textwrap.fill(doc.summary, 88) + "\n")
        if doc.why:
            click.echo(textwrap.fill("Why: " + doc.why, 88) + "\n")
        if doc.details:
            for paragraph in doc.details.split("\n"):
                click.echo(textwrap.fill(paragraph, 88))
            click.echo()
        if doc.guide:
            click.echo("Guideline:\n" + textwrap.indent(doc.guide.rstrip(), "  ") + "\n")
        where = f" (a {doc.suffix} file on the {doc.channel} channel)" if doc.channel else ""
        if doc.fail:
            click.echo(f"Flagged{where}:\n" + textwrap.indent(doc.fail.rstrip(), "  ") + "\n")
        if doc.passing:
            click.echo("Passes:\n" + textwrap.indent(doc.passing.rstrip(), "  "))


@main.command()
def init() -> None:
    """Write a starter brand.yaml (and a pre-commit config) into the current folder."""
    from brandlint.starter import write_starter

    for line in write_starter(Path.cwd()):
        click.echo(line)


if __name__ == "__main__":
    main()
