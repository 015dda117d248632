"""`brandlint render`: load the campaign, render its variants, write them, lint each one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from brandlint.campaign.loader import check_channels, load_campaign
from brandlint.campaign.render import check_out_dir, render_variants, write_variants
from brandlint.engine import Checker, Options, RunResult
from brandlint.errors import UsageError
from brandlint.guide.loader import display, load_guide
from brandlint.guide.policy import Policy


class VariantChecker(Checker):
    """Checks rendered variants. A campaign channel the guideline does not define (it has a
    template) is checked against the base guideline, as a file that maps to no channel is,
    and keeps its own name in findings and reports."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._undefined: dict[str, Policy] = {}

    def policy(self, channel: str | None) -> Policy:
        if channel is None or channel in self.loaded.guide.channels:
            return super().policy(channel)
        if channel not in self._undefined:
            self._undefined[channel] = dataclasses.replace(super().policy(None), channel=channel, extra={})
        return self._undefined[channel]


def render_campaign(campaign_path: Path, out: Path | None, guide_path: Path | None, options: Options) -> RunResult:
    """Render and lint; `out` defaults to out/<campaign name> in the current folder."""
    from brandlint.checks.consistency import Binding

    if not campaign_path.is_file():
        raise UsageError(f"campaign file not found: {campaign_path}")
    campaign = load_campaign(campaign_path)  # its `guide:` says which guideline to check against
    named = campaign_path.parent / campaign.campaign.guide
    if guide_path is None and not named.is_file():
        where = ("guide",) if "guide" in (campaign.source.data or {}) else ()
        raise campaign.source.error(f"guide: the guideline {display(named)} does not exist" if where else
                                    f"no guideline beside the campaign ({display(named)}); name it with `guide:`",
                                    where)
    guide = load_guide(guide_path or named)
    check_channels(campaign, guide)
    out = out or Path("out") / campaign.name
    check_out_dir(out, guide, campaign)
    variants = render_variants(guide, campaign)  # everything in memory before any write
    written = write_variants(out, campaign, variants)
    checker = VariantChecker(guide, Options(use_cache=False))
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
