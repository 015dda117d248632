"""brandlint fix: safe fixes only, atomic, encoding/BOM/line endings kept, idempotent."""

from __future__ import annotations

import os
import stat

import pytest


def test_fix_keeps_bom_crlf_and_everything_else(project):
    project.guide()
    original = "\ufeff# LumenTea\r\n\r\nSend an e-mail about LumenTea, not cheap tea. `LumenTea`\r\n"
    path = project.write("a.md", original.encode("utf-8"))
    result = project.run("fix", "--no-color", "a.md")
    assert result.exit_code == 1  # "cheap" has no safe fix and is still there
    assert path.read_bytes() == ("\ufeff# Lumen Tea\r\n\r\nSend an email about Lumen Tea, not cheap tea. "
                                 "`LumenTea`\r\n").encode("utf-8")
    assert "fixed 3 problems in a.md" in result.stderr
    assert "terms.avoid" in result.stdout and "terms.use" not in result.stdout


def test_second_fix_changes_nothing(project):
    project.guide()
    path = project.write("a.txt", "LumenTea and E-mail.\n")
    project.run("fix", "a.txt")
    once = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    result = project.run("fix", "a.txt")
    assert result.exit_code == 0 and "fixed" not in result.stderr
    assert path.read_bytes() == once == b"Lumen Tea and Email.\n"
    assert path.stat().st_mtime_ns == mtime


def test_fix_keeps_cp949_encoding(project):
    project.guide("encoding: cp949\nterms:\n  - use: 루멘티\n    instead_of: [루멘 티]\n")
    path = project.write("a.txt", "루멘 티를 만나 보세요.\n".encode("cp949"))
    project.run("fix", "a.txt")
    assert path.read_bytes() == "루멘티를 만나 보세요.\n".encode("cp949")


def test_fix_re_lints_until_stable(project):
    project.guide("terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea]\n  - use: Lumen Tea Co\n"
                  "    instead_of: [Lumen Tea Company]\n")
    path = project.write("a.txt", "LumenTea Company\n")
    project.run("fix", "a.txt")
    assert path.read_text() == "Lumen Tea Co\n"


def test_read_only_file_is_left_untouched_with_a_message(project):
    project.guide()
    path = project.write("a.txt", "LumenTea\n")
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        result = project.run("fix", "a.txt")
        assert path.read_bytes() == b"LumenTea\n"
        assert "read-only" in result.stderr
        assert result.exit_code == 1
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_a_folder_that_cannot_be_written_is_said_and_the_other_files_are_fixed(project):
    """Root can write a read-only folder; an immutable one (chattr +i) refuses even root."""
    import shutil
    import subprocess

    project.guide()
    locked = project.write("imm/a.txt", "Hi LumenTea.\n")
    other = project.write("b.txt", "Hi LumenTea.\n")
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(locked.parent)],
                                                         check=False, capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        result = project.run("fix", "imm/a.txt", "b.txt")
    finally:
        subprocess.run(["chattr", "-i", str(locked.parent)], check=True)
    assert "internal error" not in result.stderr
    assert "brandlint: not fixed: imm/a.txt: cannot be written" in result.stderr
    assert "fixed 1 problem in b.txt" in result.stderr
    assert locked.read_text() == "Hi LumenTea.\n" and other.read_text() == "Hi Lumen Tea.\n"
    assert result.exit_code == 1  # what is left in imm/a.txt is reported


def test_fix_keeps_the_files_owner_where_it_may(project):
    project.guide()
    path = project.write("own.txt", "Hi LumenTea.\n")
    if os.geteuid() != 0:
        pytest.skip("only root may give a file to another owner")
    os.chown(path, 1234, 2345)
    project.run("fix", "own.txt")
    assert path.read_text() == "Hi Lumen Tea.\n"
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 2345)


def test_fix_preserves_file_mode_and_leaves_no_temp_files(project):
    project.guide()
    path = project.write("a.txt", "LumenTea\n")
    os.chmod(path, 0o640)
    project.run("fix", "a.txt")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in project.root.iterdir()) == ["a.txt", "brand.yaml"]


def test_fix_writes_through_a_symbolic_link_and_keeps_the_link(project):
    project.guide()
    target = project.write("copy/real.txt", "LumenTea and E-mail.\n")
    link = project.root / "link.txt"
    link.symlink_to(target)
    result = project.run("fix", "link.txt")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text("utf-8") == "Lumen Tea and Email.\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["real.txt"]  # no temp file left


def test_a_fix_across_a_line_break_keeps_the_break(project):
    project.guide("terms:\n  - use: Acme Cloud\n    instead_of: [acme cloud]\n")
    path = project.write("a.txt", "Try Acme\ncloud now.\r\nOr acme cloud.\n")
    (first, second) = project.findings("a.txt")
    assert (first["line"], first["end_line"], first["fix"]) == (1, 2, {"replacement": "Acme\nCloud"})
    assert second["fix"] == {"replacement": "Acme Cloud"}
    project.run("fix", "a.txt")
    assert path.read_bytes() == b"Try Acme\nCloud now.\r\nOr Acme Cloud.\n"


def test_a_pack_substitution_keeps_all_capitals(project):
    project.write("style.yaml", "pack: style\nrules:\n  utilize:\n    type: substitution\n    ignorecase: true\n"
                                "    swap: {utilize: use}\n")
    project.guide("extends: [style.yaml]\n")
    path = project.write("a.txt", "UTILIZE it. Utilize it. utilize it.\n")
    project.run("fix", "a.txt")
    assert path.read_text() == "USE it. Use it. use it.\n"


def test_a_fix_the_files_encoding_cannot_hold_is_skipped_with_a_message_and_the_rest_are_applied(project):
    project.guide('terms:\n  - use: "Café"\n    instead_of: [Cafe]\n  - use: 브랜드명\n    instead_of: [브랜드]\n')
    korean = project.write("a.txt", "첫 줄입니다. 브랜드를 마셔요. Cafe 입니다.\n".encode("cp949"))
    other = project.write("b.txt", "Cafe time.\n")
    result = project.run("fix", "a.txt", "b.txt")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert korean.read_bytes().decode("cp949") == "첫 줄입니다. 브랜드명을 마셔요. Cafe 입니다.\n"
    assert other.read_text() == "Café time.\n"
    assert "a.txt:1:20 error terms.use Use 'Café' instead of 'Cafe'. (Not fixed automatically: 'Café' cannot be " \
           "written in this file's encoding, cp949.)" in result.stdout
    assert '"fix"' not in project.run("check", "--format", "json", "a.txt").stdout  # no fix that cannot be applied


def test_the_label_of_a_reference_link_is_not_fixed(project):
    """`[LumenTea]` finds `[LumenTea]: https://…` by its text: fixing one breaks the link."""
    project.guide()
    source = ("See [LumenTea], [LumenTea][] and ![LumenTea], or [LumenTea][lt] and [LumenTea](https://x.example).\n\n"
              "[LumenTea]: https://example.com/lt\n[lt]: https://example.com/lt\n")
    path = project.write("r.md", source)
    found = project.findings("r.md", rule="terms")
    assert [bool(f.get("fix")) for f in found] == [False, False, False, True, True]
    assert "label of a reference link" in found[0]["message"]
    project.run("fix", "r.md")
    assert path.read_text() == source.replace("[LumenTea][lt]", "[Lumen Tea][lt]").replace(
        "[LumenTea](https", "[Lumen Tea](https")
