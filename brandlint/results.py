"""What a run found: one FileResult per file, gathered into a RunResult.

A run over tens of thousands of files must not hold tens of thousands of Finding objects:
the RunResult keeps its file results packed (marshal, zlib) in chunks and keeps the totals
the reports need (counts, scores, notes, errors, the campaign matrix) as they arrive. Reports
read the files back one chunk at a time, in path order.
"""

from __future__ import annotations

import heapq
import marshal
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from math import fsum
from sys import intern
from typing import TYPE_CHECKING

from brandlint.findings import Finding, Fix, InputError, Severity, finding_json

if TYPE_CHECKING:
    from brandlint.guide.loader import LoadedGuide


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    channel: str | None = None
    campaign: str | None = None
    notes: list[str] = field(default_factory=list)
    locale: str | None = None
    variant: str | None = None
    facts: dict[str, str] = field(default_factory=dict)  # fact name -> stated | omitted | contradicted
    score: float | None = None  # 100 minus the guideline's weights per finding, at least 0


def _shared(text: str | None) -> str | None:
    # One object per distinct string: marshal then writes a repeated rule id or message once
    # per chunk, and unpacked results share them.
    return None if text is None else intern(text)


def pack(result: FileResult) -> tuple:
    """A FileResult as plain tuples (what marshal, and the results cache, store)."""
    path = result.path
    findings = tuple(
        (_shared(f.rule), int(f.severity), _shared(f.message), f.start, f.end, f.line, f.column, f.end_line,
         f.end_column, _shared(f.match), _shared(f.channel), None if f.fix is None else f.fix.replacement,
         f.document_level, f.template, None if f.path == path else f.path)
        for f in result.findings)
    error = None if result.error is None else (result.error.path, result.error.message, result.error.line,
                                               result.error.column)
    return (path, findings, error, _shared(result.channel), result.campaign, tuple(result.notes), result.locale,
            result.variant, tuple(result.facts.items()), result.score)


SEVERITIES = {int(severity): severity for severity in Severity}


def unpack(packed: tuple) -> FileResult:
    path, findings, error, channel, campaign, notes, locale, variant, facts, score = packed
    severities = SEVERITIES
    return FileResult(
        path,
        [Finding(own or path, rule, severities[severity], message, start, end, line, column, end_line, end_column,
                 match, finding_channel, None if fix is None else Fix(fix), document_level, template)
         for (rule, severity, message, start, end, line, column, end_line, end_column, match, finding_channel,
              fix, document_level, template, own) in findings],
        error=None if error is None else InputError(*error),
        channel=channel, campaign=campaign, notes=list(notes), locale=locale, variant=variant,
        facts=dict(facts), score=score)


def _check_shape(packed: object) -> None:
    """Raise ValueError unless `packed` is shaped as `pack` makes it (a cache entry that
    passed its checksum but not this is treated as damaged)."""
    def strings(values: object) -> bool:
        return type(values) is tuple and all(type(value) is str for value in values)

    ok = type(packed) is tuple and len(packed) == 10
    if ok:
        path, findings, error, channel, campaign, notes, locale, variant, facts, score = packed  # type: ignore[misc]
        ok = (type(path) is str and type(findings) is tuple
              and all(type(f) is tuple and len(f) == 15 and type(f[1]) is int and f[1] in SEVERITIES
                      and strings((f[0], f[2], f[9])) for f in findings)
              and (error is None or (type(error) is tuple and len(error) == 4))
              and all(value is None or type(value) is str for value in (channel, campaign, locale, variant))
              and strings(notes) and type(facts) is tuple and all(type(p) is tuple and len(p) == 2 for p in facts)
              and (score is None or type(score) in (int, float)))
    if not ok:
        raise ValueError("not a packed file result")


class ResultStore:
    """File results packed in zlib'd marshal chunks, read back in path order.

    Results added in path order form one sorted run; one that comes out of order (the cached
    files answered before the fresh ones) starts another, and reading merges the runs."""

    CHUNK = 32  # small: reading merges one open chunk per sorted run (64 after a cached run)

    def __init__(self) -> None:
        self._runs: list[tuple[list[bytes], list[tuple]]] = []  # (sealed chunks, open tail) per run
        self._last: str | None = None
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def append(self, packed: tuple) -> None:
        """Add a packed result (see `pack`)."""
        path = packed[0]
        if self._last is None or path < self._last:
            self._runs.append(([], []))
        chunks, tail = self._runs[-1]
        tail.append(packed)
        if len(tail) >= self.CHUNK:
            chunks.append(zlib.compress(marshal.dumps(tuple(tail)), 1))
            tail.clear()
        self._last = path
        self._count += 1

    def __iter__(self) -> Iterator[FileResult]:
        return map(unpack, self.packed())

    def packed(self) -> Iterator[tuple]:
        """The packed results in path order."""
        runs = [self._read(chunks, tail) for chunks, tail in self._runs]
        if not runs:
            return iter(())
        return runs[0] if len(runs) == 1 else heapq.merge(*runs, key=lambda packed: packed[0])

    @staticmethod
    def _read(chunks: list[bytes], tail: list[tuple]) -> Iterator[tuple]:
        for chunk in chunks:
            yield from marshal.loads(zlib.decompress(chunk))
        yield from list(tail)


COPY_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


class RunResult:
    """All files of a run, with the totals every report needs."""

    def __init__(self, files: Iterable[FileResult] = (), guide: LoadedGuide | None = None) -> None:
        self.files = ResultStore()
        self.guide = guide  # for rule documentation in SARIF and HTML reports
        self.history: list[dict] = []  # earlier runs' summaries, oldest first
        self.out = None  # where `render` wrote the variants
        # With the results cache: what each file was when checked (display path -> stat
        # signature, content digest), the files in order, and the cache's guideline folder.
        self.inputs: dict[str, tuple] | None = None
        self.discovered: list[tuple[str, str]] = []
        self.cache_version: str | None = None
        self.copy_channels: set[str | None] = set()  # channels of the copy files (what grammar reads)
        self._counts = {severity: 0 for severity in Severity}
        self._fixable = 0
        self._notes: set[str] = set()
        self._errors: list[InputError] = []
        self._campaign_files: list[FileResult] = []
        self._scores = array("d")
        self._channel_scores: dict[str, array] = {}
        self._campaign_scores: dict[str, array] = {}
        for result in files:
            self.add(result)

    def add(self, result: FileResult) -> None:
        self.add_packed(pack(result))

    def add_packed(self, packed: tuple, checked: bool = False) -> None:
        """Add a result as `pack` makes it (the results cache hands them over unopened). A
        malformed one raises before anything is counted; `checked`: packed by this run, not
        read from the cache (its shape needs no look)."""
        if not checked:
            _check_shape(packed)
        path, findings, error, channel, campaign, notes, _, _, _, score = packed
        severities = [SEVERITIES[finding[1]] for finding in findings]
        fixable = sum(finding[11] is not None for finding in findings)
        input_error = None if error is None else InputError(*error)
        campaign_file = unpack(packed) if campaign and error is None else None
        if score is not None:
            score = float(score)
        for severity in severities:
            self._counts[severity] += 1
        self._fixable += fixable
        self._notes.update(notes)
        if input_error is not None:
            self._errors.append(input_error)
        if campaign_file is not None:
            self._campaign_files.append(campaign_file)
        if score is not None:
            self._scores.append(score)
            self._channel_scores.setdefault(channel or "base", array("d")).append(score)
            if campaign:
                self._campaign_scores.setdefault(campaign, array("d")).append(score)
        if path.lower().endswith(COPY_SUFFIXES):
            self.copy_channels.add(channel)
        self.files.append(packed)

    def note(self, text: str) -> None:
        """A note about the run itself (the cache could not be written), said once."""
        self._notes.add(text)

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        """All findings in report order, one file at a time (reports stream from this)."""
        for result in self.files:
            yield from sorted(result.findings, key=Finding.sort_key)

    def iter_json(self) -> Iterator[dict]:
        """Each finding as --format json writes it, in report order, made straight from the
        packed results: a big run's JSON report never builds Finding objects."""
        return (finding_json(*row) for row in self.iter_json_rows())

    def iter_json_rows(self) -> Iterator[tuple]:
        """The arguments of `finding_json` for each finding, in report order."""
        labels = {int(severity): severity.label for severity in Severity}
        for path, findings, *_ in self.files.packed():
            # The order of Finding.sort_key: path, line, column, rule, severity (worst first), message.
            for f in sorted(findings, key=lambda f: (f[14] or path, f[5], f[6], f[0], -f[1], f[2])):
                yield (f[14] or path, f[5], f[6], f[7], f[8], f[0], labels[f[1]], f[10], f[2], f[9], f[11], f[13])

    @property
    def fixable(self) -> int:
        return self._fixable

    @property
    def notes(self) -> list[str]:
        return sorted(self._notes)

    @property
    def input_errors(self) -> list[InputError]:
        return sorted(self._errors, key=lambda e: (e.path, e.line or 0))

    def campaigns(self) -> list[dict]:
        """The channels × facts matrix of every campaign met in this run."""
        grouped: dict[str, list[FileResult]] = {}
        for result in self._campaign_files:
            grouped.setdefault(result.campaign or "", []).append(result)
        matrix = []
        for name in sorted(grouped):
            variants = [{"path": r.path, "channel": r.channel, "locale": r.locale, "variant": r.variant,
                         "facts": dict(sorted(r.facts.items()))}
                        for r in sorted(grouped[name], key=lambda r: r.path)]
            matrix.append({"campaign": name, "variants": variants})
        return matrix

    def scores(self) -> dict:
        """Mean file score overall, per channel and per campaign (files that could be read)."""
        def mean(values: array) -> float | None:
            # fsum: the same mean whatever order the files arrived in
            return round(fsum(values) / len(values), 1) if values else None

        return {
            "score": mean(self._scores),
            "channels": {name: {"files": len(v), "score": mean(v)} for name, v in sorted(self._channel_scores.items())},
            "campaigns": {name: {"files": len(v), "score": mean(v)}
                          for name, v in sorted(self._campaign_scores.items())},
        }

    def counts(self) -> dict[Severity, int]:
        return dict(self._counts)
