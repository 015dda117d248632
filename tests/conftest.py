"""Shared fixtures: a project folder with a real brand.yaml and real files, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from brandlint.cli import main

BASE_GUIDE = """\
brand: Lumen Tea
terms:
  - use: Lumen Tea
    instead_of: [Lumen tea, LumenTea, LUMEN TEA]
  - use: email
    instead_of: [e-mail]
  - avoid: [cheap, guaranteed]
    message: We never promise what a cup can't keep.
    level: error
"""


class Project:
    """A temporary content repository; the current folder while a test runs."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def guide(self, text: str = BASE_GUIDE, name: str = "brand.yaml") -> Path:
        if "brand:" not in text:
            text = "brand: Lumen Tea\n" + text
        return self.write(name, text)

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    def check(self, *args: str) -> dict[str, Any]:
        result = self.run("check", "--format", "json", "--no-cache", *args)
        assert result.exit_code in (0, 1), result.output + result.stderr
        return json.loads(result.stdout)

    def findings(self, *args: str, rule: str | None = None) -> list[dict[str, Any]]:
        found = self.check(*args)["findings"]
        return [f for f in found if rule is None or f["rule"] == rule or f["rule"].startswith(rule + ".")]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return Project(tmp_path)
