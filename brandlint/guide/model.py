"""The guideline schema (SPEC §1) as pydantic models.

One source for validation, for `brandlint schema` and for the did-you-mean hints of
unknown keys. Cross-references that need the file system or other sections (logo files,
channel names in `files:`, rule packs) are checked in `loader.py`, where positions are
known.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

Level = Literal["error", "warning", "suggestion"]
Language = Literal["en", "ko", "auto"]
# Korean speech levels may be written by their Korean names too.
SPEECH_LEVEL_NAMES = {"합쇼체": "hapsyo", "하십시오체": "hapsyo", "해요체": "haeyo", "반말": "banmal", "해체": "banmal"}


def _speech_level_name(value: object) -> object:
    return SPEECH_LEVEL_NAMES.get(value.strip(), value) if isinstance(value, str) else value


def _not_a_speech_level(value: object) -> object:
    """`tone: 해요체` is a natural mistake: say where a speech level goes."""
    level = _speech_level_name(value)
    if (isinstance(value, str) and level != value) or value in ("hapsyo", "haeyo", "banmal"):
        raise ValueError(f"{value!r} is a Korean speech level: write it as `speech_level: [{level}]` "
                         "(tone is formal, neutral or casual)")
    return value


Tone = Annotated[Literal["formal", "neutral", "casual"], BeforeValidator(_not_a_speech_level)]
SpeechLevel = Annotated[Literal["hapsyo", "haeyo", "banmal"], BeforeValidator(_speech_level_name),
                        WithJsonSchema({"enum": ["hapsyo", "haeyo", "banmal", *SPEECH_LEVEL_NAMES]})]
RuleSetting = Literal["off", "error", "warning", "suggestion"]

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def _hex_colour(value: str) -> str:
    if not _HEX.fullmatch(value):
        raise ValueError(f"{value!r} is not a hex colour; write it like \"#E0A526\" "
                         "(3, 4, 6 or 8 hex digits after #)")
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _encoding(value: str) -> str:
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise ValueError(f"{value!r} is not a known text encoding (try utf-8, cp949, euc-kr)") from None
    return value


HexColor = Annotated[str, AfterValidator(_hex_colour), WithJsonSchema({
    "type": "string", "pattern": "^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$",
    "description": "A hex colour, quoted: \"#E0A526\" (unquoted, YAML reads # as a comment).",
    "examples": ["#E0A526"]})]
Text = Annotated[str, AfterValidator(_non_empty)]
Encoding = Annotated[str, AfterValidator(_encoding)]


class Strict(BaseModel):
    # strict: `max_chars: true` or `"280"` is a mistake to point at, not a value to convert.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Readability(Strict):
    max_grade: float | None = Field(None, ge=0, le=30, description=(
        "Highest reading grade allowed per paragraph (English: Flesch-Kincaid grade)."))


class Voice(Strict):
    tone: Tone = Field("neutral", description="formal | neutral | casual")
    speech_level: list[SpeechLevel] | None = Field(
        None, description="Korean speech levels allowed (overrides what `tone` implies).")
    readability: Readability = Readability()


class KeyMessage(Strict):
    id: Text
    any_of: list[Text] = Field(min_length=1, description="One of these phrases must appear.")
    ko: list[Text] = Field(default_factory=list, description="Variants for Korean copy.")


class Disclosure(Strict):
    """Legal wording copy must carry whenever it mentions something (an offer, a claim)."""

    id: Text
    when: list[Text] = Field(min_length=1, description=(
        "Words or phrases (case-insensitive, whole words) that make the wording necessary."))
    require: list[Text] = Field(min_length=1, description="One of these must appear in the same file.")
    channels: list[Text] | None = Field(None, description="Only on these channels (default: every file).")
    level: Level = "error"
    message: Text | None = Field(None, description="Why, added to the finding.")


class Message(Strict):
    tagline: Text | None = None
    key_messages: list[KeyMessage] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> Message:
        seen: set[str] = set()
        for message in self.key_messages:
            if message.id in seen or message.id == "tagline":
                raise ValueError(f"key message id {message.id!r} is used twice")
            seen.add(message.id)
        return self


class Term(Strict):
    """Either a preferred form (`use` + `instead_of`) or words to avoid (`avoid`)."""

    use: Text | None = Field(None, description="The exact, case-sensitive form to use.")
    instead_of: list[Text] = Field(default_factory=list, description="Forms to replace with `use`.")
    avoid: list[Text] = Field(default_factory=list, description="Words or phrases never to use.")
    message: str | None = Field(None, description="Why; shown with the finding.")
    level: Level | None = Field(None, description="error (default for use) | warning (default for avoid) | suggestion")

    @model_validator(mode="after")
    def _one_kind(self) -> Term:
        if (self.use is None) == (not self.avoid):
            raise ValueError("a term has either `use` (with `instead_of`) or `avoid`, not both or neither")
        if self.use is None and self.instead_of:
            raise ValueError("`instead_of` needs a `use`")
        return self


class Colors(Strict):
    tolerance: float = Field(2.3, gt=0, le=100, description="CIEDE2000 distance still counted as the brand colour.")
    palette: dict[str, HexColor] = Field(default_factory=dict)
    min_contrast: float = Field(4.5, ge=1, le=21, description="WCAG 2.x contrast ratio for text.")


class ChannelColors(Strict):
    """What a channel changes of `colors:` (the rest it inherits)."""

    tolerance: float | None = Field(None, gt=0, le=100, description="CIEDE2000 distance on this channel.")
    palette: dict[str, HexColor] | None = Field(None, description="This channel's palette (replaces the base one).")
    min_contrast: float | None = Field(None, ge=1, le=21, description="WCAG 2.x contrast ratio on this channel.")


class Logo(Strict):
    file: Text = Field(description="The approved master, relative to brand.yaml.")
    min_width: int | None = Field(None, gt=0, description="Smallest width in px as placed.")
    clear_space: float = Field(0, ge=0, le=2, description="Free margin as a fraction of the logo's height.")
    on: list[str] = Field(default_factory=list, description="Palette colours the logo may sit on.")
    allow_outside: bool = Field(False, description="Allow a logo file outside the guideline's folder.")


class Grammar(Strict):
    server: str | None = Field(None, description="LanguageTool server URL (or env BRANDLINT_LANGUAGETOOL_URL).")
    disabled_rules: list[str] = Field(default_factory=list)


class Scoring(Strict):
    error: float = Field(10, ge=0)
    warning: float = Field(3, ge=0)
    suggestion: float = Field(1, ge=0)


class ImageRules(Strict):
    sizes: list[Annotated[str, Field(pattern=r"^\d+x\d+$")]] = Field(
        default_factory=list, description="Allowed pixel sizes such as 1080x1080.")
    max_file_size: int | None = Field(None, gt=0, description="Bytes.")


class Channel(Strict):
    """A channel inherits the whole guideline and overrides what it names."""

    tone: Tone | None = None
    speech_level: list[SpeechLevel] | None = None
    language: Language | None = None
    readability: Readability | None = None
    require: list[Text] = Field(default_factory=list, description=(
        "Message ids (tagline, key message ids), campaign fact names, `logo`, `link`, `unsubscribe`."))
    max_chars: int | None = Field(None, gt=0)
    max_words: int | None = Field(None, gt=0)
    max_bytes: int | None = Field(None, gt=0)
    encoding: Encoding | None = None
    max_hashtags: int | None = Field(None, ge=0)
    max_emoji: int | None = Field(None, ge=0)
    max_links: int | None = Field(None, ge=0)
    extends: list[Text] = Field(default_factory=list, description="Rule packs added on this channel.")
    terms: list[Term] = Field(default_factory=list, description="Terms added on this channel.")
    vocabulary: list[Text] = Field(default_factory=list)
    fonts: list[Text] | None = None
    colors: ChannelColors | None = None
    image: ImageRules | None = None
    rules: dict[str, RuleSetting] = Field(default_factory=dict, description=(
        "Turn rules (by id or family) off or change their level on this channel."))


class Guide(Strict):
    brand: Text
    language: Language = "auto"
    extends: list[Text] = Field(default_factory=list, description="Rule packs: built-in names or paths.")
    encoding: Encoding | None = Field(None, description="Encoding of files that are not UTF-8.")
    voice: Voice = Voice()
    message: Message = Message()
    terms: list[Term] = Field(default_factory=list)
    colors: Colors = Colors()
    fonts: list[Text] = Field(default_factory=list)
    logos: dict[str, Logo] = Field(default_factory=dict)
    channels: dict[str, Channel] = Field(default_factory=dict)
    files: dict[str, str] = Field(default_factory=dict, description="Glob (relative to brand.yaml) -> channel.")
    vocabulary: list[Text] = Field(default_factory=list)
    grammar: Grammar = Grammar()
    scoring: Scoring = Scoring()
    campaigns: list[Text] = Field(default_factory=list, description=(
        "Globs of campaign files, relative to the guideline (instead of campaign.yaml and campaigns/*.yaml)."))
    compliance: list[Disclosure] = Field(default_factory=list, description=(
        "Legal wording: when copy mentions one of `when`, one of `require` must appear too."))
    rules: dict[str, RuleSetting] = Field(default_factory=dict, description=(
        "Turn rules (by id or family) off or change their level."))


def json_schema() -> dict:
    schema = Guide.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "brandlint brand guideline (brand.yaml)"
    return schema
