"""Properties that must hold for any input (Hypothesis, bounded to stay fast in CI):
brandlint never crashes on a document; every finding lies inside the file; its `match` is
exactly the source text at its line:column span; fixes leave everything else untouched."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.engine import Checker, Options
from brandlint.guide.loader import load_guide

GUIDE = """\
brand: Lumen Tea
language: auto
extends: [inclusive, claims]
voice: {tone: formal, readability: {max_grade: 8}}
terms:
  - use: Lumen Tea
    instead_of: [LumenTea, Lumen tea]
  - avoid: [cheap, 최고]
colors:
  palette: {gold: "#E0A526", ink: "#1C1C1C", paper: "#FFFDF7"}
fonts: [Inter]
channels:
  sms: {max_chars: 40, max_bytes: 60, encoding: cp949, max_hashtags: 1, max_emoji: 1}
"""
PIECES = ["LumenTea", "Lumen tea", "cheap", "최고의", "최고", "We're SO excited!!! ", "🎉", "#tea ", "e-mail",
          "salesman", "guaranteed", "`code`", "**bold**", "[link](https://x.example/LumenTea)",
          "<b>LumenTea</b>", "&amp;", "\\*", "\r\n", "\n", "\n\n", "# ", "> ", "- ", "\u200b", "\u202e",
          "\t", "  ", "é", "e\u0301", "가", "\u1100\u1161", "<!-- brandlint-disable terms -->", "\x00",
          "---\nchannel: sms\n---\n", "https://lumentea.example/spring", "20%", "x" * 300,
          ".a { color: #E6A83A; background: #FFF; font-family: Arial, sans-serif }", "/* brandlint-disable */",
          '<rect fill="#2AA198" style="stroke: rgb(1 2 3)"/>', "<style>p{color:red}</style>", "var(--x)", "@media{",
          '<text font-family="Papyrus">cheap</text>', "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map("".join)
# CI runs 100 examples a property; a longer hunt: BRANDLINT_FUZZ_EXAMPLES=5000 pytest tests/test_properties.py
SETTINGS = settings(max_examples=int(os.environ.get("BRANDLINT_FUZZ_EXAMPLES", "100")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _checker(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guide")
    (folder / "brand.yaml").write_text(GUIDE)
    return Checker(load_guide(folder / "brand.yaml"), Options(use_cache=False)), folder


def _text_at(source: str, finding) -> str:
    """The source between the finding's line:column and end_line:end_column, counted as an
    editor counts them (code points; CRLF, CR and LF each end a line)."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert 1 <= finding.line <= len(lines) and 1 <= finding.end_line <= len(lines)
    text = "\n".join(lines)
    start = sum(len(line) + 1 for line in lines[:finding.line - 1]) + finding.column - 1
    end = sum(len(line) + 1 for line in lines[:finding.end_line - 1]) + finding.end_column - 1
    assert 0 <= start <= end <= len(text)
    return text[start:end]


@SETTINGS
@given(text=TEXT, suffix=st.sampled_from([".md", ".txt", ".html", ".css", ".svg"]), crlf=st.booleans(),
       nfd=st.booleans())
def test_findings_lie_inside_the_file_and_match_the_source(tmp_path_factory, text, suffix, crlf, nfd):
    checker, folder = _checker(tmp_path_factory)
    if nfd:
        text = unicodedata.normalize("NFD", text)
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    raw = text.encode("utf-8", "replace")
    path = folder / f"doc{suffix}"
    path.write_bytes(raw)
    result, doc = checker.check_bytes(path, path.name, raw)
    if result.error is not None:
        assert result.error.message  # refused with a message (binary, bad front matter), never a crash
        return
    for finding in result.findings:
        assert finding.match == doc.source[finding.start:finding.end]
        assert _text_at(doc.source, finding) == finding.match.replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(text=TEXT)
def test_fixes_change_only_the_fixed_spans(tmp_path_factory, text):
    from brandlint.fix import apply_fixes

    checker, folder = _checker(tmp_path_factory)
    raw = text.encode("utf-8", "replace")
    path = folder / "doc.md"
    path.write_bytes(raw)
    result, doc = checker.check_bytes(path, path.name, raw)
    if doc is None:
        return
    fixed, _ = apply_fixes(doc.source, result.findings)
    edits = sorted((f for f in result.findings if f.fix), key=lambda f: f.start)
    if not edits:
        assert fixed == doc.source
        return
    assert fixed.startswith(doc.source[:edits[0].start])
    assert fixed.endswith(doc.source[max(f.end for f in edits):])
