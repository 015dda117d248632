"""Validated guideline data as plain read-only records, remembered between runs.

pydantic validates a guideline or rule pack once per content: building its models costs
~130 ms of imports and class construction, which a pre-commit hook on one file would pay
on every commit. The validated result is kept in the user's cache folder as plain data,
keyed by the model source, brandlint's version and the parsed YAML; later runs rebuild it as
`Record`s without importing pydantic. The first run returns Records too, so every check
sees the same kind of object whether or not the cache was used.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from brandlint import __version__
from brandlint.filestate import blake2b
from brandlint.guide.yamlsource import YamlSource

# Model name -> the module that defines it (imported only on a cache miss).
MODELS = {"Guide": "brandlint.guide.model", "Channel": "brandlint.guide.model",
          "Pack": "brandlint.guide.packs"}


class Record:
    """A validated model's fields as attributes; read-only, compared by value."""

    __slots__ = ("__dict__", "_model")

    def __init__(self, model: str, fields: dict[str, Any]) -> None:
        object.__setattr__(self, "_model", model)
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._model} is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and other._model == self._model and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]  # like a frozen model holding lists

    def __repr__(self) -> str:
        fields = ", ".join(f"{key}={value!r}" for key, value in self.__dict__.items())
        return f"{self._model}({fields})"


def to_plain(value: Any) -> Any:
    """A pydantic model tree as marshal-able data; a tuple marks a model (name, fields)."""
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        return (type(value).__name__, {name: to_plain(getattr(value, name)) for name in fields})
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    return value


def from_plain(value: Any) -> Any:
    if isinstance(value, tuple):
        name, fields = value
        return Record(name, {key: from_plain(item) for key, item in fields.items()})
    if isinstance(value, dict):
        return {key: from_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [from_plain(item) for item in value]
    return value


@cache
def _schema_digest() -> str:
    """Changes whenever a model's source or brandlint's version does."""
    digest = blake2b(__version__.encode(), digest_size=32)
    for module in sorted(set(MODELS.values())):
        digest.update(Path(__file__).with_name(module.rsplit(".", 1)[1] + ".py").read_bytes())
    return digest.hexdigest()[:16]


def _model(name: str) -> Any:
    return getattr(import_module(MODELS[name]), name)


def validated(model: str, source: YamlSource, what: str) -> Any:
    """`source` validated against `model` (see validate.validate for the errors), as Records.
    Errors are never remembered: a mistake is reported, with its position, on every run."""
    from brandlint.usercache import table

    try:
        text = json.dumps(source.data, ensure_ascii=False)
    except (TypeError, ValueError):
        text = None  # dates and the like: validated every time
    if text is None:
        return from_plain(_validate(model, source, what))
    key = blake2b(f"{model}\0{text}".encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()
    return from_plain(table(f"valid/{_schema_digest()}/{key}", lambda: _validate(model, source, what)))


def _validate(model: str, source: YamlSource, what: str) -> Any:
    from brandlint.guide.validate import validate

    return to_plain(validate(_model(model), source, what=what))


def default(model: str) -> Any:
    """The model with every field at its default (a channel that overrides nothing)."""
    from brandlint.usercache import table

    return from_plain(table(f"valid/{_schema_digest()}/default-{model}", lambda: to_plain(_model(model)())))
