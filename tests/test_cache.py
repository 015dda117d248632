"""The results cache: a re-run answers unchanged files from .brandlint_cache/ and only those."""

from __future__ import annotations

import json
import os

from brandlint.cache import KEEP_SCOPES, ResultCache, _bucket_of
from brandlint.filestate import content_digest, stat_signature
from brandlint.results import FileResult, pack


def _pages(project, count: int) -> None:
    project.guide()
    for index in range(count):
        project.write(f"copy/{index:03}.md", f"# Page {index}\n\nLumenTea is cheap, e-mail us. {index}\n")


def _cached_json(project, *args: str) -> str:
    result = project.run("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_a_run_with_some_files_changed_equals_a_clean_run(project):
    _pages(project, 60)
    _cached_json(project, "--jobs", "2", "copy")
    # Change every third file, delete one, add one: hits and fresh results interleave.
    for index in range(0, 60, 3):
        project.write(f"copy/{index:03}.md", f"Guaranteed LumenTea, page {index}.\n")
    (project.root / "copy/004.md").unlink()
    project.write("copy/0005.md", "A cheap e-mail.\n")
    for jobs in ("1", "2"):
        cached = _cached_json(project, "--jobs", jobs, "copy")
        clean = project.run("check", "--format", "json", "--no-cache", "--jobs", jobs, "copy").stdout
        assert cached == clean
    data = json.loads(cached)
    assert data["summary"]["files"] == 60
    assert any(f["path"] == "copy/003.md" and f["match"] == "Guaranteed" for f in data["findings"])
    assert not any(f["path"] == "copy/004.md" for f in data["findings"])


def test_content_change_that_keeps_size_and_mtime_is_seen(project):
    """Editors and tools may restore a file's mtime (rsync -t, touch -r); its content still counts."""
    _pages(project, 3)
    page = project.root / "copy/001.md"
    first = json.loads(_cached_json(project, "copy"))
    assert any(f["path"] == "copy/001.md" and f["match"] == "cheap" for f in first["findings"])
    before = os.stat(page)
    page.write_text(page.read_text("utf-8").replace("cheap", "tasty"), "utf-8")  # same size
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(page).st_size == before.st_size and os.stat(page).st_mtime_ns == before.st_mtime_ns
    again = json.loads(_cached_json(project, "copy"))
    assert not any(f["path"] == "copy/001.md" and f["match"] == "cheap" for f in again["findings"])
    assert again["findings"] == json.loads(project.run("check", "--format", "json", "--no-cache", "copy").stdout)[
        "findings"]


def test_cache_folder_says_what_it_is_and_keeps_few_guideline_versions(project):
    _pages(project, 2)
    cache = project.root / ".brandlint_cache"
    (cache / "ab").mkdir(parents=True)  # the one-file-per-entry layout of brandlint 0.1
    (cache / "ab" / "0123.json").write_text("{}")
    (cache / "notes").mkdir()  # not brandlint's: left alone
    for version in range(KEEP_SCOPES + 2):
        project.guide(f"terms:\n  - avoid: [word{version}]\n")
        assert project.run("check", "copy").exit_code in (0, 1)
    scopes = [p for p in cache.iterdir() if p.is_dir() and len(p.name) == 24]
    assert len(scopes) == KEEP_SCOPES
    assert not (cache / "ab").exists() and (cache / "notes").is_dir()
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_buckets_forget_files_that_are_gone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # Two names in one bucket: rewriting the bucket for one is when the other, gone, is dropped.
    stay = "a.md"
    gone = next(f"{index}.md" for index in range(1000) if _bucket_of(f"{index}.md") == _bucket_of(stay))
    for name in (stay, gone):
        (tmp_path / name).write_text("x")
    cache = ResultCache(tmp_path / "cache", "fingerprint")
    for name in (stay, gone):
        cache.put(name, content_digest(b"x"), None, pack(FileResult(name, score=100.0)))
    assert cache.flush() is None
    (tmp_path / gone).unlink()
    later = ResultCache(tmp_path / "cache", "fingerprint")
    assert later.unchanged(stay, stay) == pack(FileResult(stay, score=100.0))
    later.put(stay, content_digest(b"x"), None, pack(FileResult(stay, score=50.0)))
    assert later.flush() is None
    stored = ResultCache(tmp_path / "cache", "fingerprint")._read(_bucket_of(stay))
    assert set(stored) == {stay}


def test_a_recently_changed_file_is_read_again_rather_than_trusted_by_its_times(tmp_path):
    """git's "racily clean" case: a file changed within the clock's resolution of being read
    may change again without its times moving, so its times are not remembered."""
    page = tmp_path / "page.md"
    page.write_text("first")
    cache = ResultCache(tmp_path / "cache", "fingerprint")
    _, settled = stat_signature(page)
    assert settled is None  # just written
    cache.put("page.md", content_digest(b"first"), settled, pack(FileResult("page.md", score=90.0)))
    page.write_text("other")  # same size, possibly the same time stamps
    assert cache.unchanged(str(page), "page.md") is None


def test_a_settled_file_is_answered_by_its_stat_and_any_change_is_seen(tmp_path, monkeypatch):
    from brandlint import cache as caching
    from brandlint import filestate

    monkeypatch.setattr(filestate, "RACY_NS", 0)  # instead of waiting two seconds
    reads = []
    monkeypatch.setattr(caching, "content_digest", lambda raw: reads.append(raw) or content_digest(raw))
    page = tmp_path / "page.md"
    page.write_text("first")
    cache = ResultCache(tmp_path / "cache", "fingerprint")
    signature, settled = stat_signature(page)
    assert settled == signature
    cache.put("page.md", content_digest(b"first"), settled, pack(FileResult("page.md", score=90.0)))
    assert cache.unchanged(str(page), "page.md") == pack(FileResult("page.md", score=90.0))
    assert reads == []  # not read: size, times and inode are as recorded
    before = os.stat(page)
    page.write_text("other")  # same size; then the old modification time is put back
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.unchanged(str(page), "page.md") is None  # the change time moved: read, and it differs
    assert reads == [b"other"]


def test_damaged_bucket_is_ignored(tmp_path):
    cache = ResultCache(tmp_path / "cache", "fingerprint")
    (tmp_path / "a.md").write_text("x")
    cache.put("a.md", content_digest(b"x"), None, pack(FileResult("a.md")))
    cache.flush()
    (bucket,) = list((tmp_path / "cache").rglob("*.pack"))
    bucket.write_bytes(bucket.read_bytes()[:-1] + b"!")
    again = ResultCache(tmp_path / "cache", "fingerprint")
    assert again.unchanged(str(tmp_path / "a.md"), "a.md") is None
    assert again.damaged


def test_each_channel_keeps_its_own_results_side_by_side(project):
    """Switching --channel (or the grammar server) never evicts another setting's results."""
    project.guide("terms:\n  - avoid: [cheap]\n    level: error\nchannels:\n"
                  + "".join(f"  c{index}: {{}}\n" for index in range(6)))
    project.write("a.md", "LumenTea is cheap.\n")
    for channel in [None, *(f"c{index}" for index in range(6))]:
        assert project.run("check", *(["--channel", channel] if channel else []), "a.md").exit_code == 1
    (version,) = [p for p in (project.root / ".brandlint_cache").iterdir() if p.is_dir()]
    assert len([p for p in version.iterdir() if p.is_dir()]) == 7


def test_environment_that_changes_findings_is_part_of_the_key(project, languagetool, monkeypatch):
    project.guide()
    project.write("a.md", "We has tea.\n")
    url = os.environ["BRANDLINT_LANGUAGETOOL_URL"]
    monkeypatch.delenv("BRANDLINT_LANGUAGETOOL_URL")
    without = json.loads(_cached_json(project, "a.md"))
    assert not any(f["rule"].startswith("grammar") for f in without["findings"])
    monkeypatch.setenv("BRANDLINT_LANGUAGETOOL_URL", url)
    with_server = json.loads(_cached_json(project, "a.md"))
    assert [f["match"] for f in with_server["findings"] if f["rule"].startswith("grammar")] == ["We has"]


def test_a_result_from_a_run_that_could_not_check_everything_is_not_kept(project, languagetool, monkeypatch):
    """The LanguageTool server was down: the next run, with it up, must ask it."""
    import http.server
    import threading

    monkeypatch.delenv("BRANDLINT_LANGUAGETOOL_URL", raising=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), languagetool)
    port = server.server_address[1]
    server.server_close()  # down for the first run
    project.guide(f"grammar:\n  server: http://127.0.0.1:{port}/\n")
    project.write("a.md", "We has tea.\n")
    first = project.run("check", "--format", "json", "a.md")
    assert "did not answer" in first.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), languagetool)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        second = json.loads(_cached_json(project, "a.md"))
    finally:
        server.shutdown()
        server.server_close()
    assert [f["match"] for f in second["findings"] if f["rule"].startswith("grammar")] == ["We has"]


def test_checking_a_parent_folder_names_files_as_before(project, monkeypatch):
    """From a sub-folder, `brandlint check .. docs` names each file once, relative to here."""
    project.guide()
    project.write("site/docs/a.md", "LumenTea is cheap.\n")
    monkeypatch.chdir(project.root / "site")
    data = json.loads(project.run("check", "--format", "json", "--no-cache", "..", "docs").stdout)
    assert sorted({f["path"] for f in data["findings"]}) == ["docs/a.md"]
    assert data["summary"]["files"] == 1
