"""RunResult: packed file results read back in path order, with the totals reports show."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from brandlint.engine import Options, check_paths
from brandlint.findings import Finding, Fix, InputError, Severity
from brandlint.guide.loader import load_guide
from brandlint.results import FileResult, ResultStore, RunResult, pack, unpack


def _result(path: str, score: float | None = 100.0, **extra) -> FileResult:
    findings = [Finding(path, "terms.avoid", Severity.ERROR, "Avoid “cheap”.", 3, 8, 1, 4, 1, 9, "cheap",
                        fix=Fix("affordable")),
                Finding(path, "tone.exclamation", Severity.SUGGESTION, "One is plenty.", 0, 1, 2, 1, 2, 2, "!",
                        channel="web", document_level=True, template="t.j2:3")]
    return FileResult(path, findings, score=score, **extra)


def test_pack_round_trip_keeps_everything():
    original = _result("a.md", channel="web", campaign="spring", notes=["n"], locale="ko", variant="web (ko)",
                       facts={"price": "stated"})
    assert unpack(pack(original)) == original
    broken = FileResult("b.md", error=InputError("b.md", "not UTF-8", 3, 7))
    assert unpack(pack(broken)) == broken


def test_results_added_out_of_order_come_back_in_path_order():
    store = ResultStore()
    paths = [f"p{index:04}.md" for index in range(700)]
    shuffled = paths[::3] + paths[1::3] + paths[2::3]  # three sorted runs, more than one chunk each
    for path in shuffled:
        store.append(pack(_result(path)))
    assert len(store) == 700
    assert [result.path for result in store] == paths


def test_totals_do_not_depend_on_arrival_order():
    results = [_result(f"{name}.md", score=score, channel=channel)
               for name, score, channel in (("a", 97.1, "web"), ("b", 33.3, None), ("c", 0.1, "web"),
                                            ("d", None, None))]
    forward, backward = RunResult(results), RunResult(results[::-1])
    for run in (forward, backward):
        assert run.counts() == {Severity.ERROR: 4, Severity.WARNING: 0, Severity.SUGGESTION: 4}
        assert run.fixable == 4
    assert forward.scores() == backward.scores()
    assert forward.scores()["channels"]["web"] == {"files": 2, "score": 48.6}
    assert list(forward.iter_json()) == [f.to_json() for f in forward.iter_findings()]
    assert [f.sort_key() for f in forward.iter_findings()] == sorted(f.sort_key() for f in forward.findings)


def test_json_rows_match_finding_objects_on_the_example(monkeypatch):
    example = os.path.join(os.path.dirname(__file__), "..", "examples", "lumen-tea")
    monkeypatch.chdir(example)
    result = check_paths(load_guide(Path("brand.yaml")), ["."], Options(use_cache=False, jobs=1))
    rows = list(result.iter_json())
    assert rows and rows == [finding.to_json() for finding in result.iter_findings()]


def test_each_json_finding_is_written_as_the_json_encoder_writes_it():
    """--format json writes findings without the encoder; the text must be the encoder's."""
    from brandlint.findings import finding_json, finding_json_text

    tricky = ['say "hi"', "back\\slash", "tab\tand\nline", "\u0007bell", "루멘 티 ✨ 👨‍👩‍👧", "\ud800", "</script>", ""]
    for text in tricky:
        for channel, fix, template in ((None, None, None), ("web", text, "t.j2"), (text, "", text)):
            for numbers in ((3, 14, 4, 1), (None, 1, None, 2)):
                row = (f"copy/{text}.md", *numbers, "terms.use", "error", channel, text, text, fix, template)
                assert finding_json_text(*row) == json.dumps(finding_json(*row), ensure_ascii=False)


def test_a_fifo_among_the_files_does_not_block_the_run(project):
    """Only regular files are read: opening a named pipe would wait for a writer forever."""
    project.guide()
    project.write("copy/a.md", "LumenTea is cheap.\n")
    os.mkfifo(project.root / "copy" / "pipe.md")
    assert stat.S_ISFIFO(os.stat(project.root / "copy" / "pipe.md").st_mode)
    completed = subprocess.run([sys.executable, "-m", "brandlint", "check", "--format", "json", "--no-cache",
                                "copy"], cwd=project.root, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 1, completed.stderr
    assert {f["path"] for f in json.loads(completed.stdout)["findings"]} == {"copy/a.md"}


def test_a_malformed_packed_result_is_refused_before_anything_is_counted():
    run = RunResult([_result("a.md")])
    good = pack(_result("b.md"))
    broken = [good[:9], (*good[:1], ((*good[1][0][:14],),), *good[2:]), (*good[:5], ("note", 3), *good[6:]),
              (*good[:1], ((*good[1][0][:1], 9, *good[1][0][2:]),), *good[2:])]
    for bad in broken:
        try:
            run.add_packed(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"accepted {bad!r}")
    assert len(run.files) == 1 and run.counts()[Severity.ERROR] == 1 and run.notes == []
    run.add_packed(good)
    assert len(run.files) == 2 and run.counts()[Severity.ERROR] == 2
