"""Regular expressions compiled on first use.

Compiling a pattern with wide Unicode classes (Hangul, emoji) or a long alternation costs
around half a millisecond each; a one-file run (what a pre-commit hook pays) often needs
none of them. A LazyPattern stands in for the compiled pattern and compiles it the first
time a method is asked for.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return getattr(compiled, name)
