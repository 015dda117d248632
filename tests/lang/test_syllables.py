"""The fast syllable table gives exactly textstat's grades."""

from __future__ import annotations

import json
import subprocess
import sys

PARAGRAPHS = [
    "Notwithstanding considerable organisational complexities, our multidisciplinary procurement methodology "
    "systematically prioritises environmentally responsible agricultural partnerships.",
    "We buy our tea from farms that care for the land. Each leaf is picked by hand. We dry it in the sun.",
    "Lumen Tea began in 2019 with one small garden and a simple idea: tea should taste of the place it grew.",
    "Xylophonic brandlintish quuxes frobnicate unpronounceably; hyphen-ated words and e-mail too.",
]
GRADES = """
import json, sys
sys.path[:0] = sys.argv[2:3]
import textstat
if sys.argv[1] == "fast":
    from brandlint.lang.syllables import speed_up_textstat
    assert speed_up_textstat()
print(json.dumps([textstat.flesch_kincaid_grade(p) for p in json.loads(sys.stdin.read())]))
"""


def _grades(mode: str, cache_home: str) -> list[float]:
    completed = subprocess.run([sys.executable, "-c", GRADES, mode, ""], input=json.dumps(PARAGRAPHS),
                               capture_output=True, text=True, check=True,
                               env={"XDG_CACHE_HOME": cache_home, "PATH": "/usr/bin:/bin", "HOME": cache_home})
    return json.loads(completed.stdout)


def test_the_fast_table_gives_textstats_exact_grades(tmp_path):
    plain = _grades("plain", str(tmp_path))
    built = _grades("fast", str(tmp_path))      # builds and stores the table
    assert list((tmp_path / "brandlint").glob("cmudict-syllables-*.marshal"))
    cached = _grades("fast", str(tmp_path))     # loads the stored table
    assert plain == built == cached


def _many_paragraphs() -> list[str]:
    import random

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "bench"))
    import corpus

    rng = random.Random(5)
    texts = [corpus.document(rng, korean=False) for _ in range(150)]
    texts += ["", "   ", "Hi.", "Don't stop! It's 'quoted' text... Really?! ok", "e-mail me: a@b.co — now.",
              "Ünïcödé wörds and ΣΑΣ letters. Two words. One", "word's end' 'start rock'n'roll l'été"]
    return texts + PARAGRAPHS


def test_one_pass_grade_equals_textstat(tmp_path):
    from brandlint.lang.syllables import flesch_kincaid_grade

    texts = _many_paragraphs()
    plain = _plain_grades(texts, str(tmp_path))
    assert [flesch_kincaid_grade(text) for text in texts] == plain
    assert len(set(plain)) > 100  # the texts really differ


def _plain_grades(texts: list[str], cache_home: str) -> list[float]:
    completed = subprocess.run([sys.executable, "-c", GRADES, "plain", ""], input=json.dumps(texts),
                               capture_output=True, text=True, check=True,
                               env={"XDG_CACHE_HOME": cache_home, "PATH": "/usr/bin:/bin", "HOME": cache_home})
    return json.loads(completed.stdout)
