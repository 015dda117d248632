"""Markdown prose keeps an exact map to the source; code, URLs and markup are not prose."""

from __future__ import annotations

from brandlint.documents import parse_document

SOURCE = """\
---
channel: website
---
# Hello *LumenTea*

Try \\*LumenTea\\* &amp; `LumenTea` at <https://x.example/LumenTea> or [LumenTea](https://a.b/LumenTea "t")
second line ![a LumenTea cup](i.png) <!-- brandlint-disable terms -->

| a | LumenTea |
|---|---|

> - item LumenTea

```
LumenTea in a fence
```

    LumenTea indented code

<p align="center">Html &amp; LumenTea <img alt="LumenTea logo" src="LumenTea.png"></p>
"""


def _occurrences(doc, word="LumenTea"):
    found = []
    for block in doc.blocks:
        index = block.text.find(word)
        while index >= 0:
            start, end = block.span(index, index + len(word))
            found.append((block.kind, doc.position(start), doc.source_slice(start, end)))
            index = block.text.find(word, index + 1)
    return found


def test_every_prose_occurrence_maps_to_its_source_position():
    doc = parse_document("t.md", SOURCE.encode(), "markdown")
    assert sorted(_occurrences(doc), key=lambda item: item[1]) == [
        ("heading", (4, 10), "LumenTea"),
        ("paragraph", (6, 7), "LumenTea"),      # after an escaped asterisk
        ("paragraph", (6, 71), "LumenTea"),     # link text, not its URL
        ("alt", (7, 17), "LumenTea"),           # image alt text
        ("table", (9, 7), "LumenTea"),
        ("list", (12, 10), "LumenTea"),
        ("paragraph", (20, 30), "LumenTea"),    # HTML block text after an entity
        ("alt", (20, 49), "LumenTea"),          # alt attribute in HTML
    ]


def test_the_fallback_reader_maps_the_same_occurrences(monkeypatch):
    """markdown-it-py reads what the Rust parser cannot; it must find the same prose."""
    import brandlint.documents.markdown as rust
    from brandlint.documents import markdown_python

    expected = sorted(_occurrences(parse_document("t.md", SOURCE.encode(), "markdown")), key=lambda item: item[1])
    monkeypatch.setattr(rust, "parse_markdown", markdown_python.parse_markdown)
    fallback = sorted(_occurrences(parse_document("t.md", SOURCE.encode(), "markdown")), key=lambda item: item[1])
    assert fallback == expected


def test_code_urls_and_fences_are_not_prose():
    doc = parse_document("t.md", SOURCE.encode(), "markdown")
    prose = " ".join(block.prose for block in doc.blocks)
    assert "fence" not in prose and "indented" not in prose
    assert "https" not in prose and "LumenTea.png" not in prose
    assert "&amp;" not in prose and "& " in prose


def test_crlf_source_keeps_columns_and_maps_back_to_the_crlf_text():
    doc = parse_document("t.md", SOURCE.replace("\n", "\r\n").encode(), "markdown")
    assert _occurrences(doc)[:2] == [("heading", (4, 10), "LumenTea"), ("paragraph", (6, 7), "LumenTea")]
    assert doc.newline == "\r\n"


def test_front_matter_links_and_comments():
    doc = parse_document("t.md", SOURCE.encode(), "markdown")
    assert doc.front_matter["channel"] == "website"
    assert {link.url for link in doc.links} >= {"https://x.example/LumenTea", "https://a.b/LumenTea"}
    assert [c.body.strip() for c in doc.comments] == ["brandlint-disable terms"]


def test_inline_formatting_inside_a_word_does_not_split_it():
    doc = parse_document("t.md", b"Lumen<b>Tea</b> and **Lumen**Tea\n", "markdown")
    assert doc.blocks[0].text.startswith("LumenTea and LumenTea")


def test_softbreak_is_kept_as_a_newline_mapped_to_the_source():
    doc = parse_document("t.md", b"one Lumen\ntea two\n", "markdown")
    block = doc.blocks[0]
    assert block.text == "one Lumen\ntea two"
    start, end = block.span(4, 13)
    assert doc.source_slice(start, end) == "Lumen\ntea"


WIDE = """\
# 루멘 티 🍵 *LumenTea*

- 봄 ✨ LumenTea
  - 중첩 **LumenTea** [링크 &copy; LumenTea](https://x.example)
- ![차 *LumenTea* 컵](i.png)

| 한 \\| LumenTea | `a` |
|---|---|
| é LumenTea | x |
"""


def test_positions_after_multibyte_characters_are_in_characters_not_bytes():
    """The parser measures in UTF-8 bytes; Hangul (3 bytes), emoji (4) and é (2) before a
    word must not shift its column."""
    doc = parse_document("t.md", WIDE.encode(), "markdown")
    assert sorted(_occurrences(doc), key=lambda item: item[1]) == [
        ("heading", (1, 11), "LumenTea"),
        ("list", (3, 7), "LumenTea"),
        ("list", (4, 10), "LumenTea"),            # nested tight list, inside strong emphasis
        ("list", (4, 32), "LumenTea"),            # link text after an entity
        ("alt", (5, 8), "LumenTea"),              # alt text, inside emphasis
        ("table", (7, 8), "LumenTea"),            # after an escaped pipe
        ("table", (9, 5), "LumenTea"),
    ]
    links = [(link.url, link.text) for link in doc.links]
    assert links == [("https://x.example", "링크 © LumenTea")]


def test_a_nul_character_does_not_shift_what_follows():
    """Past the first 8 KB (where it would make the file binary), a NUL reaches the parser,
    which reads it as U+FFFD (three bytes in UTF-8)."""
    filler = "Tea.\n\n" * 1500
    doc = parse_document("t.md", (filler + "a\0b LumenTea\n\nLumenTea\n").encode(), "markdown")
    assert [position for _, position, _ in _occurrences(doc)] == [(3001, 5), (3003, 1)]


def test_an_unclosed_bracket_before_a_lone_backtick_is_still_read(project):
    """markdown-it-pyrs 0.4 panics on `[draft `code` (a Rust panic, not an exception); such a
    document is read by markdown-it-py instead, and nothing is printed about it."""
    import subprocess
    import sys

    source = "# Notes\n\n[draft `code and LumenTea here.\n\nThen LumenTea again.\n"
    doc = parse_document("t.md", source.encode(), "markdown")
    assert [position for _, position, _ in _occurrences(doc)] == [(3, 18), (5, 6)]
    project.guide()
    project.write("copy/a.md", source)
    completed = subprocess.run([sys.executable, "-m", "brandlint", "check", "--no-cache", "--format", "json",
                                "copy"], cwd=project.root, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 1
    assert "panic" not in completed.stderr.lower() and "Traceback" not in completed.stderr
    assert '"line": 3, "column": 18' in completed.stdout
