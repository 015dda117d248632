"""`brandlint render`: load the campaign, render its variants, write them, lint each one."""

from __future__ import annotations

from pathlib import Path

from brandlint.campaign.loader import check_channels, load_campaign
from brandlint.campaign.render import check_out_dir, render_variants, write_variants
from brandlint.engine import Checker, Options, RunResult
from brandlint.errors import UsageError
from brandlint.guide.loader import display, load_guide


def render_campaign(campaign_path: Path, out: Path | None, guide_path: Path | None, options: Options) -> RunResult:
    """Render and lint; `out` defaults to out/<campaign name> in the current folder."""
    from brandlint.checks.consistency import Binding

    if not campaign_path.is_file():
        raise UsageError(f"campaign file not found: {campaign_path}")
    campaign = load_campaign(campaign_path)  # its `guide:` says which guideline to check against
    guide = load_guide(guide_path or (campaign_path.parent / campaign.campaign.guide))
    check_channels(campaign, guide)
    out = out or Path("out") / campaign.name
    check_out_dir(out, guide, campaign)
    variants = render_variants(guide, campaign)  # everything in memory before any write
    written = write_variants(out, campaign, variants)
    checker = Checker(guide, Options(use_cache=False))
    checked = []
    for variant, path in zip(variants, written, strict=True):
        binding = Binding(campaign.name, variant.locale, campaign.facts_for(variant.locale, variant.fact_overrides),
                          campaign.year, variant.label, line_map=variant.line_map)
        file_result, _ = checker.check_bytes(path, display(path), path.read_bytes(), binding=binding,
                                             channel=variant.channel)
        checked.append(file_result)
    result = RunResult(sorted(checked, key=lambda r: r.path), guide=guide)
    result.out = out
    return result
