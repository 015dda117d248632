"""YAML loading: positions, safety (tags, alias bombs, depth)."""

from __future__ import annotations

import pytest

from brandlint.errors import GuideError
from brandlint.guide.yamlsource import parse_yaml


def test_positions_of_keys_and_values():
    source = parse_yaml("brand: X\nchannels:\n  x:\n    max_chars: 280\n", "g.yaml")
    assert source.data == {"brand": "X", "channels": {"x": {"max_chars": 280}}}
    assert source.keys[("channels", "x", "max_chars")] == (4, 5)
    assert source.values[("channels", "x", "max_chars")] == (4, 16)


def test_billion_laughs_is_refused_not_expanded():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(GuideError, match="alias bomb"):
        parse_yaml("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_refused():
    text = "a: " + "[" * 100 + "]" * 100 + "\n"
    with pytest.raises(GuideError, match="nested"):
        parse_yaml(text, "deep.yaml")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo hi']", "!custom 3"])
def test_custom_tags_are_refused(tag):
    with pytest.raises(GuideError, match="custom YAML tags"):
        parse_yaml(f"brand: {tag}\n", "g.yaml")


def test_standard_tags_are_plain_values():
    assert parse_yaml("brand: !!str 2024\n", "g.yaml").data == {"brand": "2024"}


def test_front_matter_line_offset():
    with pytest.raises(GuideError) as info:
        parse_yaml("a: 1\nb: [\n", "doc.md", line_offset=1)
    assert info.value.line == 4


def test_an_impossible_date_is_located_not_a_crash():
    with pytest.raises(GuideError) as info:
        parse_yaml("campaign: c\nfacts:\n  ends: 2026-02-30\n", "campaign.yaml")
    assert (info.value.line, info.value.column) == (3, 9) and "day is out of range" in info.value.message
