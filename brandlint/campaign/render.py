"""Render every channel variant of a campaign from Jinja templates, safely.

Templates run in Jinja's immutable sandbox with undefined variables as errors. Every
variant is rendered in memory first; files are written (atomically, with a manifest)
only when all of them rendered, so a mistake never leaves half a campaign behind.

Each line of template text is tagged with an invisible marker before compiling; after
rendering, the markers are removed and tell which template line produced each output
line, so a finding in `out/sms.ko.txt:2` can also say `templates/sms.txt.j2:5`.
"""

from __future__ import annotations

import json
import os
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brandlint.campaign.loader import LoadedCampaign
from brandlint.campaign.templates import EXTENSIONS, find_template, template_folders
from brandlint.errors import GuideError, UsageError
from brandlint.guide.loader import LoadedGuide, display
from brandlint.resources import builtin_dir

# Private-use characters: not white space, so Jinja's {%- -%} trimming never eats them.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
MARK_RE = re.compile(f"{MARK_OPEN}(\\d+):(\\d+){MARK_CLOSE}")
# A template that loops a million times is a mistake (or an attack): stop at this size.
MAX_OUTPUT_CHARS = 2_000_000
MANIFEST = "manifest.json"


@dataclass
class Variant:
    channel: str
    locale: str
    recipient: str | None
    template: str  # display path of the template
    filename: str
    text: str = ""
    line_map: list[str | None] = field(default_factory=list)
    fact_overrides: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        who = f", {self.recipient}" if self.recipient else ""
        return f"{self.channel} ({self.locale}{who})"


def _tag_lines(source: str, template_id: int) -> str:
    """Insert a marker before the first character of each line of template text (not
    inside {{ }}, {% %} or {# #}), after its indentation so whitespace control behaves
    exactly as before."""
    out: list[str] = []
    i, n, line = 0, len(source), 1
    at_line_start = True
    while i < n:
        if source.startswith(("{{", "{%", "{#"), i):
            closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[source[i:i + 2]]
            if at_line_start and source[i:i + 2] == "{{":
                out.append(f"{MARK_OPEN}{template_id}:{line}{MARK_CLOSE}")
            end = source.find(closer, i + 2)
            end = n if end < 0 else end + 2
            chunk = source[i:end]
            out.append(chunk)
            line += chunk.count("\n")
            at_line_start = False
            i = end
            if source.startswith(("{% raw %}", "{%raw%}", "{%- raw %}"), i - len(chunk)):
                close = source.find("endraw", i)
                close = n if close < 0 else source.find("%}", close) + 2
                raw_chunk = source[i:close]
                out.append(raw_chunk)
                line += raw_chunk.count("\n")
                i = close
            continue
        ch = source[i]
        if ch == "\n":
            out.append(ch)
            line += 1
            at_line_start = True
            i += 1
            continue
        if at_line_start and ch not in " \t":
            out.append(f"{MARK_OPEN}{template_id}:{line}{MARK_CLOSE}")
            at_line_start = False
        out.append(ch)
        i += 1
    return "".join(out)


def _untag(text: str, names: list[str]) -> tuple[str, list[str | None]]:
    """Remove the markers; for each output line, the template line that produced it."""
    lines = text.split("\n")
    clean, mapping = [], []
    last: str | None = None
    for line in lines:
        first = MARK_RE.search(line)
        if first:
            last = f"{names[int(first.group(1))]}:{first.group(2)}"
        mapping.append(last)
        clean.append(MARK_RE.sub("", line))
    return "\n".join(clean), mapping


def _escapes_html(name: str | None) -> bool:
    """Autoescape HTML and XML templates. Jinja's select_autoescape looks at the last
    extension only, and ours all end in .j2 (website.html.j2)."""
    return bool(name) and name.lower().removesuffix(".j2").endswith((".html", ".htm", ".xml", ".svg"))


class _Environment:
    """A sandboxed Jinja environment over the brand's templates, then the built-in ones."""

    def __init__(self, search: list[Path]) -> None:
        from jinja2 import FileSystemLoader, StrictUndefined
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        from brandlint.campaign.filters import FILTERS

        self.names: list[str] = []
        env = self

        class TaggingLoader(FileSystemLoader):
            def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
                source, filename, uptodate = super().get_source(environment, template)
                env.names.append(_portable(display(Path(filename))))
                return _tag_lines(source, len(env.names) - 1), filename, uptodate

        self.jinja = ImmutableSandboxedEnvironment(
            loader=TaggingLoader([str(p) for p in search]),
            undefined=StrictUndefined,
            autoescape=_escapes_html,
            keep_trailing_newline=True,
        )
        self.jinja.filters.update(FILTERS)


def _template_for(channel: str, locale: str, search: list[Path], explicit: Path | None) -> tuple[Path, str]:
    if explicit is not None:
        return explicit, explicit.name
    found = find_template(channel, locale, search)
    if found is not None:
        return found, found.name
    raise GuideError(f"no template for channel `{channel}`: add templates/{channel}.txt.j2 (or .html.j2, .md.j2) "
                     "beside the guideline")


def _extension(template_name: str) -> str:
    parts = template_name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in EXTENSIONS else "txt"


def plan_variants(guide: LoadedGuide, campaign: LoadedCampaign) -> list[Variant]:
    model = campaign.campaign
    search = template_folders(guide.root)
    variants = []
    for channel, plan in model.plans().items():
        # A channel the guideline does not define (but a template does) has no language of its own.
        defined = guide.guide.channels.get(channel)
        language = defined.language if defined is not None else None
        locales = plan.locales or ([language] if language in ("en", "ko") else list(model.locales))
        explicit = (campaign.path.parent / plan.template).resolve() if plan.template else None
        if explicit is not None and not explicit.is_relative_to(campaign.path.parent.resolve()):
            raise campaign.source.error(f"template `{plan.template}` is outside the campaign's folder; templates "
                                        "must live beside the campaign or the guideline",
                                        ("channels", channel, "template"))
        if explicit is not None and not explicit.is_file():
            raise campaign.source.error(f"template `{plan.template}` not found", ("channels", channel, "template"))
        for locale in locales:
            path, name = _template_for(channel, locale, search, explicit)
            ext = _extension(name)
            records = [None]
            if model.audience and channel in model.audience.channels:
                records = list(model.audience.records)
            for record in records:
                recipient = str(record["id"]) if record else None
                filename = f"{channel}.{locale}" + (f".{recipient}" if recipient else "") + f".{ext}"
                variant = Variant(channel, locale, recipient, display(path), filename)
                variant.fact_overrides = dict(record.get("facts", {})) if record else {}
                variants.append(variant)
    return variants


def render_variants(guide: LoadedGuide, campaign: LoadedCampaign) -> list[Variant]:
    """Render every variant in memory; any template mistake raises a located GuideError."""
    model = campaign.campaign
    variants = plan_variants(guide, campaign)
    explicit_dirs = {str((campaign.path.parent / p.template).resolve().parent)
                     for p in model.plans().values() if p.template}
    search = [guide.root / "templates", *map(Path, sorted(explicit_dirs)), builtin_dir("templates")]
    environment = _Environment([p for p in search if p.is_dir()])
    core = _guideline_context(guide)
    for variant in variants:
        plan = model.plans()[variant.channel]
        record = next((r for r in (model.audience.records if model.audience else [])
                       if str(r.get("id")) == variant.recipient), None)
        facts = {name: _localised(raw, variant.locale) for name, raw in model.facts.items()}
        facts.update({k: _localised(v, variant.locale) for k, v in variant.fact_overrides.items()})
        context: dict[str, Any] = {**core, **model.data, **model.translations.get(variant.locale, {}), **plan.data}
        context.update(facts=facts, locale=variant.locale, channel=variant.channel, campaign=model.campaign,
                       year=campaign.year)
        if record is not None:
            context["recipient"] = record
        template_name = Path(variant.template).name
        variant.text, variant.line_map = _render(environment, template_name, variant, context)
        if "\x00" in variant.text:
            line = variant.text.count("\n", 0, variant.text.index("\x00"))
            where = variant.line_map[line] if line < len(variant.line_map) and variant.line_map[line] else None
            path, _, number = (where or variant.template).partition(":")
            raise GuideError(f"the {variant.label} variant contains a NUL character; copy cannot hold one",
                             path, int(number) if number else None)
    return variants


def _guideline_context(guide: LoadedGuide) -> dict[str, Any]:
    """What templates see of the guideline: the brand name and, when there is one, the tagline
    (SPEC §1 `message.tagline`). Campaign data of the same name overrides them."""
    context: dict[str, Any] = {"brand": guide.guide.brand}
    if guide.guide.message.tagline:
        context["tagline"] = guide.guide.message.tagline
    return context


def _localised(raw: Any, locale: str) -> Any:
    if isinstance(raw, dict) and "value" in raw:
        raw = raw["value"]
    if isinstance(raw, dict) and raw and set(raw) <= {"en", "ko"}:
        return raw.get(locale, raw.get("en"))
    return raw


def _render(environment: _Environment, name: str, variant: Variant, context: dict[str, Any]) -> tuple[str, list]:
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    try:
        template = environment.jinja.get_template(name)
        pieces, size = [], 0
        for piece in template.generate(**context):
            size += len(piece)
            if size > MAX_OUTPUT_CHARS:
                raise GuideError(f"the {variant.channel} template produced more than {MAX_OUTPUT_CHARS:,} "
                                 "characters; a loop runs away?", variant.template)
            pieces.append(piece)
    except TemplateSyntaxError as exc:
        where = display(Path(exc.filename)) if exc.filename else variant.template
        raise GuideError(f"template syntax error: {exc.message}", where, exc.lineno) from None
    except TemplateNotFound as exc:
        raise GuideError(f"template not found: {exc.name}", variant.template) from None
    except UndefinedError as exc:
        where, line = _template_line(exc, variant.template)
        raise GuideError(f"undefined variable in the {variant.label} variant: {exc.message}", where, line,
                         _name_column(where, line, exc.message or "")) from None
    except SecurityError as exc:
        where, line = _template_line(exc, variant.template)
        raise GuideError(f"template refused by the sandbox: {exc}; templates cannot reach Python internals",
                         where, line) from None
    except GuideError:
        raise
    except Exception as exc:  # a filter given a bad value, a division by zero…
        where, line = _template_line(exc, variant.template)
        raise GuideError(f"template error in the {variant.label} variant: {exc}", where, line) from None
    return _untag("".join(pieces), environment.names)


def _template_line(exc: BaseException, default: str) -> tuple[str, int | None]:
    """Jinja rewrites tracebacks so that template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2") or "/templates/" in frame.filename:
            return display(Path(frame.filename)), frame.lineno
    return default, None


def _name_column(where: str, line: int | None, message: str) -> int | None:
    """Where on its line the template uses the undefined name (Jinja gives only the line)."""
    import re

    name = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    if line is None or name is None:
        return None
    try:
        text = Path(where).read_text("utf-8").splitlines()[line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    wanted = name.group(1)
    found = re.search(rf"(?<![\w.]){re.escape(wanted)}(?!\w)|\.{re.escape(wanted)}(?!\w)", text)
    return None if found is None else found.start() + (2 if found.group().startswith(".") else 1)


def check_out_dir(out: Path, guide: LoadedGuide, campaign: LoadedCampaign) -> None:
    """Refuse an output folder that holds the sources or anything brandlint did not write."""
    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {display(out)} is a file, not a folder")
    for path in (guide.path, campaign.path, guide.root / "templates"):
        resolved = path.resolve()
        if resolved == out or out in resolved.parents:
            raise UsageError(f"--out {display(out)} would hold {display(resolved)}; "
                             "render into a folder of its own (such as out/)")
    if out.is_dir() and any(out.iterdir()) and _our_manifest(out) is None:
        held = "a manifest.json brandlint did not write" if (out / MANIFEST).exists() else "no manifest.json"
        raise UsageError(f"--out {display(out)} already holds files brandlint did not write "
                         f"({held}); choose an empty or new folder")


def write_variants(out: Path, campaign: LoadedCampaign, variants: list[Variant]) -> list[Path]:
    from brandlint.atomic import write_text_atomically

    out.mkdir(parents=True, exist_ok=True)
    earlier = _manifest_files(out)
    written = []
    for variant in variants:
        target = (out / variant.filename).resolve()
        if target.parent != out.resolve():  # names come from channel ids and record ids
            raise UsageError(f"refusing to write {variant.filename} outside {display(out)}")
        write_text_atomically(target, variant.text)
        written.append(target)
    manifest = {"generator": "brandlint", "campaign": campaign.name, "source": display(campaign.path), "variants": [
        {"channel": v.channel, "locale": v.locale, "recipient": v.recipient, "file": v.filename,
         "template": _portable(v.template)} for v in variants]}
    write_text_atomically(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    # Variants an earlier render wrote that this one did not (a channel dropped since) would
    # otherwise sit beside the new manifest as if current: only files that manifest listed go.
    current = {path.name for path in written}
    for name in sorted(earlier - current):
        stale = out / name
        if stale.resolve().parent == out.resolve() and stale.is_file():
            stale.unlink()
    return written


def _manifest_files(out: Path) -> set[str]:
    """The variant files an earlier render listed (only from a manifest brandlint wrote)."""
    earlier = _our_manifest(out)
    if earlier is None:
        return set()
    return {str(v["file"]) for v in earlier["variants"] if "/" not in str(v["file"])}


def _our_manifest(out: Path) -> dict | None:
    """The folder's manifest.json if brandlint wrote it: marked as ours, or (from before the
    mark) exactly the keys brandlint writes. A web app's manifest.json is someone else's."""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("variants"), list):
        return None
    variants_ok = all(isinstance(v, dict) and {"channel", "file", "template"} <= set(v) for v in data["variants"])
    if data.get("generator") == "brandlint" or (set(data) == {"campaign", "source", "variants"} and variants_ok):
        return data if variants_ok else None
    return None


def _portable(template: str) -> str:
    """A built-in template as `built-in/<name>`, not the path it is installed at."""
    from brandlint.resources import builtin_folder

    folder = builtin_folder("templates")
    return "built-in/" + os.path.basename(template) if os.path.realpath(template).startswith(folder + os.sep) \
        else template
