"""`brandlint fix`: apply safe fixes, re-lint until stable, write atomically.

Only the matched spans change; encoding, BOM and line endings stay as they were. A file
that changed on disk while we worked, or that is read-only, is left alone.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from brandlint.atomic import write_atomically, write_text_atomically  # noqa: F401 (re-exported)
from brandlint.engine import Checker, FileResult, Options, RunResult, discover, in_shard, logo_masters
from brandlint.findings import Finding
from brandlint.guide.loader import LoadedGuide

MAX_PASSES = 10
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


@dataclass
class FixOutcome:
    result: RunResult
    applied: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def apply_fixes(source: str, findings: list[Finding], nfd: bool = False) -> tuple[str, int]:
    """Apply non-overlapping fixes (earliest first); overlapping ones wait for the next pass.

    In a file written in NFD (decomposed Hangul), replacements are written in NFD too.
    """
    edits = sorted((f for f in findings if f.fix is not None), key=lambda f: (f.start, f.end))
    out, last, applied = [], 0, 0
    for finding in edits:
        if finding.start < last or source[finding.start:finding.end] != finding.match:
            continue
        out.append(source[last:finding.start])
        replacement = finding.fix.replacement  # type: ignore[union-attr]
        out.append(unicodedata.normalize("NFD", replacement) if nfd else replacement)
        last = finding.end
        applied += 1
    out.append(source[last:])
    return "".join(out), applied


def encode(doc, text: str) -> bytes:
    return (BOMS.get(doc.encoding, b"") if doc.bom else b"") + text.encode(doc.encoding)


def fix_paths(loaded: LoadedGuide, paths: list[str], options: Options) -> FixOutcome:
    checker = Checker(loaded, Options(channel=options.channel, use_cache=False))
    outcome = FixOutcome(RunResult(guide=loaded))
    for path, shown in discover(paths, logo_masters(loaded)):  # the approved logo is no creative
        if not in_shard(shown, options.shard):
            continue
        outcome.result.add(_fix_file(checker, Path(path), shown, outcome))
    return outcome


def _fix_file(checker: Checker, path: Path, shown: str, outcome: FixOutcome) -> FileResult:
    result = checker.check_file(path, shown)
    if result.error is not None or not any(f.fix for f in result.findings):
        return result
    original = path.read_bytes()
    raw, total = original, 0
    for _ in range(MAX_PASSES):
        result, doc = checker.check_bytes(path, shown, raw)
        if doc is None:
            break
        text, applied = apply_fixes(doc.source, result.findings, nfd=doc.nfd)
        if not applied:
            break
        total += applied
        raw = encode(doc, text)
    if raw == original:
        return result
    # Mode bits as well as access(): root may write anything, but a file marked
    # read-only was marked so on purpose.
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        outcome.skipped.append(f"{shown}: read-only; {total} fix(es) not applied")
        return checker.check_bytes(path, shown, original)[0]
    if path.read_bytes() != original:
        outcome.skipped.append(f"{shown}: changed on disk while fixing; left untouched")
        return checker.check_file(path, shown)
    try:
        write_atomically(path, raw)
    except OSError as exc:  # a folder that cannot take the temporary file, a full disk
        outcome.skipped.append(f"{shown}: cannot be written ({exc.strerror or exc}); {total} fix(es) not applied")
        return checker.check_bytes(path, shown, original)[0]
    outcome.applied[shown] = total
    return result
