"""The command line as users and CI see it: output formats, exit statuses, options."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator

import pytest


def _setup(project):
    project.guide("channels:\n  website: {tone: formal}\nfiles:\n  \"web/**\": website\n"
                  + "terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n  - avoid: [cheap]\n")
    project.write("web/a.md", "# LumenTea\n\nA cheap cup.\n")
    project.write("web/b.md", "All good here.\n")


def test_text_output_and_exit_status_1(project):
    _setup(project)
    result = project.run("check", "--no-cache", "web")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "web/a.md:1:3 error terms.use Use 'Lumen Tea' instead of 'LumenTea'.",
        "web/a.md:3:3 warning terms.avoid Avoid 'cheap'.",
    ]
    assert "2 files checked: 1 error, 1 warning, 0 suggestions (1 fixable" in result.stderr


def test_fail_on_levels(project):
    project.guide("terms:\n  - avoid: [cheap]\n    level: suggestion\n")
    project.write("a.md", "A cheap cup.\n")
    assert project.run("check", "a.md").exit_code == 0
    assert project.run("check", "--fail-on", "warning", "a.md").exit_code == 0
    assert project.run("check", "--fail-on", "suggestion", "a.md").exit_code == 1


def test_clean_run_exits_0(project):
    _setup(project)
    result = project.run("check", "web/b.md")
    assert result.exit_code == 0 and result.stdout == ""


def test_json_is_exactly_the_contract(project):
    _setup(project)
    data = project.check("web")
    assert set(data) == {"findings", "summary", "files", "campaigns"}  # files: each file's score (SPEC §6)
    summary = data["summary"]
    assert {k: summary[k] for k in ("files", "errors", "warnings", "suggestions")} == {
        "files": 2, "errors": 1, "warnings": 1, "suggestions": 0}
    # SPEC §6: scores per file, channel and campaign (default weights: error 10, warning 3)
    assert summary["score"] == 93.5 and summary["channels"] == {"website": {"files": 2, "score": 93.5}}
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "channel", "message", "match"}
    assert set(data["findings"][0]) == keys | {"fix"}
    assert set(data["findings"][1]) == keys


def test_output_file_and_quiet(project):
    _setup(project)
    result = project.run("check", "--quiet", "--format", "json", "--output", "out/report.json", "web")
    assert result.exit_code == 2  # the folder out/ does not exist
    assert "cannot write the report to out/report.json" in result.stderr
    (project.root / "out").mkdir()
    result = project.run("check", "--quiet", "--format", "json", "--output", "out/report.json", "web")
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == ""
    assert json.loads((project.root / "out/report.json").read_text())["summary"]["errors"] == 1


def test_missing_path_is_a_usage_error(project):
    _setup(project)
    result = project.run("check", "nope.md")
    assert result.exit_code == 2 and "no such file or folder: nope.md" in result.stderr


def test_bad_documents_are_reported_and_the_others_still_checked(project):
    _setup(project)
    project.write("web/bin.md", b"\x00\x01\x02")
    project.write("web/latin.md", b"caf\xe9\n")
    project.write("notes.docx", b"PK")
    result = project.run("check", "--no-cache", "web", "notes.docx")
    assert result.exit_code == 2
    assert "web/a.md:1:3 error terms.use" in result.stdout
    assert "brandlint: error: web/bin.md: binary file" in result.stderr
    assert "brandlint: error: web/latin.md:1:4: not valid UTF-8" in result.stderr
    assert "brandlint: error: notes.docx: not a file type brandlint checks" in result.stderr
    assert "Traceback" not in result.stderr


def _as_nobody() -> list[str]:
    """A command prefix that runs as an unprivileged user (root reads and writes anything)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root and setpriv is not available to drop privileges")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@contextlib.contextmanager
def _shared_folder(prefix: str, files: dict[str, str]) -> Iterator[str]:
    """A temporary project outside pytest's tmp_path (which `nobody` cannot enter), readable
    by everyone, with a guideline that makes `cheap` an error and the given files."""
    folder = tempfile.mkdtemp(prefix=prefix)
    try:
        os.chmod(folder, 0o755)
        for name, text in {"brand.yaml": "brand: X\nterms:\n  - avoid: [cheap]\n    level: error\n",
                           **files}.items():
            with open(os.path.join(folder, name), "w") as out:
                out.write(text)
            os.chmod(os.path.join(folder, name), 0o644)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_unreadable_file_is_reported_and_the_others_checked():
    """As a user without read permission (root reads everything, so drop to `nobody`)."""
    prefix = _as_nobody()
    with _shared_folder("brandlint-perm-", {"ok.md": "A cheap cup.\n", "secret.md": "A cheap cup.\n"}) as folder:
        os.chmod(os.path.join(folder, "secret.md"), 0)
        completed = subprocess.run([*prefix, sys.executable, "-m", "brandlint", "check", "--no-cache", "."],
                                   cwd=folder, check=False, capture_output=True, text=True, timeout=120)
        assert completed.returncode == 2, completed.stderr
        assert "secret.md: cannot read the file: permission denied" in completed.stderr
        assert "ok.md:1:3 error terms.avoid" in completed.stdout


def test_fifty_megabyte_file_is_refused_and_others_checked(project):
    _setup(project)
    project.write("web/huge.md", b"tea " * (13 * 1024 * 1024))
    result = project.run("check", "--no-cache", "web")
    assert result.exit_code == 2
    assert "web/huge.md: file is 54.5 MB; files over 10 MB are not checked" in result.stderr
    assert "web/a.md:1:3 error terms.use" in result.stdout


def test_shard_option_validation(project):
    _setup(project)
    for bad in ("0/2", "3/2", "x", "1/0"):
        result = project.run("check", "--shard", bad, "web")
        assert result.exit_code == 2 and "--shard" in result.stderr


def test_invalid_option_value_exits_2(project):
    _setup(project)
    assert project.run("check", "--format", "yaml", "web").exit_code == 2
    assert project.run("check", "--jobs", "0", "web").exit_code == 2


def test_schema_is_json_schema_of_the_guideline(project):
    result = project.run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"brand", "terms", "channels", "colors", "logos", "files"} <= set(schema["properties"])
    assert schema["required"] == ["brand"]
    assert schema["additionalProperties"] is False
    # An editor validating with the schema rejects what the loader rejects.
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"brand": "X", "colors": {"palette": {"gold": "#E0A526", "ink": "#111"}}})
    for bad in ("#E0A52G", "E0A526", None):
        assert not validator.is_valid({"brand": "X", "colors": {"palette": {"gold": bad}}}), bad


def test_rules_and_explain(project):
    listing = project.run("rules").stdout
    for rule in ("terms.use", "tone.casual", "length.max_bytes", "inclusive.gendered", "kr-ad-law.superlative"):
        assert rule in listing
    assert all(line.strip() for line in listing.splitlines())  # one line a rule, none blank
    result = project.run("explain", "terms.usee")
    assert result.exit_code == 2 and "did you mean `terms.use`" in result.stderr
    family = project.run("explain", "length").stdout
    assert "length.max_chars" in family and "length.max_bytes" in family


def test_init_does_not_take_over_a_dangling_link_named_brand_yaml(project):
    os.symlink(project.root / "nowhere" / "brand.yaml", project.root / "brand.yaml")
    result = project.run("init")
    assert result.exit_code == 2 and "brand.yaml already exists here; not overwritten" in result.stderr
    assert os.path.islink(project.root / "brand.yaml") and not (project.root / "nowhere").exists()


def test_a_report_is_never_written_over_a_file_being_checked(project):
    project.guide()
    path = project.write("a.txt", "Hi LumenTea.\n")
    result = project.run("check", "--no-cache", "--format", "json", "--output", "a.txt", "a.txt")
    assert result.exit_code == 2 and "--output a.txt is one of the files being checked" in result.stderr
    assert path.read_text() == "Hi LumenTea.\n"


def test_init_writes_a_working_starter_and_never_overwrites(project):
    result = project.run("init")
    assert result.exit_code == 0
    assert (project.root / "brand.yaml").exists() and (project.root / ".pre-commit-config.yaml").exists()
    project.write("web/a.md", "Welcome to YourBrand.\n")
    check = project.run("check", "--no-cache", ".")
    assert check.exit_code == 1 and "Use 'Your Brand' instead of 'YourBrand'" in check.stdout
    before = (project.root / "brand.yaml").read_bytes()
    again = project.run("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (project.root / "brand.yaml").read_bytes() == before
    # The hook passes every kind of file `check` reads (pre-commit matches `files` with re.search).
    import re

    from ruamel.yaml import YAML

    from brandlint.engine import COPY_SUFFIXES

    [hook] = YAML(typ="safe").load((project.root / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    for suffix in COPY_SUFFIXES:
        assert re.search(hook["files"], f"web/a{suffix}") and re.search(hook["files"], f"A{suffix.upper()}")
    assert not re.search(hook["files"], "notes.docx")


def _many_files(project, count=40):
    project.guide()
    for index in range(count):
        project.write(f"copy/{index:03}.md", f"# Page {index}\n\nLumenTea is cheap, e-mail us. {index}\n")


def test_same_input_same_bytes_across_runs_jobs_and_cache(project):
    _many_files(project)
    runs = [project.run("check", "--format", "json", "--no-cache", "--jobs", "1", "copy").stdout,
            project.run("check", "--format", "json", "--no-cache", "--jobs", "2", "copy").stdout,
            project.run("check", "--format", "json", "--jobs", "2", "copy").stdout,   # fills the cache
            project.run("check", "--format", "json", "--jobs", "1", "copy").stdout]   # reads it
    assert runs[0] == runs[1] == runs[2] == runs[3]
    assert len(json.loads(runs[0])["findings"]) == 120
    assert (project.root / ".brandlint_cache").is_dir()


def test_damaged_cache_entry_is_ignored_said_once_and_rebuilt(project):
    _many_files(project, 2)
    first = project.run("check", "--format", "json", "copy")
    entries = list((project.root / ".brandlint_cache").rglob("*.pack"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-3] + b"xyz")
    again = project.run("check", "--format", "json", "copy")
    assert again.stdout == first.stdout
    assert again.stderr.count("damaged entries in the results cache .brandlint_cache were ignored") == 1
    third = project.run("check", "--format", "json", "copy")  # the entries were written anew
    assert third.stdout == first.stdout and "damaged" not in third.stderr


def test_cache_path_taken_by_a_file_runs_without_it_and_says_so_once(project):
    _many_files(project, 30)
    expected = project.run("check", "--format", "json", "--no-cache", "copy").stdout
    (project.root / ".brandlint_cache").write_text("not a folder")
    for jobs in ("1", "2"):
        result = project.run("check", "--format", "json", "--jobs", jobs, "copy")
        assert result.exit_code == 1 and result.stdout == expected
        assert result.stderr.count("the results cache .brandlint_cache cannot be written") == 1, result.stderr


def test_read_only_cache_folder_runs_without_it_and_says_so_once():
    """As a user who may not write the cache folder (root may, so drop to `nobody`)."""
    prefix = _as_nobody()
    files = {f"{index:02}.md": f"A cheap cup, number {index}.\n" for index in range(30)}
    with _shared_folder("brandlint-rocache-", files) as folder:
        os.mkdir(os.path.join(folder, ".brandlint_cache"), 0o555)
        env = {**os.environ, "XDG_CACHE_HOME": os.path.join(folder, ".brandlint_cache", "user")}
        for jobs in ("1", "2"):
            completed = subprocess.run([*prefix, sys.executable, "-m", "brandlint", "check", "--jobs", jobs, "."],
                                       cwd=folder, check=False, capture_output=True, text=True, timeout=120, env=env)
            assert completed.returncode == 1, completed.stderr
            assert completed.stdout.count("error terms.avoid") == 30
            assert completed.stderr.count("the results cache .brandlint_cache cannot be written") == 1, \
                completed.stderr


def test_cache_follows_guideline_changes(project):
    _many_files(project, 2)
    assert project.run("check", "copy").exit_code == 1
    project.guide("brand: Lumen Tea\n")
    assert project.run("check", "copy").exit_code == 0


def test_shards_together_equal_one_run(project):
    _many_files(project)
    whole = project.check("copy")
    parts = [project.check("--shard", f"{k}/3", "copy") for k in (1, 2, 3)]
    merged = sorted((f for part in parts for f in part["findings"]),
                    key=lambda f: (f["path"], f["line"], f["column"], f["rule"]))
    assert merged == whole["findings"]
    assert sum(p["summary"]["files"] for p in parts) == whole["summary"]["files"]
    assert all(p["summary"]["files"] > 0 for p in parts)


def _on_pty(args, cwd, env, stream="stdout"):
    """Run brandlint with stdout (or stderr) on a terminal, as a marketer would; return what
    the terminal received."""
    main, child = pty.openpty()
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: child}
    process = subprocess.Popen([sys.executable, "-m", "brandlint", *args], cwd=cwd, env=env, **streams)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode(errors="replace")


def test_colour_on_a_terminal_but_not_with_no_color(project):
    _setup(project)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _on_pty(["check", "--no-cache", "web"], project.root, env)
    assert "\x1b[" in coloured and "terms.use" in coloured
    plain = _on_pty(["check", "--no-cache", "--no-color", "web"], project.root, env)
    assert "\x1b[" not in plain and "web/a.md:1:3 error terms.use" in plain
    no_color_env = _on_pty(["check", "--no-cache", "web"], project.root, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in no_color_env
    # no-color.org: only a non-empty NO_COLOR turns colour off.
    assert "\x1b[" in _on_pty(["check", "--no-cache", "web"], project.root, {**env, "NO_COLOR": ""})


def test_no_traceback_for_a_directory_named_like_a_file(project):
    _setup(project)
    (project.root / "dir.md").mkdir()
    result = project.run("check", "--no-cache", "web", "dir.md")
    assert result.exit_code == 1 and "Traceback" not in result.stderr


def test_progress_bar_on_a_terminal_only(project):
    _many_files(project, 120)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    shown = _on_pty(["check", "--no-cache", "--jobs", "1", "copy"], project.root, env, "stderr")
    assert "checking" in shown and "120 files checked" in shown
    in_ci = _on_pty(["check", "--no-cache", "--jobs", "1", "copy"], project.root, {**env, "CI": "true"}, "stderr")
    assert "checking" not in in_ci and "120 files checked" in in_ci
    quiet = _on_pty(["check", "--no-cache", "--quiet", "--jobs", "1", "copy"], project.root, env, "stderr")
    assert "checking" not in quiet and "files checked" not in quiet


def test_json_report_lists_input_errors_and_stays_valid(project):
    project.guide()
    project.write("a.md", "LumenTea is here.\n")
    project.write("b.md", b"caf\xc3\x28 latte\n")
    result = project.run("check", "--format", "json", "--no-cache", "a.md", "b.md")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["terms.use"]
    [error] = report["input_errors"]
    assert error["path"] == "b.md" and error["line"] == 1
    assert report["summary"]["files"] == 2


def test_files_outside_the_current_folder_are_shown_by_their_clean_absolute_path(project, monkeypatch):
    project.guide()
    project.write("site/web/a.md", "A LumenTea cup.\n")
    project.write("elsewhere/x.txt", "")
    monkeypatch.chdir(project.root / "elsewhere")
    result = project.run("check", "--no-cache", "--format", "json", "--guide", "../brand.yaml",
                         "../site/web/a.md", "../site/web/../web")
    paths = [finding["path"] for finding in json.loads(result.stdout)["findings"]]
    assert paths == [(project.root / "site/web/a.md").as_posix()]  # once, though given twice


def test_the_approved_logo_master_is_not_checked_as_a_creative_unless_named(project):
    from brandlint.vision.examples import example_logo_png

    project.write("assets/logo.png", example_logo_png())
    project.guide("logos:\n  primary:\n    file: assets/logo.png\n")
    project.write("web/a.md", "Hello.\n")
    assert [f["path"] for f in project.check(".")["files"]] == ["web/a.md"]
    assert [f["path"] for f in project.check("assets/logo.png")["files"]] == ["assets/logo.png"]
