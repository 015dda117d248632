"""Throughput of brandlint against the prose linters people run, measured in one run on one
corpus (bench/corpus.py), with every ratio the speed issue sets, appended to bench/RESULTS.md.

    python bench/run.py [--files 2000] [--seed 1] [--peers /tmp/peers] [--no-scale] [--mixed 200]

Peers are looked up under --peers (never installed by the project; see bench/README.md).
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_module
import korean as korean_module

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TIME = shutil.which("time") or "/usr/bin/time"
# The `brandlint` command as installed (what users and pre-commit run), else `python -m brandlint`.
_SCRIPT = Path(sys.executable).parent / "brandlint"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "brandlint"]
BRANDLINT = [*COMMAND, "check", "--quiet", "--format", "json"]
# The floors: a bare Python regex pass over the same files with the same terms.
FLOOR = """
import re, sys, pathlib
sys.path.insert(0, sys.argv[2])
from corpus import SUBSTITUTIONS
terms = sorted(list(SUBSTITUTIONS) + ["cheap", "guaranteed"], key=len, reverse=True)
patterns = [re.compile(r"(?<!\\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\\w)")]
if sys.argv[3] == "each":
    patterns = [re.compile(r"(?<!\\w)" + re.escape(t) + r"(?!\\w)") for t in terms]
count = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    text = path.read_text("utf-8")
    for pattern in patterns:
        count += len(pattern.findall(text))
print(count)
"""


@dataclass
class Row:
    name: str
    wall: float | None = None  # seconds for the whole corpus
    peak: int = 0  # KiB
    cold: float | None = None  # seconds for one file, fresh process
    files: int = 0
    size_mb: float = 0.0
    note: str = ""


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


def best(command: list[str], cwd: Path, times: int = 3, env: dict | None = None) -> float:
    return min(measure(command, cwd, env)[0] for _ in range(times))


def textlint_config(root: Path) -> None:
    rules = [{"expected": good, "pattern": bad} for bad, good in corpus_module.SUBSTITUTIONS.items()]
    (root / "prh.yml").write_text("version: 1\nrules:\n" + "".join(
        f"  - expected: {json.dumps(r['expected'])}\n    pattern: {json.dumps(r['pattern'])}\n" for r in rules))
    (root / ".textlintrc.json").write_text(json.dumps({"rules": {"prh": {"rulePaths": ["prh.yml"]}}}))


def peers(root: Path, folder: Path) -> dict[str, list[str] | None]:
    node = folder / "node" / "node_modules" / ".bin"
    proselint = folder / "proselint-venv" / "bin" / "proselint"
    docs = sorted(str(p.relative_to(root)) for p in (root / "docs").glob("*.md"))
    return {
        "proselint": [str(proselint), "check", "docs"] if proselint.exists() else None,
        "textlint + prh (same terms)": [str(node / "textlint"), "--config", ".textlintrc.json", "docs"]
        if (node / "textlint").exists() else None,
        "write-good": [str(node / "write-good"), *docs] if (node / "write-good").exists() else None,
        "alex": [str(node / "alex"), "docs"] if (node / "alex").exists() else None,
        "vale": ["vale", "docs"] if shutil.which("vale") else None,
    }


def one_file(command: list[str]) -> list[str]:
    """The same tool on one Markdown file (what a pre-commit hook pays)."""
    kept = [part for part in command if part != "docs" and not part.startswith("docs/")]
    return [*kept, "docs/page-00000.md"]


def compile_brandlint() -> str:
    """Byte-compile the installed package, as `pip install` does: a PYTHONDONTWRITEBYTECODE
    environment would otherwise charge every measured run for compiling brandlint's modules
    (the peers were byte-compiled when they were installed). Returns how it is installed."""
    import compileall

    import brandlint

    package = Path(brandlint.__file__).resolve().parent
    compileall.compile_dir(str(package), quiet=1)
    return "from a source checkout (editable)" if (package.parent / "setup.cfg").exists() else "installed"


def import_costs(root: Path, top: int = 8) -> list[tuple[str, float]]:
    """`python -X importtime` of a one-file check: the slowest top-level imports (ms)."""
    completed = subprocess.run([sys.executable, "-X", "importtime", "-m", "brandlint", *BRANDLINT[len(COMMAND):],
                                "--no-cache", "docs/page-00000.md"], cwd=root, capture_output=True, text=True,
                               check=False)
    costs = []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        # Top level only: nested imports are counted inside these.
        if cumulative.strip().isdigit() and not name.startswith("   "):
            costs.append((name.strip(), int(cumulative) / 1000))
    total = sum(cost for _, cost in costs)
    return [("(all imports)", total), *sorted(costs, key=lambda item: -item[1])[:top]]


def profile(root: Path, top: int = 12) -> list[str]:
    """pyinstrument's heaviest brandlint functions for one process on the corpus."""
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        return ["(pyinstrument is not installed: pip install -e '.[bench]')"]
    completed = subprocess.run([sys.executable, "-m", "pyinstrument", "-r", "json", "-o", "profile.json", "-m",
                                "brandlint", "check", "--quiet", "--format", "json", "--no-cache", "--jobs", "1",
                                "docs"], cwd=root, capture_output=True, text=True, check=False)
    if not (root / "profile.json").exists():
        return [f"(pyinstrument failed: {completed.stderr.strip()[-200:]})"]
    data = json.loads((root / "profile.json").read_text())
    totals: dict[str, float] = {}

    def walk(frame: dict) -> None:
        name = f"{frame['function']}  {Path(frame['file_path']).name}:{frame.get('line_no', '')}"
        own = frame["time"] - sum(child["time"] for child in frame.get("children", []))
        totals[name] = totals.get(name, 0.0) + max(own, 0.0)
        for child in frame.get("children", []):
            walk(child)

    walk(data["root_frame"])
    overall = data["root_frame"]["time"]
    heaviest = sorted(totals.items(), key=lambda item: -item[1])[:top]
    return [f"{seconds / overall:5.1%}  {name}" for name, seconds in heaviest]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/peers"))
    parser.add_argument("--mixed", type=int, default=200, help="files of other kinds (text, HTML, CSS, Korean, PNG)")
    parser.add_argument("--no-scale", action="store_true", help="skip the 10x memory run")
    args = parser.parse_args()
    started = time.perf_counter()
    rows: list[Row] = []
    extra: dict = {"install": compile_brandlint()}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus_module.write(root, args.files, args.seed, 0.0, args.mixed)
        textlint_config(root)
        size_mb = sum(p.stat().st_size for p in (root / "docs").glob("*.md")) / 1e6
        # The user cache (word tables, validated guideline) is built once per install: fill it
        # first, as any earlier run would have, and measure that first run on its own below.
        measure([*BRANDLINT, "--no-cache", "docs/page-00000.md"], root)
        for jobs in ("2", "1"):
            wall, peak, status = measure([*BRANDLINT, "--no-cache", "--jobs", jobs, "docs"], root)
            cold = best([*BRANDLINT, "--no-cache", "docs/page-00000.md"], root) if jobs == "2" else None
            rows.append(Row(f"brandlint ({jobs} job{'s' if jobs != '1' else ''})", wall, peak, cold,
                            args.files, size_mb, "" if status in (0, 1) else f"exit {status}"))
        here = str(Path(__file__).resolve().parent)
        for mode, label in (("one", "regex floor (one pattern, all terms)"),
                            ("each", "regex floor (a pattern per term)")):
            wall, peak, _ = measure([sys.executable, "-c", FLOOR, "docs", here, mode], root)
            rows.append(Row(label, wall, peak, None, args.files, size_mb))
        for name, command in peers(root, args.peers).items():
            if command is None:
                rows.append(Row(name, note="not installed"))
                continue
            wall, peak, status = measure(command, root)
            rows.append(Row(name, wall, peak, best(one_file(command), root), args.files, size_mb,
                            "" if status in (0, 1) else f"exit {status}"))
        # The results cache: one run to fill it, then unchanged re-runs, then one file edited.
        fill, fill_peak, _ = measure([*BRANDLINT, "docs"], root)
        rows.append(Row("brandlint, first run filling the cache", fill, fill_peak, None, args.files, size_mb))
        warm = min(measure([*BRANDLINT, "docs"], root) for _ in range(3))
        rows.append(Row("brandlint, unchanged re-run (cache)", warm[0], warm[1], None, args.files, size_mb))
        edited = root / "docs" / "page-00007.md"
        edited.write_text(edited.read_text("utf-8") + "\nOne more cheap line.\n", "utf-8")
        one, one_peak, _ = measure([*BRANDLINT, "docs"], root)
        rows.append(Row("brandlint, re-run after editing one file (cache)", one, one_peak, None, args.files,
                        size_mb))
        with tempfile.TemporaryDirectory() as fresh:
            env = {**os.environ, "XDG_CACHE_HOME": fresh}
            extra["first_run"] = measure([*BRANDLINT, "--no-cache", "docs/page-00000.md"], root, env)[0]
        if args.mixed:
            mixed = list((root / "mixed").iterdir())
            wall, peak, _ = measure([*BRANDLINT, "--no-cache", "mixed"], root)
            kinds = sorted({p.suffix for p in mixed})
            rows.append(Row(f"brandlint, mixed corpus ({', '.join(kinds)}; Korean in .md)", wall, peak, None,
                            len(mixed), sum(p.stat().st_size for p in mixed) / 1e6))
        if not args.no_scale:
            big = root / "big"
            corpus_module.write(big, args.files * 10, args.seed, 0.0)
            wall, big_peak, _ = measure([*BRANDLINT, "--no-cache", "docs"], big)
            extra["scale"] = (args.files * 10, wall, big_peak)
        extra["imports"] = import_costs(root)
        extra["profile"] = profile(root)
    extra["korean"] = korean_module.measure(2000, 7)
    extra["elapsed"] = time.perf_counter() - started
    report(rows, args, extra)


def _rate(row: Row) -> float:
    return row.files / row.wall if row.wall else 0.0


def report(rows: list[Row], args: argparse.Namespace, extra: dict) -> None:
    by_name = {row.name: row for row in rows}
    base = by_name["brandlint (2 jobs)"]
    lines = [f"\n## Throughput (`python bench/run.py --files {args.files} --seed {args.seed}`, "
             f"{dt.date.today().isoformat()})\n",
             f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
             f"brandlint {_version()} ({extra['install']}, run as `{Path(COMMAND[-1]).name}`). "
             f"Corpus: {args.files} English Markdown files, {base.size_mb:.1f} MB; "
             "brandlint with the example guideline (examples/lumen-tea: every check, its inclusive and claims "
             "packs) plus 80 substitution terms; textlint gets the same terms through prh; proselint, "
             "write-good and alex run their own rules. Wall time includes process start.\n",
             "| tool | files/s | MB/s | peak RSS | one file, cold | brandlint (2 jobs) is |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        if row.wall is None:
            lines.append(f"| {row.name} | – | – | – | – | {row.note} |")
            continue
        ratio = "" if row.name.startswith("brandlint") else f"{_rate(base) / _rate(row):.2f}× as fast"
        cold = f"{row.cold * 1000:.0f} ms" if row.cold is not None else "–"
        lines.append(f"| {row.name} | {_rate(row):,.0f} | {row.size_mb / row.wall:.2f} | {row.peak / 1024:.0f} MiB "
                     f"| {cold} | {ratio} {row.note} |")
    lines.append("\nTargets (from the speed issue):\n")
    checks = []

    def target(label: str, value: float, goal: float, unit: str = "×", higher: bool = True) -> None:
        met = value >= goal if higher else value <= goal
        checks.append(f"- {label}: {value:,.2f}{unit} (target {'≥' if higher else '≤'} {goal:g}{unit}) "
                      f"{'met' if met else 'NOT met'}")

    for name, goal in (("proselint", 5), ("textlint + prh (same terms)", 3)):
        row = by_name.get(name)
        if row and row.wall:
            target(f"throughput vs {name}", _rate(base) / _rate(row), goal)
    target("throughput vs Vale's published 145 files/s", _rate(base), 145, " files/s")
    for name in ("regex floor (one pattern, all terms)", "regex floor (a pattern per term)"):
        floor = by_name[name]
        target(f"{name} is this many times faster (within 3×)", _rate(floor) / _rate(base), 3, higher=False)
    warm = by_name["brandlint, unchanged re-run (cache)"]
    target("unchanged re-run (results cache) speed-up", base.wall / warm.wall, 20)
    target("one Markdown file, cold process", base.cold * 1000, 150, " ms", higher=False)
    for name in ("proselint", "textlint + prh (same terms)", "write-good", "alex", "vale"):
        row = by_name.get(name)
        if row and row.cold:
            target(f"one file vs {name} ({row.cold * 1000:.0f} ms)", row.cold / base.cold, 1, "× as fast")
    if "scale" in extra:
        count, wall, peak = extra["scale"]
        target(f"peak memory on {count:,} files vs {args.files:,} ({peak / 1024:.0f} vs {base.peak / 1024:.0f} MiB;"
               f" {count / wall:,.0f} files/s)", peak / base.peak, 1.5, higher=False)
    lines += checks
    lines.append(f"\nOne file with an empty user cache (the first run after installing: word tables and the "
                 f"validated guideline are built): {extra['first_run'] * 1000:.0f} ms.")
    load, levels, seconds = extra["korean"]
    lines.append(f"Korean (bench/korean.py): kiwipiepy loads in {load:.2f} s, once per worker and only when a "
                 f"file has Hangul; then {2000 / seconds:,.0f} sentences/s ({levels} of 2,000 with a speech level).")
    lines.append("\n`python -X importtime`, one Markdown file (top-level imports, cumulative ms):\n")
    lines += [f"- {name}: {ms:.1f} ms" for name, ms in extra["imports"]]
    lines.append("\npyinstrument, one process over the corpus (self time, heaviest first):\n")
    lines += ["    " + line for line in extra["profile"]]
    lines.append(f"\nBench wall time: {extra['elapsed'] / 60:.1f} min.\n")
    text = "\n".join(lines)
    print(text)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(text + "\n")


def _version() -> str:
    from brandlint import __version__

    return __version__


if __name__ == "__main__":
    main()
