"""A deterministic corpus for benchmarks: English (and some Korean) Markdown with planted
violations, plus a guideline with the example brand's rules and 80 substitution terms.

    python bench/corpus.py OUT --files 2000 --seed 1 [--korean 0.1]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = ("tea leaf cup morning garden harvest blend bright floral smooth slope sun hand farm grower "
         "season spring water kettle brew steep aroma flavour taste note honey citrus bloom field "
         "valley mountain river village market friend family table kitchen window light shade").split()
VERBS = "picks brews steeps grows dries packs tastes brings shares sells makes".split()
KOREAN = ["봄 블렌드가 나왔습니다.", "향이 정말 좋아요.", "제주에서 자란 찻잎입니다.", "지금 만나 보세요.",
          "국내 최고의 녹차를 소개합니다.", "오늘만 특가야, 놓치지 마."]
# 80 preferred forms and the forms they replace (the same list goes to every tool).
SUBSTITUTIONS = {f"{word}-ware": f"{word}ware" for word in WORDS[:40]}
SUBSTITUTIONS.update({f"e-{word}": f"e{word}" for word in WORDS[40:]})
SUBSTITUTIONS.update({"LumenTea": "Lumen Tea", "e-mail": "email", "utilize": "use", "in order to": "to"})
while len(SUBSTITUTIONS) < 80:
    SUBSTITUTIONS[f"teacup{len(SUBSTITUTIONS)}"] = f"tea cup {len(SUBSTITUTIONS)}"
SUBSTITUTIONS = dict(list(SUBSTITUTIONS.items())[:80])
PLANTED = ["LumenTea", "e-mail", "utilize", "in order to", "cheap", "guaranteed", "We're SO excited!!!"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    words.insert(rng.randint(1, 3), rng.choice(VERBS))
    if rng.random() < 0.15:
        words.insert(rng.randint(0, len(words)), rng.choice(PLANTED))
    return " ".join(words).capitalize() + "."


def document(rng: random.Random, korean: bool) -> str:
    parts = [f"# {' '.join(rng.choice(WORDS) for _ in range(3)).title()}", ""]
    for _ in range(rng.randint(3, 7)):
        if korean and rng.random() < 0.5:
            parts.append(" ".join(rng.choice(KOREAN) for _ in range(rng.randint(2, 4))))
        else:
            parts.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))))
        parts.append("")
        if rng.random() < 0.2:
            parts += [f"- {sentence(rng)}", f"- {sentence(rng)}", ""]
        if rng.random() < 0.1:
            parts += ["```", "LumenTea code is not prose", "```", ""]
    return "\n".join(parts)


def guideline() -> str:
    terms = "\n".join(f"  - use: {json.dumps(good)}\n    instead_of: [{json.dumps(bad)}]"
                      for bad, good in SUBSTITUTIONS.items())
    return ("brand: Lumen Tea\nlanguage: auto\nextends: [inclusive, claims]\n"
            "voice: {tone: formal, readability: {max_grade: 12}}\nvocabulary: [Lumen, oolong]\n"
            f"terms:\n{terms}\n  - avoid: [cheap, guaranteed]\n")


def write(out: Path, files: int, seed: int, korean_share: float) -> None:
    rng = random.Random(seed)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "brand.yaml").write_text(guideline())
    for index in range(files):
        korean = rng.random() < korean_share
        (out / "docs" / f"page-{index:05}.md").write_text(document(rng, korean), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--korean", type=float, default=0.0, help="share of documents with Korean paragraphs")
    args = parser.parse_args()
    write(args.out, args.files, args.seed, args.korean)


if __name__ == "__main__":
    main()
