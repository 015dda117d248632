"""The long fuzz run: 10,000 Hypothesis cases over documents, fixes, guidelines, campaign
files and templates (tests/test_properties.py, tests/test_fuzz.py), with the time taken
and the failures found, appended to bench/RESULTS.md.

    python bench/fuzz.py [--cases 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROPERTIES = 4  # two in test_properties.py, two in test_fuzz.py


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    per_property = max(1, args.cases // PROPERTIES)
    env = {**os.environ, "BRANDLINT_FUZZ_EXAMPLES": str(per_property)}
    start = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                                "tests/test_properties.py", "tests/test_fuzz.py"],
                               cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    last = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else ""
    failed = re.search(r"(\d+) failed", last)
    summary = (f"\n## Fuzzing (`python bench/fuzz.py --cases {args.cases}`, {dt.date.today().isoformat()})\n\n"
               f"- {per_property * PROPERTIES:,} cases ({per_property:,} per property × {PROPERTIES}) in "
               f"{elapsed / 60:.1f} min; properties failed: {failed.group(1) if failed else 0}\n"
               f"- pytest: {last}\n")
    print(summary)
    if completed.returncode:
        print(completed.stdout[-4000:])
    with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
        out.write(summary)
    sys.exit(completed.returncode)


if __name__ == "__main__":
    main()
