"""An unchanged re-run of `brandlint check` is answered from its record, and any change that
could alter the answer makes it a real run again. Real processes: the command as users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from brandlint import replay

GUIDE = """\
brand: Lumen Tea
terms:
  - use: email
    instead_of: [e-mail]
  - avoid: [cheap]
    level: error
"""


def brandlint(cwd: Path, *args: str, importtime: bool = False) -> subprocess.CompletedProcess:
    prefix = [sys.executable, "-X", "importtime"] if importtime else [sys.executable]
    env = {**os.environ}
    env.pop("NO_COLOR", None)
    return subprocess.run([*prefix, "-m", "brandlint", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, check=False)


def replayed(cwd: Path, *args: str) -> tuple[bool, subprocess.CompletedProcess]:
    """Run the command; True when it was answered from the record (no checker was imported)."""
    completed = brandlint(cwd, *args, importtime=True)
    imported = {line.split("|")[-1].strip() for line in completed.stderr.splitlines() if line.startswith("import time")}
    completed.stderr = "\n".join(line for line in completed.stderr.splitlines()
                                 if not line.startswith("import time")) + "\n"
    return "brandlint.engine" not in imported, completed


def content(root: Path) -> Path:
    (root / "brand.yaml").write_text(GUIDE)
    (root / "docs").mkdir()
    (root / "docs" / "a.md").write_text("# A\n\nSend us an e-mail.\n")
    (root / "docs" / "b.md").write_text("# B\n\nAll good here.\n")
    return root


def test_an_unchanged_rerun_prints_the_same_report_without_loading_the_checker(tmp_path):
    root = content(tmp_path)
    first = brandlint(root, "check", "--format", "json", "docs")
    assert first.returncode == 1
    again, second = replayed(root, "check", "--format", "json", "docs")
    assert again
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert "2 files checked: 1 error" in second.stderr


def test_any_change_to_what_the_answer_depends_on_makes_a_real_run(tmp_path):
    root = content(tmp_path)
    args = ("check", "--format", "json", "docs")
    brandlint(root, *args)
    # A file edited: its new finding is reported.
    (root / "docs" / "b.md").write_text("# B\n\nCheap tea.\n")
    again, edited = replayed(root, *args)
    assert not again
    assert {f["rule"] for f in json.loads(edited.stdout)["findings"] if f["path"] == "docs/b.md"} == {"terms.avoid"}
    # A new file in the folder.
    (root / "docs" / "c.md").write_text("Cheap.\n")
    again, added = replayed(root, *args)
    assert not again and "3 files checked" in added.stderr
    # A file removed.
    (root / "docs" / "c.md").unlink()
    again, removed = replayed(root, *args)
    assert not again and "2 files checked" in removed.stderr
    # The guideline changed: `cheap` is no longer an error.
    (root / "brand.yaml").write_text(GUIDE.replace("level: error", "level: warning"))
    again, relaxed = replayed(root, *args)
    assert not again
    assert [f["severity"] for f in json.loads(relaxed.stdout)["findings"] if f["rule"] == "terms.avoid"] == ["warning"]
    # And now nothing changed: answered from the record, same answer.
    again, same = replayed(root, *args)
    assert again and (same.stdout, same.returncode) == (relaxed.stdout, relaxed.returncode)


def test_a_nearer_guideline_or_a_new_campaign_is_seen(tmp_path):
    root = content(tmp_path)
    (root / "docs" / "a.md").write_text("---\ncampaign: spring\n---\nSpring sale: 20% off.\n")
    (root / "campaigns").mkdir()
    args = ("check", "--format", "json", "docs")
    unknown = brandlint(root, *args)
    assert unknown.returncode == 2  # names a campaign that does not exist: never recorded
    (root / "campaigns" / "spring.yaml").write_text("campaign: spring\nchannels: [website]\nfacts:\n  discount: 20%\n")
    (root / "brand.yaml").write_text(GUIDE + "channels:\n  website: {}\n")
    known = brandlint(root, *args)
    assert known.returncode in (0, 1), known.stderr
    (root / "campaigns" / "spring.yaml").write_text("campaign: spring\nchannels: [website]\nfacts:\n  discount: 30%\n")
    again, changed = replayed(root, *args)
    assert not again and "consistency" in changed.stdout  # 20% in the copy, 30% in the campaign
    (root / "docs" / ".brandlint.yaml").write_text("brand: Other\n")  # not nearer to the current folder
    again, _ = replayed(root, *args)
    assert again
    (root / "brand.yaml").rename(root / ".brandlint.yaml")  # the same guideline under its other name
    again, renamed = replayed(root, *args)
    assert not again and renamed.stdout == changed.stdout


def test_touching_files_without_changing_them_still_replays(tmp_path):
    root = content(tmp_path)
    first = brandlint(root, "check", "docs")
    for path in (root / "docs").iterdir():
        os.utime(path)
    again, second = replayed(root, "check", "docs")
    assert again and second.stdout == first.stdout


def test_other_options_are_other_runs(tmp_path):
    root = content(tmp_path)
    text = brandlint(root, "check", "docs")
    brandlint(root, "check", "--format", "json", "docs")
    again, quiet = replayed(root, "check", "--quiet", "docs")
    assert not again and quiet.stderr.strip() == ""
    again, text_again = replayed(root, "check", "docs")
    assert again and text_again.stdout == text.stdout and "docs/a.md:3:" in text.stdout


def test_a_report_file_is_written_again(tmp_path):
    root = content(tmp_path)
    brandlint(root, "check", "--format", "sarif", "--output", "report.sarif", "docs")
    written = (root / "report.sarif").read_text()
    (root / "report.sarif").unlink()
    again, second = replayed(root, "check", "--format", "sarif", "--output", "report.sarif", "docs")
    assert again and second.stdout == ""
    assert (root / "report.sarif").read_text() == written


def test_nothing_is_recorded_without_the_cache_or_with_history(tmp_path):
    root = content(tmp_path)
    brandlint(root, "check", "--no-cache", "docs")
    assert not (root / ".brandlint_cache").exists()
    brandlint(root, "check", "--history", "history.jsonl", "docs")
    again, _ = replayed(root, "check", "--history", "history.jsonl", "docs")
    assert not again  # every run appends its summary
    assert len((root / "history.jsonl").read_text().splitlines()) == 2


def test_a_damaged_record_is_ignored_and_rewritten(tmp_path):
    root = content(tmp_path)
    first = brandlint(root, "check", "--format", "json", "docs")
    (record,) = (root / ".brandlint_cache" / "runs").iterdir()
    record.write_bytes(record.read_bytes()[:-5] + b"XXXXX")
    again, second = replayed(root, "check", "--format", "json", "docs")
    assert not again and second.stdout == first.stdout
    again, third = replayed(root, "check", "--format", "json", "docs")
    assert again and third.stdout == first.stdout


def test_only_the_newest_records_are_kept(tmp_path, monkeypatch):
    folder = tmp_path / "runs"
    folder.mkdir()
    for index in range(5):
        path = folder / f"{index}.run"
        path.write_bytes(b"x")
        os.utime(path, ns=(index * 10**9, index * 10**9))
    monkeypatch.setattr(replay, "KEEP_RUNS", 2)
    replay._prune(str(folder))
    assert sorted(p.name for p in folder.iterdir()) == ["3.run", "4.run"]
