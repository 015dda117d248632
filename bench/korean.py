"""Korean throughput: the one-time kiwipiepy load, then sentences per second through the
same speech-level path `brandlint check` uses. Deterministic corpus (seeded).

    python bench/korean.py [--sentences 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time

SUBJECTS = ["봄 블렌드가", "루멘티 녹차가", "새 찻잎이", "이번 행사가", "한정판 틴이", "제주 햇차가"]
MIDDLES = ["오늘부터 매장에", "이번 주말까지", "온라인 스토어에", "모든 회원에게", "선착순 100명에게"]
ENDINGS = ["나왔습니다.", "준비되어 있습니다.", "도착했어요.", "기다리고 있어요!", "나왔어.", "준비했는데요.",
           "확인하십시오.", "만나 보세요.", "놓치지 마!", "찾아와 주세요."]

LOAD_PROBE = ("import time; t = time.perf_counter(); from brandlint.lang import ko; ko.kiwi(); "
              "print(time.perf_counter() - t)")


def corpus(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    # A different number in every sentence, so no sentence repeats and no cache helps.
    return [f"{rng.choice(SUBJECTS)} {index + 1}번째 고객님께 {rng.choice(MIDDLES)} {rng.choice(ENDINGS)}"
            for index in range(count)]


def measure(count: int, seed: int) -> tuple[float, int, float]:
    """(kiwipiepy load in a fresh process, best of 3; sentences with a level; seconds for all)."""
    loads = [float(subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(3)]
    from brandlint.lang import ko

    ko.kiwi()
    sentences = corpus(count, seed)
    paragraph_size = 5  # sentences per block, as in real copy
    blocks = [" ".join(sentences[i:i + paragraph_size]) for i in range(0, len(sentences), paragraph_size)]
    start = time.perf_counter()
    levels = 0
    for block in blocks:
        for span in ko.sentences(block):
            levels += ko.speech_level(span.text) is not None
    return min(loads), levels, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    load, levels, elapsed = measure(args.sentences, args.seed)
    print(f"kiwipiepy load (import + model, fresh process, best of 3): {load:.2f} s")
    print(f"sentences: {args.sentences}, with a speech level: {levels}")
    print(f"speech level throughput after load: {args.sentences / elapsed:,.0f} sentences/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()
