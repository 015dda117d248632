"""Validate YAML data against a pydantic model; errors point at file:line:column."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from brandlint.errors import GuideError
from brandlint.guide.yamlsource import YamlSource

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], source: YamlSource, what: str = "guideline") -> M:
    data = source.data
    if data is None:
        raise GuideError(f"the {what} is empty; it needs at least `brand:`"
                         if what == "guideline" else f"the {what} is empty", source.file, 1, 1)
    if not isinstance(data, dict):
        kind = type(data).__name__.replace("str", "text").replace("list", "a list")
        raise GuideError(f"the {what} must be a mapping of keys (such as `brand:`), not {kind}",
                         source.file, 1, 1)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [_to_guide_error(model, source, error) for error in exc.errors()]
        first = errors[0]
        first.more = list(errors[1:10])
        raise first from None


def _to_guide_error(model: type[BaseModel], source: YamlSource, error: Any) -> GuideError:
    loc = _real_path(source.data, error["loc"])
    dotted = ".".join(str(part) for part in loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        where = f" under `{'.'.join(str(p) for p in loc[:-1])}`" if len(loc) > 1 else ""
        hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        text = f"unknown key `{key}`{where}"
        text += f"; did you mean `{hint[0]}`?" if hint else ""
        if allowed:
            text += f" (allowed: {', '.join(allowed)})"
        return source.error(text, loc, prefer_key=True)
    if kind == "missing":
        missing = str(error["loc"][-1])
        parent = loc[:-1] if loc and str(loc[-1]) == missing else loc
        where = f" under `{'.'.join(str(part) for part in parent)}`" if parent else ""
        return source.error(f"missing required key `{missing}`{where}", loc, prefer_key=True)
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if kind in ("literal_error", "enum"):
        message = f"{message}, not {error.get('input')!r}"
    if kind == "string_type" and error.get("input", "") is None:
        # `gold: #E0A526` is `gold:` and a comment to YAML.
        example = ': "#E0A526"' if "colors" in loc else ""
        message = (f"{message} (found nothing: the value is empty, or starts with `#`, which YAML "
                   f"reads as a comment; quote it{example})")
    elif kind.endswith("_type") and "input" in error:
        message = f"{message} (found {_describe(error['input'])})"
    # A missing value has no position of its own (YAML puts it past the comment): use the key's.
    return source.error(f"{dotted}: {message}" if dotted else message, loc,
                        prefer_key=error.get("input", "") is None)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _real_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Keep the parts of pydantic's loc that are real keys (drop union tags and the like)."""
    path: list[Any] = []
    node = data
    for part in loc:
        if _has_child(node, part):
            node = node[part]
            path.append(part)
        else:
            # A missing key is reported at its parent; pydantic's own tags are not keys.
            if isinstance(node, dict) and isinstance(part, str) and "[" not in part \
                    and not part.startswith("function-"):
                path.append(part)
            break
    return tuple(path)


def _has_child(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        current = _child_type(current, part)
        if current is None:
            return None
    return _as_model(current)


def _as_model(tp: Any) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in typing.get_args(tp):
        found = _as_model(arg)
        if found is not None:
            return found
    return None


def _child_type(tp: Any, part: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _child_type(typing.get_args(tp)[0], part)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            found = _child_type(arg, part)
            if found is not None:
                return found
        return None
    if origin is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin is dict:
        return typing.get_args(tp)[1]
    model = _as_model(tp) if origin is None else None
    if model is not None and isinstance(part, str) and part in model.model_fields:
        return model.model_fields[part].annotation
    return None
