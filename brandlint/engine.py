"""discovery → routing → reading → checks → suppression → sorted findings.

One pipeline for every document, hand-written or rendered. Workers get paths, not
documents; the guideline is loaded once per process.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from brandlint.discovery import COPY_SUFFIXES, discover, in_shard
from brandlint.findings import Finding, InputError, Severity
from brandlint.guide.loader import LoadedGuide
from brandlint.guide.policy import Policy, resolve
from brandlint.results import FileResult, RunResult

if TYPE_CHECKING:
    from brandlint.cache import ResultCache
    from brandlint.campaign.loader import CampaignIndex
    from brandlint.checks.consistency import Binding
    from brandlint.documents.base import Document

SERIAL_BELOW = 24  # a pool costs more than it saves on a handful of files


class Options(NamedTuple):
    channel: str | None = None
    jobs: int | None = None
    use_cache: bool = True
    shard: tuple[int, int] | None = None
    cache_dir: Path = Path(".brandlint_cache")


def logo_masters(loaded: LoadedGuide) -> frozenset[str]:
    return frozenset(os.path.realpath(loaded.root / logo.file) for logo in loaded.guide.logos.values())


class Checker:
    """Checks files against one loaded guideline; policies are resolved once per channel."""

    def __init__(self, loaded: LoadedGuide, options: Options) -> None:
        self.loaded = loaded
        self.options = options
        self._policies: dict[str | None, Policy] = {}
        self._root: str | None = None  # the guideline's folder, resolved, with a trailing separator
        self._folders: dict[str, str] = {}  # folder as given -> its real path (see _real)

    @cached_property
    def campaigns(self) -> CampaignIndex:
        """The campaigns beside the guideline, for files that name one in front matter."""
        from brandlint.campaign.loader import CampaignIndex

        return CampaignIndex(self.loaded)

    @cached_property
    def known_rules(self) -> frozenset[str]:
        """Rule ids, families and pack names a suppression directive may name."""
        from brandlint.guide.loader import rule_names

        return frozenset(rule_names(self.loaded))

    def policy(self, channel: str | None) -> Policy:
        if channel not in self._policies:
            self._policies[channel] = resolve(self.loaded, channel)
        return self._policies[channel]

    def route(self, path: Path) -> str | None:
        if not self.loaded.guide.files:
            return None
        if self._root is None:
            self._root = os.path.join(os.path.realpath(self.loaded.root), "")
        resolved = self._real(os.fspath(path))
        if not resolved.startswith(self._root):
            return None
        from brandlint.routing import channel_for

        return channel_for(resolved[len(self._root):], self.loaded.guide.files)

    def _real(self, path: str) -> str:
        """os.path.realpath, with each folder resolved once (a file in a big folder costs one
        lstat instead of one per path component)."""
        folder, name = os.path.split(path)
        if not name or name in (".", "..") or os.path.islink(path):
            return os.path.realpath(path)
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(real_folder, name)

    def read(self, path: Path | str, shown: str) -> bytes | FileResult:
        """A file's bytes, or the result that says why it cannot be checked."""
        from brandlint.documents import kind_of

        if kind_of(os.path.basename(path)) is None:
            return FileResult(shown, error=InputError(
                shown, f"not a file type brandlint checks ({', '.join(COPY_SUFFIXES)})"))
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except PermissionError:
            return FileResult(shown, error=InputError(shown, "cannot read the file: permission denied"))
        except IsADirectoryError:
            return FileResult(shown, error=InputError(shown, "is a folder"))
        except OSError as exc:
            return FileResult(shown, error=InputError(shown, f"cannot read the file: {exc.strerror}"))

    def check_file(self, path: Path | str, shown: str) -> FileResult:
        return self.checked(path, shown)[0]

    def checked(self, path: Path | str, shown: str) -> tuple[FileResult, bytes | None, tuple | None]:
        """The file's result, the digest of the content it was found in and the file's stat
        signature taken before reading (None, None when there is nothing to remember)."""
        signature = None
        if self.options.use_cache:
            from brandlint.filestate import stat_signature

            with contextlib.suppress(OSError):  # read() says why
                signature = stat_signature(path)[1]
        raw = self.read(path, shown)
        if isinstance(raw, FileResult):
            return raw, None, None
        from brandlint.filestate import content_digest

        digest = content_digest(raw) if self.options.use_cache else None
        return self.check_bytes(Path(path), shown, raw)[0], digest, signature

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
            if finding.fix is not None and any(s < finding.end and finding.start < e for s, e in doc.unfixable):
                finding.message += " (Not fixed automatically: it is the label of a reference link; change the " \
                                   "link's definition too.)"
                finding.fix = None
            finding.line, finding.column = doc.position(finding.start)
            finding.end_line, finding.end_column = doc.position(finding.end)
            finding.start, finding.end = doc.source_offset(finding.start), doc.source_offset(finding.end)
            finding.match = doc.source[finding.start:finding.end]
            if finding.fix is not None:
                finding.fix = finding.fix.keeping_breaks(finding.match)
                if not _writable(finding.fix.replacement, doc.encoding):
                    finding.message += (f" (Not fixed automatically: '{finding.fix.replacement}' cannot be written "
                                        f"in this file's encoding, {doc.encoding}.)")
                    finding.fix = None
            if binding is not None and binding.line_map and finding.line <= len(binding.line_map):
                finding.template = binding.line_map[finding.line - 1]
        findings = ctx.findings
        if doc.comments:  # where suppression directives can be
            from brandlint.suppress import directives, suppress, unknown_names

            found = directives(doc)
            findings = suppress(doc, findings, found)
            if found or any("brandlint-" in comment.body for comment in doc.comments):
                ctx.notes.update(unknown_names(doc, found, self.known_rules))
        findings = sorted(findings, key=Finding.sort_key)
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


def _writable(text: str, encoding: str) -> bool:
    """Can a fix be written back in the file's own encoding (CP949 cannot hold é)?"""
    if text.isascii() or encoding.lower().replace("-", "").startswith("utf"):
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


_WORKER: Checker | None = None


def _packed(checked: tuple[FileResult, bytes | None, tuple | None]) -> tuple[tuple, bytes | None, tuple | None]:
    from brandlint.results import pack

    return pack(checked[0]), checked[1], checked[2]


def _work(item: tuple[str, str]) -> tuple[tuple, bytes | None, tuple | None]:
    """A worker's answer: packed (plain tuples pickle in a fraction of the time of Finding
    objects, and the parent adds them as they come)."""
    assert _WORKER is not None
    return _packed(_WORKER.checked(*item))


def check_paths(loaded: LoadedGuide, paths: list[str], options: Options,
                progress: Callable[[int, int], None] | None = None) -> RunResult:
    files = [item for item in discover(paths, logo_masters(loaded)) if in_shard(item[1], options.shard)]
    checker = Checker(loaded, options)
    jobs = options.jobs or os.cpu_count() or 1
    result = RunResult(guide=loaded)
    cache = None
    pending = files
    if options.use_cache:
        from brandlint.cache import DAMAGED, ResultCache

        cache = ResultCache(options.cache_dir, loaded.fingerprint, options.channel)
        # What each file was when checked (display path -> signature, digest): an unchanged
        # re-run is answered from the run's record when every file is still the same.
        result.inputs = {}
        result.discovered, result.cache_version = files, str(cache.version)
        if not cache.empty:
            # Unchanged files are answered here; only the others go to the workers.
            pending = []
            for item, found in cache.unchanged_many(files):
                if found is not None:
                    packed, digest, signature = found
                    try:
                        result.add_packed(packed)
                        result.inputs[item[1]] = (signature, digest)
                    except (ValueError, TypeError, IndexError, KeyError):
                        cache.forget(item[1])
                        found = None
                if found is None:
                    pending.append(item)
                elif progress:
                    progress(len(result.files), len(files))
            pending.sort(key=lambda item: item[1])  # workers answer in path order
    if len(pending) >= SERIAL_BELOW:
        from brandlint.checks.terms import CaselessPhrases

        CaselessPhrases.expect_many_texts()
    if jobs <= 1 or len(pending) < SERIAL_BELOW:
        _gather(result, (_packed(checker.checked(*item)) for item in pending), cache, len(files), progress)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WORKER
        _WORKER = checker  # inherited by forked workers: the guideline is parsed once
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            chunk = max(1, min(64, len(pending) // (jobs * 8)))
            # Results come back in path order and are packed as they arrive.
            _gather(result, pool.map(_work, pending, chunksize=chunk), cache, len(files), progress)
        _WORKER = None
    if cache is not None:
        note = cache.flush()
        for said in (note, DAMAGED.format(folder=cache.folder.as_posix()) if cache.damaged else None):
            if said:
                result.note(said)
    return result


def _gather(result: RunResult, fresh: Iterable[tuple[tuple, bytes | None, tuple | None]],
            cache: ResultCache | None, total: int, progress: Callable[[int, int], None] | None) -> None:
    for packed, digest, signature in fresh:
        result.add_packed(packed, checked=True)
        path, notes = packed[0], packed[5]
        # A result that says a check could not run (no LanguageTool server, no Korean
        # analyser) is not remembered: the next run tries again.
        if cache is not None and digest is not None and not notes:
            cache.put(path, digest, signature, packed)
        if result.inputs is not None and digest is not None:
            result.inputs[path] = (signature, digest)
        if progress:
            progress(len(result.files), total)
