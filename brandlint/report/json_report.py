"""--format json: one object with `findings` and `summary` (SPEC §3), and `files`: every file
in path order with its channel, campaign, score and counts (SPEC §6)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from brandlint.engine import RunResult
from brandlint.findings import Severity, finding_json_text


def iter_files(result: RunResult) -> Iterator[dict]:
    """Each file as `files` lists it, in path order, read from the packed results. `channel`
    is null for a file that maps to no channel, as in `findings`; `score` is null for a file
    that could not be read."""
    error, warning, suggestion = int(Severity.ERROR), int(Severity.WARNING), int(Severity.SUGGESTION)
    for path, findings, _, channel, campaign, *_, score in result.files.packed():
        severities = [finding[1] for finding in findings]
        yield {"path": path, "channel": channel, "campaign": campaign or None,
               "score": None if score is None else round(score, 2),
               "errors": severities.count(error), "warnings": severities.count(warning),
               "suggestions": severities.count(suggestion)}


def render_json(result: RunResult) -> Iterator[str]:
    """The report in pieces, one finding a line: a run over tens of thousands of files never
    holds the whole document (or a dict per finding) in memory. Indented at the top; each
    finding is written by json's C encoder (indent=2 would take the slow Python one)."""
    from brandlint.report import summary

    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield '{\n  "findings": ['
    separator = "\n"
    for row in result.iter_json_rows():
        yield separator + "    " + finding_json_text(*row)
        separator = ",\n"
    yield ("\n  ]" if separator != "\n" else "]") + ',\n  "summary": ' + dumps(summary(result))
    separator = "\n"
    yield ',\n  "files": ['
    for file in iter_files(result):
        yield separator + "    " + dumps(file)
        separator = ",\n"
    yield "\n  ]" if separator != "\n" else "]"
    # Always present (empty without campaign files), so that shards and runs share one shape.
    yield ',\n  "campaigns": ' + dumps(result.campaigns())
    if result.input_errors:
        yield ',\n  "input_errors": [\n' + ",\n".join(
            "    " + dumps(error.to_json()) for error in result.input_errors) + "\n  ]"
    yield "\n}\n"
