"""YAML loading that remembers where every key and value came from.

ruamel.yaml's round-trip loader keeps line/column marks; we turn its tree into plain
Python data plus a position index keyed by the path of each node, so that a schema
error deep in a guideline can be reported at its exact line:column. Custom tags are
refused (the loader must stay safe) and the number of nodes is bounded, so an
alias bomb cannot expand into gigabytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from brandlint.errors import GuideError

Path = tuple[Any, ...]

# A real guideline has hundreds of nodes; a million means an alias bomb.
MAX_NODES = 1_000_000
MAX_DEPTH = 64


@dataclass
class YamlSource:
    """Plain data from a YAML file, with the position of every node in it."""

    file: str
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path, prefer_key: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of the node at `path`, or of its nearest ancestor."""
        path = tuple(path)
        while True:
            if prefer_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            if not path:
                return (1, 1)  # the document itself: its start
            path = path[:-1]

    def error(self, message: str, path: Path = (), prefer_key: bool = False) -> GuideError:
        line, column = self.position(path, prefer_key)
        return GuideError(message, self.file, line, column)


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlSource:
    """Parse `text`; every mistake is a GuideError naming `file`, line and column.

    `line_offset` shifts reported lines, for YAML embedded in another file (front matter).
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        duplicate = re.match(r'found duplicate key "(.*?)" with value', problem, re.DOTALL)
        if duplicate:  # ruamel quotes both whole values, which can run to pages
            problem = f"duplicate key `{duplicate.group(1)}`: keep one (merge their entries)"
        if mark is not None:
            raise GuideError(f"invalid YAML: {problem}", file, mark.line + 1 + line_offset,
                             mark.column + 1) from None
        raise GuideError(f"invalid YAML: {problem}", file) from None
    except YAMLError as exc:
        raise GuideError(f"invalid YAML: {exc}", file) from None
    except RecursionError:
        raise GuideError("invalid YAML: nested too deeply", file) from None
    except (ValueError, OverflowError) as exc:
        # A scalar YAML reads as a date or number but cannot build (2026-02-30).
        line, column = _bad_timestamp(text)
        raise GuideError(f"invalid YAML value: {exc}", file, line and line + line_offset, column) from None
    source = YamlSource(file=file, data=None)
    counter = [0]
    source.data = _convert(tree, (), source, counter, 0, line_offset)
    return source


STANDARD_TAGS = {"str", "int", "float", "bool", "null", "map", "seq", "omap", "set", "timestamp",
                 "binary", "merge", "pairs"}


def _bad_timestamp(text: str) -> tuple[int | None, int | None]:
    """Where the first date-like scalar that is not a real date stands."""
    import datetime as dt
    import re

    for match in re.finditer(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-])", text):
        try:
            dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            line = text.count("\n", 0, match.start()) + 1
            return line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return None, None


def _tag_of(node: Any) -> str | None:
    """The explicit tag of a node unless it is one of YAML's own (`!!str`, `!!int`…)."""
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", tag)
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("tag:yaml.org,2002:"):
        name = value[len("tag:yaml.org,2002:"):]
        return None if name in STANDARD_TAGS else f"!!{name}"
    return value


def _convert(node: Any, path: Path, source: YamlSource, counter: list[int], depth: int,
             line_offset: int) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise source.error(f"the YAML expands to more than {MAX_NODES:,} nodes "
                           "(an alias bomb?); refusing to load it")
    if depth > MAX_DEPTH:
        raise source.error(f"the YAML is nested more than {MAX_DEPTH} levels deep", path)
    tag = _tag_of(node)
    if tag is not None:
        raise source.error(f"custom YAML tags are not allowed ({tag})", path)
    if isinstance(node, TaggedScalar):  # a standard tag such as !!str: keep the text
        return str(node.value)
    if isinstance(node, CommentedMap):
        result: dict[Any, Any] = {}
        for key, value in node.items():
            if isinstance(key, (CommentedMap, CommentedSeq)):
                raise source.error("a mapping key must be a plain value", path)
            key_path = (*path, key)
            try:
                kl, kc = node.lc.key(key)
                source.keys[key_path] = (kl + 1 + line_offset, kc + 1)
                vl, vc = node.lc.value(key)
                source.values[key_path] = (vl + 1 + line_offset, vc + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            result[key] = _convert(value, key_path, source, counter, depth + 1, line_offset)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            item_path = (*path, index)
            try:
                il, ic = node.lc.item(index)
                source.values[item_path] = (il + 1 + line_offset, ic + 1)
            except (KeyError, TypeError, AttributeError, IndexError):
                pass
            items.append(_convert(value, item_path, source, counter, depth + 1, line_offset))
        return items
    return _plain_scalar(node)


def _plain_scalar(node: Any) -> Any:
    """ruamel's scalar subclasses (ScalarFloat, LiteralScalarString…) to builtins."""
    if node is None or isinstance(node, bool):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node  # dates and timestamps stay as datetime objects
