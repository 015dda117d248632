"""Channel resolution: base guideline ⊕ channel overrides ⊕ rule packs = one Policy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from brandlint.findings import Severity

if TYPE_CHECKING:  # the guideline arrives as guide.records.Record objects with these fields
    from brandlint.guide.loader import LoadedGuide, LoadedPack
    from brandlint.guide.model import Channel, Colors, Grammar, ImageRules, KeyMessage, Logo, Scoring, Term

T = TypeVar("T")


@dataclass(frozen=True)
class Policy:
    """Everything the checks need to judge a document on one channel."""

    brand: str
    channel: str | None
    language: str
    tone: str
    speech_levels: tuple[str, ...] | None
    max_grade: float | None
    tagline: str | None
    key_messages: tuple[KeyMessage, ...]
    require: tuple[str, ...]
    max_chars: int | None
    max_words: int | None
    max_bytes: int | None
    encoding: str | None
    max_hashtags: int | None
    max_emoji: int | None
    max_links: int | None
    terms: tuple[Term, ...]
    vocabulary: tuple[str, ...]
    packs: tuple[LoadedPack, ...]
    rule_settings: dict[str, str]
    colors: Colors
    fonts: tuple[str, ...]
    logos: dict[str, Logo]
    image: ImageRules | None
    grammar: Grammar
    scoring: Scoring
    fingerprint: str
    compliance: tuple = ()  # the guideline's Disclosure entries that apply on this channel
    root: Path = Path(".")  # the guideline's folder: logo files are relative to it
    # What checks derive from this policy once (compiled patterns, word sets): see `memo`.
    extra: dict = field(default_factory=dict, compare=False)

    def severity(self, rule: str, default: Severity) -> Severity | None:
        """The level a rule reports at on this channel; None when it is turned off."""
        setting = self.rule_settings.get(rule) or self.rule_settings.get(rule.split(".")[0])
        if setting is None:
            return default
        if setting == "off":
            return None
        return Severity.parse(setting)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """`build()` once per policy (one per channel per run), kept with it."""
        if key not in self.extra:
            self.extra[key] = build()
        return self.extra[key]

    @cached_property
    def term_matcher(self):
        from brandlint.checks.terms import build_matcher

        return build_matcher(self)


def resolve(loaded: LoadedGuide, channel: str | None) -> Policy:
    guide = loaded.guide
    from brandlint.guide.records import default

    settings: Channel = guide.channels[channel] if channel is not None else default("Channel")
    packs = loaded.channel_packs.get(channel, [])
    readability = settings.readability or guide.voice.readability
    return Policy(
        brand=guide.brand,
        channel=channel,
        language=settings.language or guide.language,
        tone=settings.tone or guide.voice.tone,
        speech_levels=tuple(settings.speech_level or guide.voice.speech_level or ()) or None,
        max_grade=readability.max_grade,
        tagline=guide.message.tagline,
        key_messages=tuple(guide.message.key_messages),
        require=tuple(settings.require),
        max_chars=settings.max_chars,
        max_words=settings.max_words,
        max_bytes=settings.max_bytes,
        encoding=settings.encoding or guide.encoding,
        max_hashtags=settings.max_hashtags,
        max_emoji=settings.max_emoji,
        max_links=settings.max_links,
        terms=tuple(guide.terms) + tuple(settings.terms),
        vocabulary=tuple(guide.vocabulary) + tuple(settings.vocabulary),
        packs=tuple(packs),
        rule_settings={**guide.rules, **settings.rules},
        colors=_colors(guide.colors, settings.colors),
        fonts=tuple(settings.fonts if settings.fonts is not None else guide.fonts),
        logos=dict(guide.logos),
        image=settings.image,
        grammar=guide.grammar,
        scoring=guide.scoring,
        fingerprint=f"{loaded.fingerprint}:{channel or ''}",
        compliance=tuple(entry for entry in guide.compliance
                         if entry.channels is None or (channel is not None and channel in entry.channels)),
        root=loaded.root,
    )


def _colors(base: Any, own: Any) -> Any:
    """The base `colors:` with what the channel names in its own (email: min_contrast: 7)."""
    if own is None:
        return base
    from brandlint.guide.records import Record

    return Record("Colors", {name: getattr(own, name) if getattr(own, name) is not None else getattr(base, name)
                             for name in ("tolerance", "palette", "min_contrast")})
