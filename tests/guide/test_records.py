"""The validated guideline as remembered between runs: the same data, errors never cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandlint.guide.loader import load_guide
from brandlint.guide.model import Guide
from brandlint.guide.records import Record, from_plain, to_plain
from brandlint.guide.validate import validate
from brandlint.guide.yamlsource import parse_yaml

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lumen-tea" / "brand.yaml"


def test_records_hold_what_pydantic_validated(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = validate(Guide, parse_yaml(EXAMPLE.read_text("utf-8"), str(EXAMPLE)))
    first = load_guide(EXAMPLE).guide  # validates and stores
    assert list(tmp_path.glob("brandlint/valid/*/*.marshal"))
    second = load_guide(EXAMPLE).guide  # from the user cache
    assert first == second == from_plain(to_plain(fresh))
    assert isinstance(second, Record)
    # Nested models, mappings of models, defaults and optional sections all come through.
    assert second.channels["instagram"].tone == fresh.channels["instagram"].tone
    assert second.terms[0].instead_of == list(fresh.terms[0].instead_of)
    assert second.colors.palette == dict(fresh.colors.palette)
    assert second.scoring.error == fresh.scoring.error
    with pytest.raises(AttributeError):
        second.brand = "Other"


def test_a_mistake_is_reported_on_every_run(project, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    project.guide("terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n  - avoid: []\n")
    project.write("a.md", "Hello.\n")
    outputs = [project.run("check", "--no-cache", "a.md") for _ in range(2)]
    assert [result.exit_code for result in outputs] == [2, 2]
    assert outputs[0].stderr == outputs[1].stderr
    assert "brand.yaml:5:" in outputs[0].stderr


def test_an_edited_guideline_is_validated_again(project, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    project.write("a.md", "A cheap cup and a costly one.\n")
    project.guide("terms:\n  - avoid: [cheap]\n")
    assert [f["match"] for f in project.findings("a.md", rule="terms")] == ["cheap"]
    project.guide("terms:\n  - avoid: [costly]\n")
    assert [f["match"] for f in project.findings("a.md", rule="terms")] == ["costly"]
    project.guide("terms:\n  - avoid: [costly]\n  - bogus: 1\n")
    result = project.run("check", "--no-cache", "a.md")
    assert result.exit_code == 2 and "brand.yaml:4:" in result.stderr
