"""A deterministic corpus for benchmarks, with planted violations: English (and some Korean)
Markdown in docs/, and with --mixed a second folder of text, HTML, CSS, Korean Markdown and a
few creatives; the guideline is the example brand's (examples/lumen-tea/brand.yaml, its packs
and logo) plus 80 substitution terms.

    python bench/corpus.py OUT --files 2000 --seed 1 [--korean 0.1] [--mixed 200]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lumen-tea"

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
    """The example brand's guideline with the 80 substitutions added to its terms."""
    terms = "".join(f"  - use: {json.dumps(good)}\n    instead_of: [{json.dumps(bad)}]\n"
                    for bad, good in SUBSTITUTIONS.items())
    text = (EXAMPLE / "brand.yaml").read_text("utf-8")
    assert "\nterms:\n" in text
    return text.replace("\nterms:\n", "\nterms:\n" + terms, 1)


def text_file(rng: random.Random) -> str:
    return "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 4)))


def html_file(rng: random.Random) -> str:
    paragraphs = "".join(f"<p>{sentence(rng)} {sentence(rng)}</p>\n" for _ in range(rng.randint(2, 5)))
    colour = rng.choice(["#E0A526", "#1C1C1C", "#E1A527", "#3366FF"])
    return (f"<!doctype html>\n<html><head><title>{sentence(rng)}</title>\n"
            f"<style>h1 {{ color: {colour}; font-family: Inter, sans-serif; }}</style></head>\n"
            f"<body>\n<h1>{' '.join(rng.choice(WORDS) for _ in range(3)).title()}</h1>\n{paragraphs}"
            f'<img src="cup.png" alt="{sentence(rng)}">\n</body></html>\n')


def css_file(rng: random.Random) -> str:
    rules = []
    for index in range(rng.randint(3, 8)):
        colour = rng.choice(["#E0A526", "#1C1C1C", "#FFFDF7", "#E1A527", "#2AA198", "rgb(224 165 38)"])
        font = rng.choice(["Inter", "Noto Sans KR", "Comic Sans MS"])
        rules.append(f".block-{index} {{\n  color: {colour};\n  background: #FFFDF7;\n"
                     f"  font-family: \"{font}\", sans-serif;\n}}\n")
    return "\n".join(rules)


def creative(rng: random.Random) -> bytes:
    from brandlint.vision.examples import draw

    background = rng.choice(["#FFFDF7", "#FFFDF7", "#2AA198"])
    width = rng.randint(160, 360)
    return draw(f"1080x1080 {background}; logo at {rng.randint(60, 600)},{rng.randint(60, 700)} width {width}")


def write(out: Path, files: int, seed: int, korean_share: float, mixed: int = 0) -> None:
    """docs/: `files` Markdown pages (the timed set); mixed/: `mixed` files of every other kind."""
    rng = random.Random(seed)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "brand.yaml").write_text(guideline(), encoding="utf-8")
    (out / "assets").mkdir(exist_ok=True)
    shutil.copyfile(EXAMPLE / "assets" / "logo.png", out / "assets" / "logo.png")
    for index in range(files):
        korean = rng.random() < korean_share
        (out / "docs" / f"page-{index:05}.md").write_text(document(rng, korean), encoding="utf-8")
    if not mixed:
        return
    folder = out / "mixed"
    folder.mkdir(exist_ok=True)
    makers = [("md", lambda: document(rng, True)), ("txt", lambda: text_file(rng)),
              ("html", lambda: html_file(rng)), ("css", lambda: css_file(rng))]
    for index in range(mixed):
        suffix, make = makers[index % len(makers)]
        (folder / f"item-{index:05}.{suffix}").write_text(make(), encoding="utf-8")
    for index in range(max(1, mixed // 100)):  # a few creatives: each costs a logo search
        (folder / f"creative-{index:03}.png").write_bytes(creative(rng))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--korean", type=float, default=0.0, help="share of documents with Korean paragraphs")
    parser.add_argument("--mixed", type=int, default=0, help="files of other kinds (text, HTML, CSS, Korean, PNG)")
    args = parser.parse_args()
    write(args.out, args.files, args.seed, args.korean, args.mixed)


if __name__ == "__main__":
    main()
