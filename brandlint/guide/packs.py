"""Rule packs: YAML rules a marketer can write (Vale-like types), schema-validated.

A pack's name is the family of the rules it defines: rule `gendered` in pack
`inclusive` has the id `inclusive.gendered`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from brandlint.guide.model import Language, Level, Text

Scope = Literal["heading", "paragraph", "list", "blockquote", "table", "alt", "title"]
RuleName = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
PackName = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True)

    fail: Text = Field(description="Text this rule flags.")
    pass_: Text = Field(alias="pass", description="Text this rule accepts.")


class PackRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    type: Literal["existence", "substitution", "occurrence", "capitalization"]
    description: str | None = Field(None, description="What the rule checks and why.")
    message: str | None = Field(None, description=(
        "Shown with each finding; {match} is the text found, {replacement} the suggestion."))
    level: Level = "warning"
    ignorecase: bool = False
    regex: bool = Field(False, description="Tokens and swap keys are regular expressions.")
    scope: list[Scope] = Field(default_factory=list, description="Where it applies; empty means all prose.")
    language: Language | None = Field(None, description="Only copy in this language.")
    tokens: list[Text] = Field(default_factory=list, description="existence: words that must not appear.")
    swap: dict[str, str] = Field(default_factory=dict, description="substitution: found -> replacement.")
    token: Text | None = Field(None, description="occurrence: what to count.")
    max: int | None = Field(None, ge=0, description="occurrence: most allowed per document.")
    min: int | None = Field(None, ge=0, description="occurrence: fewest required per document.")
    match: Literal["$title", "$sentence", "$lower", "$upper"] | None = Field(
        None, description="capitalization: the style headings (or the scope) must follow.")
    exceptions: list[str] = Field(default_factory=list, description="Words exempt from the rule.")
    examples: Examples | None = None

    @model_validator(mode="after")
    def _fields_for_type(self) -> PackRule:
        needs = {"existence": ("tokens", bool(self.tokens)),
                 "substitution": ("swap", bool(self.swap)),
                 "occurrence": ("token", self.token is not None),
                 "capitalization": ("match", self.match is not None)}
        name, present = needs[self.type]
        if not present:
            raise ValueError(f"a rule of type {self.type} needs `{name}`")
        if self.type == "occurrence" and self.max is None and self.min is None:
            raise ValueError("an occurrence rule needs `max` or `min`")
        if self.regex:
            _check_patterns([*self.tokens, *self.swap, *([self.token] if self.token else [])], self.ignorecase)
        return self


def _check_patterns(patterns: list[str], ignorecase: bool) -> None:
    """Each regular expression compiles and cannot match empty text (it would be found at
    every position): said when the pack is loaded, with the rule's line, not mid-run."""
    import regex

    for pattern in patterns:
        try:
            compiled = regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
        except regex.error as exc:
            raise ValueError(f"`{pattern}` is not a valid regular expression: {exc}") from None
        if compiled.fullmatch("") is not None:
            raise ValueError(f"`{pattern}` matches empty text; it would be found everywhere")


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    pack: PackName | None = Field(None, description="The pack's name (default: the file name).")
    description: str | None = None
    extends: list[Text] = Field(default_factory=list, description="Other packs this one includes.")
    rules: dict[RuleName, PackRule] = Field(default_factory=dict)
