"""An unchanged re-run, answered from the record of the same run, before anything heavy loads.

`brandlint check` with the results cache on leaves a record of the run in
`.brandlint_cache/runs/`: what it printed, its exit status, and what it depended on — the
guideline and the files its fingerprint covers, the files found, and what each of them was
when checked (stat signature and content digest, as in brandlint.filestate). The record is
named by a digest of the command line, the current folder, brandlint's code and the
environment that changes output.

The same command run again first looks for its record. It walks the same folders, finds the
guideline the same way, and compares every file (by signature when it had settled, else by
content). Only if nothing changed does it print the recorded output and exit with the
recorded status; on any doubt it falls through to the full run, which uses the per-file
cache. Importing this module and everything it needs costs about a millisecond: no click,
no parser, no guideline model.

A run is recorded only when replaying it is safe and exact: no colours (the output went to
a pipe, a file or --no-color), no notes (a check that could not run is tried again), no
input errors, no --history (each run appends to it).
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib

from brandlint import __version__

TYPE_CHECKING = False  # typing itself costs a couple of milliseconds to import
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

FOLDER = ".brandlint_cache"  # engine.Options.cache_dir, relative to the current folder
RUNS = "runs"
MAGIC = b"brandlint-run-2\n"
KEEP_RUNS = 64  # records kept (one per distinct command line and folder), newest first
# Environment variables that change the bytes a run prints (with environment.AFFECTING_RESULTS,
# which change its findings: the LanguageTool server).
ENVIRONMENT = ("NO_COLOR", "PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LC_CTYPE", "LANG")

# The command line of this process, set by brandlint.entry: only a run started from the
# entry point is recorded (not one invoked in-process, as tests do with click's runner).
ARGV: list[str] | None = None


def run_key(argv: list[str]) -> str:
    from brandlint.environment import AFFECTING_RESULTS
    from brandlint.filestate import blake2b
    from brandlint.resources import code_stamp

    names = sorted(set(ENVIRONMENT) | set(AFFECTING_RESULTS))
    parts = (__version__, code_stamp(), sys.version, os.getcwd(), tuple(argv),
             tuple(os.environ.get(name) for name in names), _isatty(sys.stdout), _isatty(sys.stderr))
    # repr, not marshal: marshal writes equal values differently depending on object identity
    return blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _record_path(key: str) -> str:
    return os.path.join(FOLDER, RUNS, key + ".run")


def replay(argv: list[str]) -> None:
    """Print the recorded output and exit with the recorded status if this exact run was
    recorded and nothing it depends on changed; otherwise return (and the full run runs)."""
    if not argv or argv[0] != "check":
        return
    try:
        path = _record_path(run_key(argv))
        record = _load(path)
        if record is None or not _still_true(record):
            return
    except Exception:  # any doubt (a damaged record, a file gone mid-look): the full run decides
        return
    _emit(record, path)


def _load(path: str) -> dict | None:
    """A record: MAGIC, a CRC-32 of the rest, the length of the marshalled facts, the facts,
    then the bytes the run wrote to stdout (kept as bytes: written back as they are)."""
    try:
        with open(path, "rb") as handle:
            # Mapped, not read: a fresh process pays a page fault a page for a 2 MB read buffer,
            # a tenth of the whole replay; the page cache can be used as it is.
            import mmap

            data = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    head = len(MAGIC)
    if data[:head] != MAGIC or int.from_bytes(data[head:head + 4], "big") != zlib.crc32(data[head + 4:]):
        return None
    size = int.from_bytes(data[head + 4:head + 8], "big")
    record = marshal.loads(data[head + 8:head + 8 + size])
    if not isinstance(record, dict):
        return None
    record["stdout"] = data[head + 8 + size:]
    return record


def _still_true(record: dict) -> bool:
    from brandlint.discovery import discover, in_shard
    from brandlint.errors import BrandlintError
    from brandlint.filestate import unchanged
    from brandlint.locate import campaign_paths, guide_path

    targets = record["targets"]
    try:
        guide = os.path.realpath(guide_path(record["guide_option"], targets))
    except BrandlintError:
        return False
    if guide != record["guide"]:
        return False
    for path, signature, digest in record["dependencies"]:
        if not unchanged(path, signature, digest):
            return False
    if campaign_paths(os.path.dirname(guide), record["campaign_patterns"]) != record["campaigns"]:
        return False
    if [os.path.realpath(path) for path in record["masters"]] != record["master_paths"]:
        return False
    if [os.path.realpath(path) for path in targets] != record["target_paths"]:
        return False  # a folder given through a link that now points elsewhere
    try:
        found = discover(targets, frozenset(record["master_paths"]))
    except BrandlintError:
        return False
    shard = record["shard"]
    files = [item for item in found if in_shard(item[1], shard)] if shard else found
    if files != record["files"]:
        return False
    inputs = record["inputs"]
    for path, shown in files:
        signature, digest = inputs[shown]
        if not unchanged(path, signature, digest):
            return False
    return True


def _emit(record: dict, path: str) -> None:
    status = record["status"]
    try:
        if record["output"] is not None:
            from brandlint.atomic import write_text_atomically

            write_text_atomically(record["output"][0], record["output"][1])
        sys.stdout.flush()
        sys.stdout.buffer.write(record["stdout"])
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except OSError:
        return  # the report could not be written: the full run says why
    sys.stderr.write(record["stderr"])
    for used in (record["cache_version"], path):
        # recently used: pruned last (no contextlib: it costs 2 ms to import, a tenth of a replay)
        try:  # noqa: SIM105
            os.utime(used)
        except (OSError, TypeError):
            pass
    sys.exit(status)


class Recorder:
    """What a `check` run prints, kept to be recorded once the run is known to be replayable."""

    def __init__(self) -> None:
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.output: tuple[str, list[str]] | None = None  # --output: the file, and what went into it

    @staticmethod
    def tee(pieces: Iterable[str], sink: list[str]) -> Iterator[str]:
        for piece in pieces:
            sink.append(piece)
            yield piece

    def save(self, argv: list[str], targets: list[str], guide_option: str | None,
             shard: tuple[int, int] | None, result, status: int) -> None:  # type: ignore[no-untyped-def]
        """Write the record (atomically; quietly not, when the folder cannot be written)."""
        if result.inputs is None or result.cache_version is None:
            return
        loaded = result.guide
        masters = [str(loaded.root / logo.file) for _, logo in sorted(loaded.guide.logos.items())]
        output = None
        if self.output is not None:
            output = (self.output[0], "".join(self.output[1]))
        record = {
            "targets": list(targets), "guide_option": guide_option, "guide": os.path.realpath(loaded.path),
            "dependencies": [tuple(state) for state in loaded.dependencies],
            "campaign_patterns": list(loaded.guide.campaigns),
            "campaigns": list(loaded.campaign_files),
            "masters": masters, "master_paths": [os.path.realpath(path) for path in masters],
            "target_paths": [os.path.realpath(path) for path in targets],
            "shard": shard, "files": list(result.discovered), "inputs": dict(result.inputs),
            "stderr": "".join(self.stderr), "output": output,
            "status": status, "cache_version": result.cache_version,
        }
        if any(shown not in record["inputs"] for _, shown in record["files"]):
            return  # a file that could not be read: nothing to compare it with next time
        facts = marshal.dumps(record)
        try:  # as the text stream would have encoded it (the encoding settings are in the key)
            stdout = "".join(self.stdout).encode(sys.stdout.encoding, sys.stdout.errors or "strict")
        except (AttributeError, LookupError, UnicodeError):
            return
        payload = len(facts).to_bytes(4, "big") + facts + stdout
        from brandlint.atomic import write_atomically

        path = _record_path(run_key(argv))
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomically(path, MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload, durable=False)
            _prune(os.path.dirname(path))
        except (OSError, ValueError):
            pass


def _prune(folder: str) -> None:
    """Keep the KEEP_RUNS most recently used records (a pre-commit hook makes a new one for
    every set of staged files)."""
    with os.scandir(folder) as listing:
        records = [(entry.stat().st_mtime_ns, entry.path) for entry in listing if entry.name.endswith(".run")]
    for _, path in sorted(records, reverse=True)[KEEP_RUNS:]:
        try:  # noqa: SIM105 (as above)
            os.unlink(path)
        except OSError:
            pass
