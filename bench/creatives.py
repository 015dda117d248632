"""Creatives per second (1080×1080, with the example guideline's logo checks), and the
import cost a text-only run never pays. Deterministic corpus (seeded).

    python bench/creatives.py [--creatives 40] [--seed 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lumen-tea"
HEAVY = "import numpy, cv2, PIL.Image, coloraide"


def corpus(folder: Path, count: int, seed: int) -> None:
    from brandlint.vision.examples import draw

    rng = random.Random(seed)
    backgrounds = ["#FFFDF7", "#FFFDF7", "#FFFDF7", "#2AA198"]
    for index in range(count):
        width = rng.randint(120, 420)
        parts = [f"1080x1080 {rng.choice(backgrounds)}"]
        if rng.random() < 0.5:
            parts.append(f"rect {rng.randint(100, 600)}x{rng.randint(60, 300)} #E0A526 at {rng.randint(0, 400)},"
                         f"{rng.randint(600, 900)}")
        if rng.random() < 0.85:
            height = round(width * 0.4 * rng.choice([1, 1, 1, 0.75]))
            parts.append(f"logo at {rng.randint(20, 1080 - width - 20)},{rng.randint(20, 500)} width {width} "
                         f"height {height}")
        (folder / f"creative-{index:03}.png").write_bytes(draw("; ".join(parts)))


def import_cost() -> float:
    base = [sys.executable, "-c", "pass"]
    heavy = [sys.executable, "-c", HEAVY]
    timings = []
    for command in (base, heavy):
        best = min(_wall(command) for _ in range(3))
        timings.append(best)
    return timings[1] - timings[0]


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--creatives", type=int, default=40)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(EXAMPLE / "brand.yaml", root / "brand.yaml")
        (root / "assets").mkdir()
        shutil.copy(EXAMPLE / "assets" / "logo.png", root / "assets" / "logo.png")
        (root / "social" / "instagram").mkdir(parents=True)
        corpus(root / "social" / "instagram", args.creatives, args.seed)
        command = [sys.executable, "-m", "brandlint", "check", "--no-cache", "--quiet", "--format", "json",
                   "--jobs", "1", "social"]
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if completed.returncode not in (0, 1):
            sys.exit(completed.stderr)
    print(f"creatives: {args.creatives} (1080x1080 PNG, logo search on each), one process, --jobs 1")
    print(f"check time: {elapsed:.2f} s, {args.creatives / elapsed:.1f} creatives/s (process start included)")
    print(f"imports a text-only run avoids (numpy, cv2, Pillow, coloraide): {import_cost() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
