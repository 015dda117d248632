"""What the CLI and tests call: load a guideline, check paths, fix paths."""

from __future__ import annotations

from pathlib import Path

from brandlint.engine import Options, RunResult, check_paths
from brandlint.fix import FixOutcome, fix_paths
from brandlint.guide.loader import LoadedGuide, load_guide

__all__ = ["LoadedGuide", "Options", "RunResult", "check", "fix", "load_guide", "render"]


def check(guide: str | Path, paths: list[str], **options: object) -> RunResult:
    return check_paths(load_guide(Path(guide)), paths, Options(**options))  # type: ignore[arg-type]


def fix(guide: str | Path, paths: list[str], **options: object) -> FixOutcome:
    return fix_paths(load_guide(Path(guide)), paths, Options(**options))  # type: ignore[arg-type]


def render(campaign: str | Path, out: str | Path, guide: str | Path | None = None, **options: object) -> RunResult:
    from brandlint.campaign.run import render_campaign

    return render_campaign(Path(campaign), Path(out), Path(guide) if guide else None,
                           Options(**options))  # type: ignore[arg-type]
