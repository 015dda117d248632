"""The one-pass Flesch-Kincaid grade is exactly textstat's, from a fresh user cache and from
a filled one."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

PARAGRAPHS = [
    "Notwithstanding considerable organisational complexities, our multidisciplinary procurement methodology "
    "systematically prioritises environmentally responsible agricultural partnerships.",
    "We buy our tea from farms that care for the land. Each leaf is picked by hand. We dry it in the sun.",
    "Lumen Tea began in 2019 with one small garden and a simple idea: tea should taste of the place it grew.",
    "Xylophonic brandlintish quuxes frobnicate unpronounceably; hyphen-ated words and e-mail too.",
    "", "   ", "Hi.", "Don't stop! It's 'quoted' text... Really?! ok", "e-mail me: a@b.co — now.",
    "Ünïcödé wörds and ΣΑΣ letters. Two words. One", "word's end' 'start rock'n'roll l'été",
]
# textstat itself, in a process that never imports brandlint.
TEXTSTAT = """
import json, sys, textstat
print(json.dumps([textstat.flesch_kincaid_grade(t) for t in json.loads(sys.stdin.read())]))
"""
OURS = """
import json, sys
from brandlint.lang.syllables import flesch_kincaid_grade
print(json.dumps([flesch_kincaid_grade(t) for t in json.loads(sys.stdin.read())]))
"""


def _texts() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import corpus

    rng = random.Random(5)
    return [corpus.document(rng, korean=False) for _ in range(150)] + PARAGRAPHS


def _run(program: str, texts: list[str], cache_home: Path) -> list[float]:
    completed = subprocess.run([sys.executable, "-c", program], input=json.dumps(texts), capture_output=True,
                               text=True, check=True,
                               env={"XDG_CACHE_HOME": str(cache_home), "PATH": "/usr/bin:/bin",
                                    "HOME": str(cache_home)})
    return json.loads(completed.stdout)


def test_one_pass_grade_equals_textstat_cold_and_cached(tmp_path):
    texts = _texts()
    expected = _run(TEXTSTAT, texts, tmp_path / "plain")
    assert len(set(expected)) > 100  # the texts really differ
    cold = _run(OURS, texts, tmp_path / "ours")  # builds the lexicon and the patterns
    assert list((tmp_path / "ours" / "brandlint").glob("lexicon-*.sqlite"))
    assert list((tmp_path / "ours" / "brandlint").glob("hyphen-*.sqlite"))
    warm = _run(OURS, texts, tmp_path / "ours")  # reads them
    assert cold == warm == expected


def test_grade_without_a_writable_cache_folder(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")  # the cache folder cannot be created under a file
    texts = PARAGRAPHS[:4]
    assert _run(OURS, texts, blocked) == _run(TEXTSTAT, texts, tmp_path / "plain")


def test_a_damaged_lexicon_is_rebuilt(tmp_path):
    texts = PARAGRAPHS[:4]
    expected = _run(TEXTSTAT, texts, tmp_path / "plain")
    assert _run(OURS, texts, tmp_path / "ours") == expected
    [lexicon] = (tmp_path / "ours" / "brandlint").glob("lexicon-*.sqlite")
    lexicon.write_bytes(b"not a database at all" * 100)
    assert _run(OURS, texts, tmp_path / "ours") == expected
    assert lexicon.read_bytes().startswith(b"SQLite format 3")


def test_the_short_sentence_count_equals_textstats_cleaning_on_random_strings():
    import string

    from brandlint.lang.syllables import _at_most_two_words, _without_punctuation

    rng = random.Random(1)
    alphabet = string.ascii_letters + string.digits + " '’_-—.,!?\"()éß\t"
    for _ in range(50000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _at_most_two_words(text) == (len(_without_punctuation(text).split()) <= 2), repr(text)
