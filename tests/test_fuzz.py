"""Fuzzing through the command line: mutated guidelines, campaign files and templates.

Whatever the input, brandlint exits 0, 1 or 2, never with an internal error or a
traceback, and an exit-2 message names the file (with a line where one exists).
CI runs a bounded number of cases; `python bench/fuzz.py` runs 10,000.
"""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.cli import main

EXAMPLES = int(os.environ.get("BRANDLINT_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

GUIDE = """\
brand: Lumen Tea
language: auto
extends: [inclusive, claims]
voice:
  tone: neutral
  readability: {max_grade: 9}
message:
  tagline: "Steeped in light."
  key_messages:
    - id: organic
      any_of: ["certified organic"]
terms:
  - use: Lumen Tea
    instead_of: [LumenTea]
  - avoid: [cheap]
    level: error
colors:
  palette: {gold: "#E0A526", ink: "#1C1C1C"}
fonts: [Inter]
channels:
  website: {tone: formal, require: [tagline]}
  sms: {language: ko, max_bytes: 90, encoding: cp949, extends: [kr-ad-law]}
files:
  "web/**": website
"""
CAMPAIGN = """\
campaign: spring
channels: [website, sms]
facts:
  discount: 20%
  ends: 2026-04-30
  code: SPRING20
data:
  product: Spring Blend
  headline: Brighter mornings
"""
TEMPLATE = "{{ headline }}\n{{ product | josa('을') }} {{ facts.discount | percent }} {{ facts.ends | date }}\n"
SNIPPETS = ["\n", ": ", "- ", "  ", "[", "]", "{", "}", '"', "'", "#", "!!str ", "!tag ", "&a ", "*a", "---\n",
            "\t", "null", "~", "2026-02-30", "#GGG", "-1", "1e9", "ko", "formal", "website", "x" * 50, "\x00",
            "extends: [nope]\n", "channels: {}\n", "terms: [{}]\n", "files: {'a': b}\n", "logos: {p: {file: x}}\n",
            "{{", "}}", "{%", "%}", "{{ x }}", "{% for i in range(9) %}", "{% endfor %}", "| josa", "| date",
            "__class__", "{{ facts.ends | date('iso') }}", "{{ recipient }}", "최고", "\u202e"]


def mutations(text: str) -> st.SearchStrategy[str]:
    """Cut, duplicate, or splice snippets into a valid file."""
    return st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 12), st.sampled_from(SNIPPETS)),
                    min_size=1, max_size=6).map(lambda edits: _apply(text, edits))


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for position, cut, snippet in edits:
        position = min(position, len(text))
        text = text[:position] + snippet + text[position + cut:]
    return text


def _assert_clean_outcome(result, names: tuple[str, ...]) -> None:
    assert result.exit_code in (0, 1, 2), result.exit_code
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    if result.exit_code == 2:
        first = result.stderr.strip().splitlines()[0]
        assert any(name in first for name in names), first
        located = re.search(r"(\S+?):(\d+)(?::(\d+))?: ", first)
        assert located or " not found" in first or "no such" in first or "refused" in first or "is empty" in first \
            or "binary" in first or "UTF-8" in first, first


@pytest.fixture
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@SETTINGS
@given(guide=mutations(GUIDE))
def test_mutated_guidelines(folder, guide):
    (folder / "web").mkdir(exist_ok=True)
    (folder / "web" / "a.md").write_text("# Hi\n\nLumenTea is cheap.\n")
    (folder / "brand.yaml").write_bytes(guide.encode("utf-8", "replace"))
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "web"])
    finally:
        os.chdir(old)
    _assert_clean_outcome(result, ("brand.yaml", "rules/", ".yaml"))


@SETTINGS
@given(campaign=mutations(CAMPAIGN), template=mutations(TEMPLATE))
def test_mutated_campaigns_and_templates(folder, campaign, template):
    (folder / "brand.yaml").write_text(GUIDE)
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "website.html.j2").write_bytes(template.encode("utf-8", "replace"))
    (folder / "templates" / "sms.txt.j2").write_bytes(template.encode("utf-8", "replace"))
    (folder / "campaign.yaml").write_bytes(campaign.encode("utf-8", "replace"))
    out = folder / "out"
    if out.exists():
        for file in out.iterdir():
            file.unlink()
        out.rmdir()
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["render", "campaign.yaml", "--out", "out", "--format", "json"])
    finally:
        os.chdir(old)
    _assert_clean_outcome(result, ("campaign.yaml", "templates/", "brand.yaml"))
    if result.exit_code == 2:
        assert not out.exists()  # nothing half-rendered
