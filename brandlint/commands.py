"""What the commands do, without click: `check` runs from here straight off the command line
(brandlint.quickargs reads it) so that a pre-commit hook does not pay for importing click;
brandlint.cli wires the same functions to click for everything else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from brandlint.errors import BrandlintError, UsageError

FORMATS = ("text", "json", "sarif", "junit", "github", "html")
FAIL_ON = ("error", "warning", "suggestion")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n" if nl else text)
    stream.flush()


def guarded(command: Callable[[], Any], passthrough: tuple[type[BaseException], ...] = ()) -> Any:
    """Run a command, turning every error into one clear line on stderr and exit status 2,
    never a traceback (`passthrough`: exceptions the caller handles, such as click's)."""
    try:
        return command()
    except passthrough:
        raise
    except BrandlintError as exc:
        echo(f"brandlint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        echo("brandlint: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`brandlint rules | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
    except Exception as exc:
        if os.environ.get("BRANDLINT_DEBUG") or "--debug" in sys.argv:
            raise
        echo(f"brandlint: internal error: {type(exc).__name__}: {exc} "
             "(run again with --debug for the traceback, and please report it)", err=True)
        sys.exit(EXIT_ERROR)


def shard_option(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        index, count = (int(part) for part in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard takes K/N such as 2/4, not {value!r}") from None
    if count < 1 or not 1 <= index <= count:
        raise UsageError(f"--shard {value}: K must be between 1 and N")
    return index, count


def load_guideline(guide: str | None, paths: list[str]):
    from brandlint.guide.loader import load_guide, resolve_guide_path

    return load_guide(resolve_guide_path(guide, paths))


def run_options(loaded, channel: str | None, jobs: int | None, no_cache: bool, shard: str | None):
    from brandlint.engine import Options

    if channel is not None and channel not in loaded.guide.channels:
        known = ", ".join(sorted(loaded.guide.channels)) or "none are defined"
        raise UsageError(f"--channel {channel}: no such channel in {loaded.display_path} (channels: {known})")
    return Options(channel=channel, jobs=jobs, use_cache=not no_cache, shard=shard_option(shard))


def use_color(no_color: bool, fmt: str, output: str | None) -> bool:
    return (not no_color and fmt == "text" and output is None and not os.environ.get("NO_COLOR")
            and sys.stdout.isatty())


def progress_bar(quiet: bool) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for long runs on a terminal; never in a pipe or in CI."""
    if quiet or os.environ.get("CI") or not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 50:
            return
        if "bar" not in state:
            from rich.progress import Progress

            state["bar"] = Progress(transient=True, console=stderr_console())
            state["bar"].start()
            state["task"] = state["bar"].add_task("checking", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def emit(text: str | Iterable[str], output: str | None, color: bool) -> None:
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
        echo(text, nl=False)
    else:  # a streamed report: written in batches, never joined whole
        batch: list[str] = []
        for piece in text:
            batch.append(piece)
            if len(batch) >= 512:
                echo("".join(batch), nl=False)
                batch.clear()
        echo("".join(batch), nl=False)


class Replayable(NamedTuple):
    """A `check` run that may be recorded for brandlint.replay: what it was asked."""

    targets: list[str]
    guide: str | None
    shard: tuple[int, int] | None
    argv: list[str]


def finish(result, fmt: str, output: str | None, fail_on: str, quiet: bool, no_color: bool,
            notes: list[str] | None = None, replayable: Replayable | None = None) -> None:
    from brandlint.findings import Severity
    from brandlint.report import render
    from brandlint.report.text import score_line, summary_line

    color = use_color(no_color, fmt, output)
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
    emit(text, output, color)

    def say(line: str) -> None:
        echo(line, err=True)
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


def setting_notes(loaded, result) -> list[str]:
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


def refuse_output_among_inputs(output: str, targets: list[str]) -> None:
    """--output naming a file the run checks would replace the copy with the report."""
    if not os.path.isfile(output):
        return
    from brandlint.discovery import discover

    written = os.path.realpath(output)
    if any(os.path.realpath(path) == written for path, _ in discover(targets)):
        raise UsageError(f"--output {output} is one of the files being checked; write the report elsewhere")


def check(paths: tuple[str, ...], guide: str | None, channel: str | None, fmt: str, output: str | None,
          fail_on: str, quiet: bool, no_color: bool, jobs: int | None, no_cache: bool,
          shard: str | None, debug: bool, history: str | None) -> None:
    """`brandlint check`: lint the files, print the report, exit 0, 1 or 2."""
    from brandlint.engine import check_paths
    from brandlint.replay import ARGV

    targets = list(paths) or ["."]
    loaded = load_guideline(guide, targets)
    options = run_options(loaded, channel, jobs, no_cache, shard)
    if output:
        refuse_output_among_inputs(output, targets)
    result = check_paths(loaded, targets, options, progress=progress_bar(quiet))
    replayable = None
    if history:
        from brandlint.report.history import record

        result.history = record(Path(history), result)
    elif ARGV is not None and options.use_cache:  # started as the command (not in-process)
        replayable = Replayable(targets, guide, options.shard, ARGV)
    finish(result, fmt, output, fail_on, quiet, no_color, setting_notes(loaded, result), replayable)
