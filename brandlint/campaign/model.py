"""The campaign file (SPEC §4): one message, its facts, its channels and their data."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from brandlint.guide.model import Text

Locale = Literal["en", "ko"]
Name = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChannelPlan(Strict):
    """Per-channel settings of a campaign (all optional)."""

    locales: list[Locale] | None = Field(None, description="Languages to render on this channel.")
    data: dict[str, Any] = Field(default_factory=dict, description="Data overriding the campaign's.")
    template: str | None = Field(None, description="A template file (relative to the campaign file).")


class Audience(Strict):
    """Personalised renders: one output per record on the listed channels."""

    channels: list[Text] = Field(min_length=1)
    records: list[dict[str, Any]] = Field(min_length=1, description=(
        "Each record needs an `id`; templates see it as `recipient`, and its `facts` override the campaign's."))

    @model_validator(mode="after")
    def _ids(self) -> Audience:
        seen: set[str] = set()
        for record in self.records:
            identifier = str(record.get("id", "")).strip()
            if not identifier or not all(ch.isalnum() or ch in "-_" for ch in identifier):
                raise ValueError("every audience record needs an `id` of letters, digits, - or _")
            if identifier in seen:
                raise ValueError(f"audience id {identifier!r} is used twice")
            seen.add(identifier)
        return self


class Campaign(Strict):
    campaign: Name = Field(description="The campaign's name, as front matter refers to it.")
    guide: str = Field("brand.yaml", description="The guideline, relative to this file.")
    year: int | None = Field(None, ge=2000, le=2100, description="Year for dates written without one.")
    channels: list[Text] | dict[str, ChannelPlan] = Field(min_length=1, description="Channels to render.")
    locales: list[Locale] = Field(default_factory=lambda: ["en"], min_length=1)
    facts: dict[Name, Any] = Field(default_factory=dict, description=(
        "The core facts every variant must hold: a value, {en: …, ko: …}, or {value: …, type: …}."))
    data: dict[str, Any] = Field(default_factory=dict, description="Anything the templates use.")
    translations: dict[Locale, dict[str, Any]] = Field(default_factory=dict, description="Data per locale.")
    audience: Audience | None = None

    def plans(self) -> dict[str, ChannelPlan]:
        if isinstance(self.channels, dict):
            return dict(self.channels)
        return {name: ChannelPlan() for name in self.channels}
