"""Load campaign files (validated, errors at file:line:column) and find them beside a guideline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandlint.errors import GuideError
from brandlint.guide.loader import LoadedGuide, _read_yaml_file, display
from brandlint.guide.yamlsource import YamlSource

if TYPE_CHECKING:
    from brandlint.campaign.facts import Fact
    from brandlint.campaign.model import Campaign

LOCALES = ("en", "ko")


@dataclass
class LoadedCampaign:
    campaign: Campaign
    path: Path
    source: YamlSource
    year: int | None
    # Facts per locale: a fact given as {en: …, ko: …} has a value for each.
    facts: dict[str, dict[str, Fact]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.campaign.campaign

    def facts_for(self, locale: str, overrides: dict[str, Any] | None = None) -> dict[str, Fact]:
        from brandlint.campaign.facts import parse_fact

        facts = dict(self.facts.get(locale) or self.facts.get("en") or {})
        for name, raw in (overrides or {}).items():
            facts[name] = parse_fact(name, _localised(raw, locale), self.year)
        return facts


def _localised(raw: Any, locale: str) -> Any:
    if isinstance(raw, dict) and set(raw) <= set(LOCALES) and raw:
        return raw.get(locale, raw.get("en", next(iter(raw.values()))))
    return raw


def load_campaign(path: Path, guide: LoadedGuide | None = None) -> LoadedCampaign:
    from brandlint.campaign.facts import FactError, parse_fact  # only when there are campaigns
    from brandlint.campaign.model import Campaign  # pydantic, likewise
    from brandlint.guide.validate import validate

    source, _ = _read_yaml_file(path, "campaign file")
    campaign = validate(Campaign, source, what="campaign file")
    year = campaign.year
    if year is None:
        year = next((value.year for value in _scalars(campaign.facts) if isinstance(value, dt.date)), None)
    loaded = LoadedCampaign(campaign, path.resolve(), source, year)
    for locale in LOCALES:
        facts = {}
        for name, raw in campaign.facts.items():
            try:
                facts[name] = parse_fact(name, _localised(raw, locale), year)
            except FactError as exc:
                raise source.error(str(exc), ("facts", name)) from None
        loaded.facts[locale] = facts
    if guide is not None:
        check_channels(loaded, guide)
    return loaded


def _scalars(facts: dict[str, Any]) -> list[Any]:
    values = []
    for raw in facts.values():
        if isinstance(raw, dict):
            values.extend(raw.values())
        else:
            values.append(raw)
    return values


def check_channels(loaded: LoadedCampaign, guide: LoadedGuide) -> None:
    """Every campaign channel is a channel of the guideline or has a template (the brand's or a
    built-in one); one with neither is an error. A channel the guideline does not define is
    linted against the base guideline, like a file that maps to no channel."""
    from brandlint.campaign.templates import find_template, template_folders, templated_channels

    known = sorted(guide.guide.channels)
    folders = template_folders(guide.root)
    plans = loaded.campaign.plans()
    names = list(plans)
    for index, name in enumerate(names):
        if name in guide.guide.channels or plans[name].template or find_template(name, None, folders):
            continue
        templated = templated_channels(folders)
        import difflib  # only when there is a mistake to name

        hint = difflib.get_close_matches(name, sorted(set(known) | set(templated)), n=1)
        path = ("channels", index) if isinstance(loaded.campaign.channels, list) else ("channels", name)
        text = f"campaign channel `{name}` is not a channel of {guide.display_path} and has no template"
        text += f"; did you mean `{hint[0]}`?" if hint else ""
        text += f" (channels: {', '.join(known) or 'none defined'}; templates: {', '.join(templated) or 'none'})"
        text += (f". Define it under `channels:` in {guide.display_path} or add templates/{name}.txt.j2 "
                 "(or .html.j2, .md.j2) beside it")
        raise loaded.source.error(text, path, prefer_key=isinstance(loaded.campaign.channels, dict))
    if loaded.campaign.audience:
        for index, name in enumerate(loaded.campaign.audience.channels):
            if name not in names:
                raise loaded.source.error(f"audience channel `{name}` is not one of the campaign's channels",
                                          ("audience", "channels", index))


def campaign_files(guide: LoadedGuide) -> list[Path]:
    """campaign.yaml and campaigns/*.yaml beside the guideline, or the `campaigns:` globs instead."""
    from brandlint.locate import campaign_paths

    return [Path(path) for path in campaign_paths(str(guide.root), list(guide.guide.campaigns))]


class CampaignIndex:
    """The campaigns a guideline knows, by name, loaded on first use."""

    def __init__(self, guide: LoadedGuide) -> None:
        self.guide = guide
        self._by_name: dict[str, LoadedCampaign] | None = None

    def get(self, name: str) -> LoadedCampaign | None:
        if self._by_name is None:
            self._by_name = {}
            for path in campaign_files(self.guide):
                loaded = load_campaign(path, self.guide)
                if loaded.name in self._by_name:
                    other = display(self._by_name[loaded.name].path)
                    raise GuideError(f"campaign `{loaded.name}` is defined twice (also in {other})",
                                     display(path), *loaded.source.position(("campaign",)))
                self._by_name[loaded.name] = loaded
        return self._by_name.get(name)

    def names(self) -> list[str]:
        self.get("")
        return sorted(self._by_name or {})
