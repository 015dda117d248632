"""An installed brandlint (not the source tree) finds its rule packs from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_rules_are_found_when_run_from_another_folder(tmp_path):
    completed = subprocess.run([sys.executable, "-m", "brandlint", "rules"], cwd=tmp_path,
                               check=False, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    for rule in ("inclusive.gendered", "claims.absolute", "kr-ad-law.superlative"):
        assert rule in completed.stdout


def test_the_wheel_ships_rule_packs_and_templates(tmp_path):
    completed = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                                str(ROOT)], check=False, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr
    [wheel] = tmp_path.glob("brandlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in ("inclusive", "claims", "kr-ad-law"):
        assert f"brandlint/rules/{pack}.yaml" in names
    assert "brandlint/cli.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "brandlint = brandlint.entry:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
