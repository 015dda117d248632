"""Throughput of brandlint against the prose linters people run, measured in one run on one
corpus (bench/corpus.py), and appended to bench/RESULTS.md.

    python bench/run.py [--files 2000] [--seed 1] [--peers /tmp/peers] [--scale]

Peers are looked up under --peers (never installed by the project):
    python3 -m venv PEERS/proselint-venv && PEERS/proselint-venv/bin/pip install proselint
    npm install --prefix PEERS/node textlint textlint-rule-prh write-good alex
Vale is measured when a `vale` binary is on PATH (it cannot be installed here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_module

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TIME = shutil.which("time") or "/usr/bin/time"
FLOOR = """
import re, sys, pathlib
sys.path.insert(0, sys.argv[2])
from corpus import SUBSTITUTIONS
terms = sorted(list(SUBSTITUTIONS) + ["cheap", "guaranteed"], key=len, reverse=True)
pattern = re.compile(r"(?<!\\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\\w)")
count = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    count += len(pattern.findall(path.read_text("utf-8")))
print(count)
"""


def measure(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB (of the process tree's largest member), exit status."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.perf_counter()
        completed = subprocess.run([TIME, "-f", "%M", "-o", rss.name, *command], cwd=cwd, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - start
        text = Path(rss.name).read_text().strip().splitlines()
    peak = int(text[-1]) if text and text[-1].isdigit() else 0
    return wall, peak, completed.returncode


def textlint_config(root: Path) -> None:
    rules = [{"expected": good, "pattern": bad} for bad, good in corpus_module.SUBSTITUTIONS.items()]
    (root / "prh.yml").write_text("version: 1\nrules:\n" + "".join(
        f"  - expected: {json.dumps(r['expected'])}\n    pattern: {json.dumps(r['pattern'])}\n" for r in rules))
    (root / ".textlintrc.json").write_text(json.dumps({"rules": {"prh": {"rulePaths": ["prh.yml"]}}}))


def tools(root: Path, peers: Path) -> dict[str, list[str] | None]:
    node = peers / "node" / "node_modules" / ".bin"
    proselint = peers / "proselint-venv" / "bin" / "proselint"
    docs = sorted(str(p.relative_to(root)) for p in (root / "docs").glob("*.md"))
    found: dict[str, list[str] | None] = {
        "brandlint (2 jobs)": [sys.executable, "-m", "brandlint", "check", "--no-cache", "--quiet", "--format",
                               "json", "docs"],
        "brandlint (1 job)": [sys.executable, "-m", "brandlint", "check", "--no-cache", "--quiet", "--format",
                              "json", "--jobs", "1", "docs"],
        "regex floor (same terms)": [sys.executable, "-c", FLOOR, "docs", str(Path(__file__).resolve().parent)],
        "proselint": [str(proselint), "check", "docs"] if proselint.exists() else None,
        "textlint + prh (same terms)": [str(node / "textlint"), "--config", ".textlintrc.json", "docs"]
        if (node / "textlint").exists() else None,
        "write-good": [str(node / "write-good"), *docs] if (node / "write-good").exists() else None,
        "alex": [str(node / "alex"), "docs"] if (node / "alex").exists() else None,
        "vale": ["vale", "docs"] if shutil.which("vale") else None,
    }
    return found


def one_file(command: list[str], root: Path) -> list[str]:
    """The same tool on one Markdown file (what a pre-commit hook pays)."""
    replaced = [part for part in command if part != "docs" and not part.startswith("docs/")]
    if command[-1].startswith("docs/") or "docs" in command:
        replaced.append("docs/page-00000.md")
    return replaced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/peers"))
    parser.add_argument("--scale", action="store_true", help="also measure brandlint's memory on 10x the files")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus_module.write(root, args.files, args.seed, 0.0)
        textlint_config(root)
        size_mb = sum(p.stat().st_size for p in (root / "docs").glob("*.md")) / 1e6
        for name, command in tools(root, args.peers).items():
            if command is None:
                rows.append((name, None, None, None, None, "not installed"))
                continue
            wall, peak, status = measure(command, root)
            if name == "regex floor (same terms)":
                cold = None
            else:
                cold = min(measure(one_file(command, root), root)[0] for _ in range(3))
            note = "" if status in (0, 1) else f"exit {status}"
            rows.append((name, wall, peak, cold, size_mb, note))
        # The results cache: one run to fill it, then an unchanged re-run.
        cached = [sys.executable, "-m", "brandlint", "check", "--quiet", "--format", "json", "docs"]
        measure(cached, root)
        warm, warm_peak, _ = measure(cached, root)
        rows.append(("brandlint, unchanged re-run (cache)", warm, warm_peak, None, size_mb, ""))
        scale_note = ""
        if args.scale:
            big = root / "big"
            corpus_module.write(big, args.files * 10, args.seed, 0.0)
            uncached = [sys.executable, "-m", "brandlint", "check", "--no-cache", "--quiet", "--format", "json", "docs"]
            _, big_peak, _ = measure(uncached, big)
            small_peak = next(r[2] for r in rows if r[0] == "brandlint (2 jobs)")
            scale_note = (f"\nPeak memory on {args.files * 10} files: {big_peak / 1024:.0f} MiB, "
                          f"{big_peak / small_peak:.2f}× that on {args.files} ({small_peak / 1024:.0f} MiB).\n")
    report(rows, args, size_mb, scale_note)


def report(rows: list, args: argparse.Namespace, size_mb: float, scale_note: str) -> None:
    base = next(r for r in rows if r[0] == "brandlint (2 jobs)")
    lines = [f"\n## Throughput (`python bench/run.py --files {args.files} --seed {args.seed}`, "
             f"{dt.date.today().isoformat()})\n",
             f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}. "
             f"Corpus: {args.files} English Markdown files, {size_mb:.1f} MB; brandlint with the example's rules, "
             "its inclusive and claims packs, and 80 substitution terms (textlint gets the same terms "
             "through prh; proselint, write-good and alex run their own rules).\n",
             "| tool | files/s | MB/s | peak RSS | one file, cold | brandlint is |",
             "|---|---|---|---|---|---|"]
    for name, wall, peak, cold, size, note in rows:
        if wall is None:
            lines.append(f"| {name} | – | – | – | – | {note} |")
            continue
        ratio = "" if name.startswith("brandlint") else f"{(args.files / base[1]) / (args.files / wall):.2f}× as fast"
        cold_text = f"{cold * 1000:.0f} ms" if cold is not None else "–"
        lines.append(f"| {name} | {args.files / wall:,.0f} | {size / wall:.2f} | {peak / 1024:.0f} MiB | "
                     f"{cold_text} | {ratio} {note} |")
    warm = next(r for r in rows if r[0].startswith("brandlint, unchanged"))
    lines.append(f"\nUnchanged re-run with the cache: {base[1] / warm[1]:.1f}× faster than the cold run.\n")
    lines.append(scale_note)
    text = "\n".join(lines)
    print(text)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(text + "\n")


if __name__ == "__main__":
    main()
