"""--format json: one object with `findings` and `summary` (SPEC §3)."""

from __future__ import annotations

import json

from brandlint.engine import RunResult


def render_json(result: RunResult) -> str:
    from brandlint.report import summary

    data: dict = {"findings": [finding.to_json() for finding in result.findings],
                  "summary": summary(result)}
    campaigns = result.campaigns()
    if campaigns:
        data["campaigns"] = campaigns
    if result.input_errors:
        data["input_errors"] = [error.to_json() for error in result.input_errors]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
