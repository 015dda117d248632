"""discovery → routing → reading → checks → suppression → sorted findings.

One pipeline for every document, hand-written or rendered. Workers get paths, not
documents; the guideline is loaded once per process.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brandlint.errors import UsageError
from brandlint.findings import Finding, InputError, Severity
from brandlint.guide.loader import LoadedGuide, display
from brandlint.guide.policy import Policy, resolve

if TYPE_CHECKING:
    from brandlint.cache import ResultCache
    from brandlint.checks.consistency import Binding
    from brandlint.documents.base import Document

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".brandlint_cache", "__pycache__", ".venv",
             "venv", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
# Files a folder walk picks up; an explicitly named file of another type is reported.
COPY_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".css", ".svg", ".png", ".jpg", ".jpeg", ".webp")
SERIAL_BELOW = 24  # a pool costs more than it saves on a handful of files


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


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    guide: LoadedGuide | None = None  # for rule documentation in SARIF and HTML reports
    history: list[dict] = field(default_factory=list)  # earlier runs' summaries, oldest first
    out: Path | None = None  # where `render` wrote the variants

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        """All findings in report order, one file at a time (reports stream from this)."""
        import heapq

        return heapq.merge(*(sorted(result.findings, key=Finding.sort_key) for result in self.files),
                           key=Finding.sort_key)

    @property
    def notes(self) -> list[str]:
        return sorted({note for result in self.files for note in result.notes})

    @property
    def input_errors(self) -> list[InputError]:
        return sorted((r.error for r in self.files if r.error), key=lambda e: (e.path, e.line or 0))

    def campaigns(self) -> list[dict]:
        """The channels × facts matrix of every campaign met in this run."""
        grouped: dict[str, list[FileResult]] = {}
        for result in self.files:
            if result.campaign and result.error is None:
                grouped.setdefault(result.campaign, []).append(result)
        matrix = []
        for name in sorted(grouped):
            variants = [{"path": r.path, "channel": r.channel, "locale": r.locale, "variant": r.variant,
                         "facts": dict(sorted(r.facts.items()))}
                        for r in sorted(grouped[name], key=lambda r: r.path)]
            matrix.append({"campaign": name, "variants": variants})
        return matrix

    def scores(self) -> dict:
        """Mean file score overall, per channel and per campaign (files that could be read)."""
        def mean(values: list[float]) -> float | None:
            return round(sum(values) / len(values), 1) if values else None

        scored = [r for r in self.files if r.score is not None]
        channels: dict[str, list[float]] = {}
        campaigns: dict[str, list[float]] = {}
        for r in scored:
            channels.setdefault(r.channel or "base", []).append(r.score)  # type: ignore[arg-type]
            if r.campaign:
                campaigns.setdefault(r.campaign, []).append(r.score)  # type: ignore[arg-type]
        return {
            "score": mean([r.score for r in scored]),  # type: ignore[misc]
            "channels": {name: {"files": len(v), "score": mean(v)} for name, v in sorted(channels.items())},
            "campaigns": {name: {"files": len(v), "score": mean(v)} for name, v in sorted(campaigns.items())},
        }

    def counts(self) -> dict[Severity, int]:
        counts = {severity: 0 for severity in Severity}
        for result in self.files:
            for finding in result.findings:
                counts[finding.severity] += 1
        return counts


@dataclass(frozen=True)
class Options:
    channel: str | None = None
    jobs: int | None = None
    use_cache: bool = True
    shard: tuple[int, int] | None = None
    cache_dir: Path = Path(".brandlint_cache")


def discover(paths: Iterable[str]) -> list[tuple[Path, str]]:
    """Files to check, sorted by their display path; folders recurse, links are not followed."""
    found: dict[str, Path] = {}
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file or folder: {given}")
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                # One display prefix per folder: relpath for every file is most of the walk.
                shown_root = display(Path(root).absolute())
                prefix = "" if shown_root == "." else shown_root.rstrip("/") + "/"
                for name in sorted(files):
                    if not name.lower().endswith(COPY_SUFFIXES):
                        continue
                    candidate = os.path.join(root, name)
                    if not os.path.islink(candidate) and not _own_report(candidate):
                        found.setdefault(prefix + name, Path(candidate))
        else:
            found.setdefault(display(path.absolute()), path)
    return [(found[key], key) for key in sorted(found)]


def _own_report(path: str) -> bool:
    """An HTML report brandlint wrote earlier (into the folder it checks)."""
    if not path.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as handle:
            return b'<meta name="generator" content="brandlint">' in handle.read(512)
    except OSError:
        return False


def in_shard(display_path: str, shard: tuple[int, int] | None) -> bool:
    """Deterministic split by a hash of the path, stable as files come and go."""
    if shard is None:
        return True
    index, count = shard
    return zlib.crc32(display_path.encode("utf-8")) % count == index - 1


class Checker:
    """Checks files against one loaded guideline; policies are resolved once per channel."""

    def __init__(self, loaded: LoadedGuide, options: Options) -> None:
        from brandlint.campaign.loader import CampaignIndex

        self.loaded = loaded
        self.options = options
        self._policies: dict[str | None, Policy] = {}
        self.campaigns = CampaignIndex(loaded)
        self._results_cache: ResultCache | None = None

    def policy(self, channel: str | None) -> Policy:
        if channel not in self._policies:
            self._policies[channel] = resolve(self.loaded, channel)
        return self._policies[channel]

    def route(self, path: Path) -> str | None:
        try:
            relative = path.resolve().relative_to(self.loaded.root.resolve()).as_posix()
        except ValueError:
            return None
        from brandlint.routing import channel_for

        return channel_for(relative, self.loaded.guide.files)

    def check_file(self, path: Path, shown: str) -> FileResult:
        from brandlint.documents import kind_of

        kind = kind_of(path.name)
        if kind is None:
            return FileResult(shown, error=InputError(
                shown, f"not a file type brandlint checks ({', '.join(COPY_SUFFIXES)})"))
        try:
            raw = path.read_bytes()
        except PermissionError:
            return FileResult(shown, error=InputError(shown, "cannot read the file: permission denied"))
        except IsADirectoryError:
            return FileResult(shown, error=InputError(shown, "is a folder"))
        except OSError as exc:
            return FileResult(shown, error=InputError(shown, f"cannot read the file: {exc.strerror}"))
        cache = self._cache()
        if cache is None:
            return self.check_bytes(path, shown, raw)[0]
        cached = cache.get(shown, self.options.channel, raw)
        if cached is not None:
            return cached
        from brandlint.cache import DAMAGED

        damaged = cache.damaged
        result, _ = self.check_bytes(path, shown, raw)
        note = cache.put(shown, self.options.channel, raw, result)
        # Said after storing, so a cache note never becomes part of a cached result.
        for said in (note, DAMAGED.format(folder=cache.folder.as_posix()) if damaged else None):
            if said and said not in result.notes:
                result.notes = sorted([*result.notes, said])
        return result

    def _cache(self) -> ResultCache | None:
        if not self.options.use_cache:
            return None
        if self._results_cache is None:
            from brandlint.cache import ResultCache

            self._results_cache = ResultCache(self.options.cache_dir, self.loaded.fingerprint)
        return self._results_cache

    def cached(self, path: Path, shown: str) -> FileResult | None:
        """The stored result for a file whose content has not changed, if there is one."""
        cache = self._cache()
        if cache is None:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            return None  # check_file reports it
        return cache.get(shown, self.options.channel, raw)

    def check_bytes(self, path: Path, shown: str, raw: bytes, binding: Binding | None = None,
                    channel: str | None = None) -> tuple[FileResult, object | None]:
        """Check a file's content (which `fix` may hold in memory); also returns the Document.

        A rendered campaign variant comes with its channel and its campaign binding."""
        from brandlint.documents import DocumentError, kind_of, parse_document

        routed = channel or self.route(path)
        fallbacks = tuple(e for e in (self.loaded.guide.encoding,
                                      self.policy(routed).encoding if routed else None) if e)
        try:
            doc = parse_document(shown, raw, kind_of(path.name) or "text", fallbacks)
            return self._check_document(doc, routed, binding, forced=channel), doc
        except DocumentError as exc:
            return FileResult(shown, error=InputError(shown, exc.message, exc.line, exc.column)), None

    def _check_document(self, doc: Document, routed: str | None, binding: Binding | None = None,
                        forced: str | None = None) -> FileResult:
        from brandlint.checks.base import Context
        from brandlint.checks.registry import run_checks
        from brandlint.documents import DocumentError
        from brandlint.lang.detect import block_language
        from brandlint.suppress import suppress

        front = doc.front_matter
        channel = forced or self.options.channel
        if channel is None and "channel" in front:
            channel = front["channel"]
            if channel not in self.loaded.guide.channels:
                line, column = front["_positions"]["channel"]
                known = ", ".join(sorted(self.loaded.guide.channels)) or "none defined"
                raise DocumentError(f"front matter names unknown channel `{channel}` (channels: {known})",
                                    doc.path, line, column)
        elif channel is None:
            channel = routed
        policy = self.policy(channel)
        language = front.get("language") or (binding.locale if binding else None) or policy.language
        if language not in ("en", "ko", "auto"):
            line, column = front["_positions"]["language"]
            raise DocumentError(f"front matter: language must be en, ko or auto, not `{language}`",
                                doc.path, line, column)
        doc.channel, doc.language, doc.campaign = channel, language, front.get("campaign")
        for block in doc.blocks:
            block.language = block_language(block.text, language)
        if binding is None and doc.campaign:
            binding = self._binding(doc, language)
        ctx = Context(doc, policy, campaign=binding)
        run_checks(ctx)
        for finding in ctx.findings:
            finding.line, finding.column = doc.position(finding.start)
            finding.end_line, finding.end_column = doc.position(finding.end)
            finding.start, finding.end = doc.source_offset(finding.start), doc.source_offset(finding.end)
            finding.match = doc.source[finding.start:finding.end]
            if binding is not None and binding.line_map and finding.line <= len(binding.line_map):
                finding.template = binding.line_map[finding.line - 1]
        findings = sorted(suppress(doc, ctx.findings), key=Finding.sort_key)
        weights = policy.scoring
        cost = sum({Severity.ERROR: weights.error, Severity.WARNING: weights.warning,
                    Severity.SUGGESTION: weights.suggestion}[f.severity] for f in findings)
        result = FileResult(doc.path, findings, channel=channel, notes=sorted(ctx.notes),
                            score=max(0.0, 100.0 - cost))
        if binding is not None:
            result.campaign, result.locale = binding.campaign, binding.locale
            result.variant, result.facts = binding.variant, dict(binding.states)
        return result

    def _binding(self, doc: Document, language: str) -> Binding:
        """Hold a hand-written file that names a campaign in front matter to its facts."""
        from brandlint.checks.consistency import Binding
        from brandlint.documents import DocumentError

        campaign = self.campaigns.get(doc.campaign or "")
        if campaign is None:
            line, column = doc.front_matter["_positions"]["campaign"]
            known = ", ".join(self.campaigns.names()) or "none found beside the guideline"
            raise DocumentError(f"front matter names unknown campaign `{doc.campaign}` (campaigns: {known})",
                                doc.path, line, column)
        if language not in ("en", "ko"):
            korean = sum(1 for block in doc.blocks if block.language == "ko")
            language = "ko" if korean * 2 > len(doc.blocks) else "en"
        return Binding(campaign.name, language, campaign.facts_for(language), campaign.year, doc.path)


_WORKER: Checker | None = None


def _work(item: tuple[Path, str]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.check_file(*item)


def _compact(result: FileResult) -> FileResult:
    """Share the strings findings repeat (rule ids, messages, matched text) across files: a
    result that came from a worker holds copies of its own, which add up on a huge run."""
    from sys import intern

    for finding in result.findings:
        finding.path = result.path
        finding.rule = intern(finding.rule)
        finding.message = intern(finding.message)
        finding.match = intern(finding.match)
        if finding.channel is not None:
            finding.channel = intern(finding.channel)
    return result


def check_paths(loaded: LoadedGuide, paths: list[str], options: Options,
                progress: Callable[[int, int], None] | None = None) -> RunResult:
    files = [item for item in discover(paths) if in_shard(item[1], options.shard)]
    checker = Checker(loaded, options)
    jobs = options.jobs or os.cpu_count() or 1
    results: list[FileResult] = []
    pending = files
    if options.use_cache:
        # Unchanged files are answered here; only the others go to the workers.
        pending = []
        for item in files:
            hit = checker.cached(*item)
            if hit is None:
                pending.append(item)
            else:
                results.append(hit)
                if progress:
                    progress(len(results), len(files))
    if jobs <= 1 or len(pending) < SERIAL_BELOW:
        for item in pending:
            results.append(checker.check_file(*item))
            if progress:
                progress(len(results), len(files))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WORKER
        _WORKER = checker  # inherited by forked workers: the guideline is parsed once
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            chunk = max(1, min(64, len(pending) // (jobs * 8)))
            for result in pool.map(_work, pending, chunksize=chunk):
                results.append(_compact(result))
                if progress:
                    progress(len(results), len(files))
        _WORKER = None
    results.sort(key=lambda r: r.path)
    return RunResult(results, guide=loaded)
