"""--format json: one object with `findings` and `summary` (SPEC §3)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from brandlint.engine import RunResult


def render_json(result: RunResult) -> Iterator[str]:
    """The report in pieces, one finding a line: a run over tens of thousands of files never
    holds the whole document (or a dict per finding) in memory. Indented at the top; each
    finding is written by json's C encoder (indent=2 would take the slow Python one)."""
    from brandlint.report import summary

    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield '{\n  "findings": ['
    separator = "\n"
    for finding in result.iter_json():
        yield separator + "    " + dumps(finding)
        separator = ",\n"
    yield ("\n  ]" if separator != "\n" else "]") + ',\n  "summary": ' + dumps(summary(result))
    campaigns = result.campaigns()
    if campaigns:
        yield ',\n  "campaigns": ' + dumps(campaigns)
    if result.input_errors:
        yield ',\n  "input_errors": [\n' + ",\n".join(
            "    " + dumps(error.to_json()) for error in result.input_errors) + "\n  ]"
    yield "\n}\n"
