"""The command line: parse options, call the API, choose the exit status. No logic here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

import click

from brandlint import __version__
from brandlint.errors import BrandlintError, UsageError

FORMATS = ("text", "json", "sarif", "junit", "github", "html")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class BrandlintGroup(click.Group):
    """Turns every error into one clear line on stderr and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrandlintError as exc:
            click.echo(f"brandlint: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("brandlint: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader went away (`brandlint rules | head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_FINDINGS)
        except Exception as exc:
            if os.environ.get("BRANDLINT_DEBUG") or "--debug" in sys.argv:
                raise
            click.echo(f"brandlint: internal error: {type(exc).__name__}: {exc} "
                       "(run again with --debug for the traceback, and please report it)", err=True)
            sys.exit(EXIT_ERROR)


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, count = (int(part) for part in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard takes K/N such as 2/4, not {value!r}") from None
    if count < 1 or not 1 <= index <= count:
        raise UsageError(f"--shard {value}: K must be between 1 and N")
    return index, count


def common_options(function: Callable) -> Callable:
    options = [
        click.option("--guide", "guide", metavar="FILE", help="The brand guideline (default: brand.yaml "
                     "or .brandlint.yaml here or in a parent folder)."),
        click.option("--channel", metavar="NAME", help="Check every file as this channel."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                     help="Report format."),
        click.option("--output", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "suggestion"]), default="error",
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


def _load(guide: str | None, paths: list[str]):
    from brandlint.guide.loader import load_guide, resolve_guide_path

    return load_guide(resolve_guide_path(guide, paths))


def _options(loaded, channel: str | None, jobs: int | None, no_cache: bool, shard: str | None):
    from brandlint.engine import Options

    if channel is not None and channel not in loaded.guide.channels:
        known = ", ".join(sorted(loaded.guide.channels)) or "none are defined"
        raise UsageError(f"--channel {channel}: no such channel in {loaded.display_path} (channels: {known})")
    return Options(channel=channel, jobs=jobs, use_cache=not no_cache, shard=_shard(shard))


def _use_color(no_color: bool, fmt: str, output: str | None) -> bool:
    return (not no_color and fmt == "text" and output is None and not os.environ.get("NO_COLOR")
            and sys.stdout.isatty())


def _progress(quiet: bool) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for long runs on a terminal; never in a pipe or in CI."""
    if quiet or os.environ.get("CI") or not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 50:
            return
        if "bar" not in state:
            from rich.progress import Progress

            state["bar"] = Progress(transient=True, console=_stderr_console())
            state["bar"].start()
            state["task"] = state["bar"].add_task("checking", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _emit(text: str | Iterable[str], output: str | None, color: bool) -> None:
    if output:
        from brandlint.atomic import write_text_atomically

        try:
            write_text_atomically(Path(output), text)
        except OSError as exc:
            raise UsageError(f"cannot write the report to {output}: {exc.strerror or exc}") from None
    elif color:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text if isinstance(text, str) else "".join(text), end="")
    elif isinstance(text, str):
        click.echo(text, nl=False)
    else:  # a streamed report: written in batches, never joined whole
        batch: list[str] = []
        for piece in text:
            batch.append(piece)
            if len(batch) >= 512:
                click.echo("".join(batch), nl=False)
                batch.clear()
        click.echo("".join(batch), nl=False)


class Replayable(NamedTuple):
    """A `check` run that may be recorded for brandlint.replay: what it was asked."""

    targets: list[str]
    guide: str | None
    shard: tuple[int, int] | None
    argv: list[str]


def _finish(result, fmt: str, output: str | None, fail_on: str, quiet: bool, no_color: bool,
            notes: list[str] | None = None, replayable: Replayable | None = None) -> None:
    from brandlint.findings import Severity
    from brandlint.report import render
    from brandlint.report.text import score_line, summary_line

    color = _use_color(no_color, fmt, output)
    recorder = None
    if replayable is not None and not color:  # colours depend on the terminal: not replayed
        from brandlint.replay import Recorder

        recorder = Recorder()
    text = render(result, fmt, color=color, quiet=quiet, fail_on=Severity.parse(fail_on))
    if recorder is not None:
        if output:
            recorder.output = (output, [])
        text = recorder.tee([text] if isinstance(text, str) else text,
                            recorder.output[1] if recorder.output else recorder.stdout)
    _emit(text, output, color)

    def say(line: str) -> None:
        click.echo(line, err=True)
        if recorder is not None:
            recorder.stderr.append(line + "\n")

    for error in result.input_errors:
        say(f"brandlint: error: {error}")
    if not quiet:
        for note in result.notes + (notes or []):
            say(note)
        say(summary_line(result))
        scores = score_line(result)
        if scores:
            say(scores)
    if result.input_errors:
        sys.exit(EXIT_ERROR)
    threshold = Severity.parse(fail_on)
    failing = sum(count for severity, count in result.counts().items() if severity >= threshold)
    status = EXIT_FINDINGS if failing else EXIT_OK
    # Notes from files (a check that could not run) make a run worth repeating; `notes`
    # follow from the settings and come back with the record.
    if recorder is not None and replayable is not None and not result.notes:
        recorder.save(replayable.argv, replayable.targets, replayable.guide, replayable.shard, result, status)
    sys.exit(status)


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
    from brandlint.engine import check_paths
    from brandlint.replay import ARGV

    targets = list(paths) or ["."]
    loaded = _load(guide, targets)
    options = _options(loaded, channel, jobs, no_cache, shard)
    result = check_paths(loaded, targets, options, progress=_progress(quiet))
    replayable = None
    if history:
        from brandlint.report.history import record

        result.history = record(Path(history), result)
    elif ARGV is not None and options.use_cache:  # started as the command (not in-process)
        replayable = Replayable(targets, guide, options.shard, ARGV)
    _finish(result, fmt, output, fail_on, quiet, no_color, _setting_notes(loaded, result), replayable)


def _setting_notes(loaded, result) -> list[str]:
    """Notices that follow from the guideline and environment, not from a file (said once)."""
    from brandlint.checks.grammar import missing_server_note

    notices = list(loaded.notices)
    note = missing_server_note(loaded)
    if note is None:
        return notices
    guide = loaded.guide

    def language(channel: str | None) -> str:  # as guide.policy.resolve decides it
        settings = guide.channels.get(channel) if channel is not None else None
        return (settings.language if settings is not None else None) or guide.language

    if any(language(channel) != "ko" for channel in result.copy_channels):  # grammar reads no Korean
        notices.append(note)
    return notices


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@common_options
def fix(paths: tuple[str, ...], guide: str | None, channel: str | None, fmt: str, output: str | None,
        fail_on: str, quiet: bool, no_color: bool, jobs: int | None, no_cache: bool,
        shard: str | None, debug: bool) -> None:
    """Apply the safe fixes in place (atomically), then report what is left."""
    from brandlint.fix import fix_paths

    targets = list(paths) or ["."]
    loaded = _load(guide, targets)
    options = _options(loaded, channel, jobs, True, shard)
    outcome = fix_paths(loaded, targets, options)
    notes = [f"fixed {count} problem{'s' if count != 1 else ''} in {path}"
             for path, count in sorted(outcome.applied.items())]
    notes += [f"brandlint: not fixed: {message}" for message in outcome.skipped]
    _finish(outcome.result, fmt, output, fail_on, quiet, no_color, notes + _setting_notes(loaded, outcome.result))


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
    _finish(result, fmt, output, fail_on, quiet, no_color, notes)


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
