"""`brandlint check` read without click must mean exactly what click reads, or defer to click."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from brandlint import cli
from brandlint.quickargs import CHOICES, DEFAULTS, FLAGS, VALUES, check_arguments

READ_ALIKE = [
    ["check"],
    ["check", "copy", "docs/a.md"],
    ["check", "--format", "json", "--no-cache", "docs/page.md"],
    ["check", "docs", "--quiet", "-j", "2", "--fail-on", "warning", "--channel", "web"],
    ["check", "--format=sarif", "--output=out.sarif", "--jobs=3", "--shard", "2/4", "x.md"],
    ["check", "-q", "--no-color", "--debug", "--guide", "brand.yaml", "--history", "h.jsonl", "a", "b"],
    ["check", "--format", "json", "--format", "text", "a.md"],  # the last one wins
    ["check", "--shard", "x", "a.md"],  # click takes any text; the run says it is wrong
    ["check", "--jobs", "007"],
]

FOR_CLICK = [
    [], ["--version"], ["rules"], ["check", "--help"], ["check", "-h"],
    ["check", "--jobs", "0"], ["check", "--jobs", "-1"], ["check", "--jobs", "two"], ["check", "-j"],
    ["check", "--format", "yaml"], ["check", "--fail-on", "ERROR"], ["check", "--unknown"],
    ["check", "-qj2"], ["check", "-j2"], ["check", "--", "-odd.md"], ["check", "-"], ["check", ""],
    ["check", "--guide"], ["check", "--guide", "--quiet"], ["check", "--quiet=yes"], ["check", "-j=2"],
    ["check", "--jobs", "٣"], ["check", "--jobs", "+2"],  # click takes these; left to it all the same
]


@pytest.mark.parametrize("argv", READ_ALIKE, ids=" ".join)
def test_a_plain_check_command_line_is_read_as_click_reads_it(argv):
    quick = check_arguments(argv)
    assert quick is not None
    assert quick == cli.check.make_context("check", list(argv[1:])).params


@pytest.mark.parametrize("argv", FOR_CLICK, ids=lambda argv: " ".join(argv) or "(nothing)")
def test_anything_else_is_left_to_click(argv):
    assert check_arguments(argv) is None


def test_the_table_holds_every_option_of_the_check_command_as_click_declares_it():
    declared = {param.name: param for param in cli.check.params if isinstance(param, click.Option)}
    assert set(declared) == set(DEFAULTS)
    assert cli.check.make_context("check", []).params == {**DEFAULTS, "paths": ()}
    for name, option in declared.items():
        names = [*option.opts, *option.secondary_opts]
        table = FLAGS if option.is_flag else VALUES
        assert {opt: table.get(opt) for opt in names} == {opt: name for opt in names}
        if isinstance(option.type, click.Choice):
            assert tuple(option.type.choices) == CHOICES[name]
    assert set(FLAGS.values()) | set(VALUES.values()) == set(declared)


def _run(code: str, cwd, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-X", "importtime", "-c", code, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False)


QUICK = "import sys; sys.argv[0] = 'brandlint'; from brandlint.entry import main; main()"
CLICK = "import sys; sys.argv[0] = 'brandlint'; from brandlint.cli import main; main()"


def test_a_check_run_without_click_prints_and_exits_as_the_click_one(project):
    project.guide()
    project.write("copy/a.md", "LumenTea is cheap.\n")
    args = ("check", "--no-cache", "--format", "json", "copy")
    quick, slow = _run(QUICK, project.root, *args), _run(CLICK, project.root, *args)
    assert (quick.returncode, quick.stdout) == (slow.returncode, slow.stdout) == (1, slow.stdout)
    assert '"rule": "terms.use"' in quick.stdout
    assert " click" not in quick.stderr and " click" in slow.stderr  # -X importtime lists imports on stderr
    # Errors read the same either way: a missing guideline, exit 2.
    missing = ("check", "--no-cache", "--guide", "nowhere.yaml", "copy")
    quick, slow = _run(QUICK, project.root, *missing), _run(CLICK, project.root, *missing)
    assert quick.returncode == slow.returncode == 2
    said = [line for line in quick.stderr.splitlines() if line.startswith("brandlint:")]
    assert said and said == [line for line in slow.stderr.splitlines() if line.startswith("brandlint:")]


def test_a_usage_mistake_still_gets_clicks_message(project):
    project.guide()
    completed = _run(QUICK, project.root, "check", "--jobs", "0", ".")
    assert completed.returncode == 2
    assert "Invalid value for '--jobs'" in completed.stderr
