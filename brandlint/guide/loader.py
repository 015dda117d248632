"""Find, load and cross-check a guideline and the rule packs it extends."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brandlint import __version__
from brandlint.errors import GuideError
from brandlint.filestate import blake2b
from brandlint.guide.records import validated
from brandlint.guide.yamlsource import YamlSource, parse_yaml
from brandlint.locate import GUIDE_NAMES, display, find_guide_path, guide_path  # noqa: F401 (re-exported)
from brandlint.resources import builtin_packs

# Real guidelines are a few kilobytes; the pure-Python YAML parser would take minutes
# on a 10 MB one, so refuse it up front.
MAX_GUIDE_BYTES = 2 * 1024 * 1024


@dataclass
class LoadedPack:
    name: str
    pack: Any  # a validated guide.packs.Pack, as a Record
    path: Path
    digest: str
    includes: list[LoadedPack] = field(default_factory=list)  # the packs this one extends
    state: tuple = ()  # (path, stat signature, content digest) as read: see file_state


@dataclass
class LoadedGuide:
    guide: Any  # a validated guide.model.Guide, as a Record
    path: Path
    source: YamlSource
    packs: dict[str, LoadedPack] = field(default_factory=dict)
    # The packs each channel runs (None: the base guideline), with the packs they extend,
    # in load order: what `extends:` named, resolved once here.
    channel_packs: dict[str | None, list[LoadedPack]] = field(default_factory=dict)
    fingerprint: str = ""
    # The files the fingerprint was made from (the guideline, its packs, campaigns and logos),
    # each as (path, stat signature, content digest) when read: see file_state.
    dependencies: list[tuple] = field(default_factory=list)
    campaign_files: list[str] = field(default_factory=list)  # found beside it, as real paths
    notices: list[str] = field(default_factory=list)  # said once per run (a setting that does nothing)

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def display_path(self) -> str:
        return display(self.path)


def _read_yaml_file(path: Path, what: str) -> tuple[YamlSource, bytes]:
    shown = display(path)
    try:
        size = path.stat().st_size
        if size > MAX_GUIDE_BYTES:
            raise GuideError(f"the {what} is {size / 1e6:.1f} MB; a {what} over "
                             f"{MAX_GUIDE_BYTES // (1024 * 1024)} MB is refused", shown)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GuideError(f"{what} not found", shown) from None
    except IsADirectoryError:
        raise GuideError(f"the {what} path is a folder, not a file", shown) from None
    except PermissionError:
        raise GuideError(f"cannot read the {what}: permission denied", shown) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw_text = raw[3:]
    else:
        raw_text = raw
    try:
        text = raw_text.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw_text[: exc.start]
        line = before.count(b"\n") + 1
        # The column in characters: the valid text before the bad byte on its line, plus one.
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise GuideError(f"the {what} is not valid UTF-8 (byte 0x{raw_text[exc.start]:02x})", shown, line,
                         column) from None
    if "\x00" in text:
        raise GuideError(f"the {what} is a binary file, not YAML", shown)
    return _parse_cached(text, shown), raw


def _parse_cached(text: str, shown: str) -> YamlSource:
    """ruamel's round-trip parser is pure Python (~25 ms a file); a file parsed before is
    taken from the user cache by its content digest (plain data and positions only, so a
    file with dates is simply parsed every time). Errors are never cached: they raise first."""
    from brandlint.usercache import table

    digest = blake2b(f"{__version__}\0{text}".encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()
    parsed: list[YamlSource] = []

    def build() -> tuple:
        parsed.append(parse_yaml(text, shown))
        return parsed[0].data, parsed[0].values, parsed[0].keys

    data, values, keys = table(f"yaml/{digest}", build)
    return parsed[0] if parsed else YamlSource(shown, data, values, keys)


def _close_matches(word: str, options: list[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    import difflib  # only when there is a mistake to name

    return difflib.get_close_matches(word, options, n=n, cutoff=cutoff)


def load_guide(path: Path) -> LoadedGuide:
    path = path.resolve() if path.exists() else path
    source, raw = _read_yaml_file(path, "guideline")
    guide = validated("Guide", source, "guideline")
    loaded = LoadedGuide(guide=guide, path=path, source=source)
    _check_references(loaded)
    from brandlint.resources import code_stamp

    digest = blake2b(raw, digest_size=32)
    digest.update(__version__.encode() + code_stamp().encode())
    for pack in loaded.packs.values():
        digest.update(pack.name.encode() + pack.digest.encode())
    from brandlint.locate import campaign_paths

    loaded.dependencies = [file_state(path, raw), *(pack.state for pack in loaded.packs.values())]
    for found in campaign_paths(str(loaded.root), list(loaded.guide.campaigns)):  # their facts decide consistency
        campaign = Path(found)
        content = campaign.read_bytes()
        digest.update(str(campaign).encode() + content)
        loaded.dependencies.append(file_state(campaign, content))
        loaded.campaign_files.append(str(campaign))
    for name, logo in sorted(loaded.guide.logos.items()):  # a new logo file changes logo findings
        content = (loaded.root / logo.file).read_bytes()
        digest.update(name.encode() + b"\0" + content)
        loaded.dependencies.append(file_state(loaded.root / logo.file, content))
    loaded.fingerprint = digest.hexdigest()
    return loaded


def file_state(path: Path, raw: bytes) -> tuple[str, tuple | None, bytes]:
    """A file as it was read: its path, its stat signature taken after reading (kept only if
    the file had settled by then; see filestate) and the digest of the bytes used."""
    from brandlint.filestate import content_digest, stat_signature

    try:
        signature = stat_signature(path)[1]
    except OSError:
        signature = None
    return str(path), signature, content_digest(raw)


def _check_references(loaded: LoadedGuide) -> None:
    guide, source = loaded.guide, loaded.source
    channels = sorted(guide.channels)
    for glob, channel in guide.files.items():
        if channel not in guide.channels:
            hint = _close_matches(channel, channels, n=1)
            text = f"files: `{glob}` maps to unknown channel `{channel}`"
            text += f"; did you mean `{hint[0]}`?" if hint else ""
            text += f" (channels: {', '.join(channels)})" if channels else " (no channels are defined)"
            raise source.error(text, ("files", glob))
    for index, entry in enumerate(guide.compliance):
        for position, channel in enumerate(entry.channels or []):
            if channel not in guide.channels:
                hint = _close_matches(channel, channels, n=1)
                text = f"compliance `{entry.id}` names unknown channel `{channel}`"
                text += f"; did you mean `{hint[0]}`?" if hint else ""
                text += f" (channels: {', '.join(channels)})" if channels else " (no channels are defined)"
                raise source.error(text, ("compliance", index, "channels", position))
    for name, logo in guide.logos.items():
        logo_path = (loaded.root / logo.file).resolve()
        if not logo.allow_outside and not logo_path.is_relative_to(loaded.root.resolve()):
            raise source.error(f"logos.{name}.file `{logo.file}` is outside the guideline's folder; "
                               "set `allow_outside: true` if that is intended", ("logos", name, "file"))
        if not logo_path.is_file():
            raise source.error(f"logos.{name}.file `{logo.file}` does not exist "
                               f"(looked for {display(logo_path)})", ("logos", name, "file"))
        with logo_path.open("rb") as handle:
            head = handle.read(16)
        webp = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if not (head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")) or webp):
            raise source.error(f"logos.{name}.file `{logo.file}` is not a PNG, JPEG or WebP image",
                               ("logos", name, "file"))
        for index, colour in enumerate(logo.on):
            if colour not in guide.colors.palette:
                hint = _close_matches(colour, list(guide.colors.palette), n=1)
                text = f"logos.{name}.on: `{colour}` is not a palette colour"
                text += f"; did you mean `{hint[0]}`?" if hint else ""
                raise source.error(text, ("logos", name, "on", index))
    base = [_load_pack_into(loaded, name, source, ("extends", index), ())
            for index, name in enumerate(guide.extends)]
    loaded.channel_packs[None] = _with_includes(loaded, base)
    for channel_name, channel in guide.channels.items():
        named = [_load_pack_into(loaded, name, source, ("channels", channel_name, "extends", index), ())
                 for index, name in enumerate(channel.extends)]
        loaded.channel_packs[channel_name] = _with_includes(loaded, base + named)
    _check_rule_settings(loaded)
    if "base" in loaded.guide.channels:
        # Reports call the files that map to no channel `base`: a channel of that name would merge with them.
        raise loaded.source.error("`base` is what brandlint calls the files that map to no channel; give this "
                                  "channel another name", ("channels", "base"), prefer_key=True)
    _check_terms(loaded)
    _check_requirements(loaded)


def _load_pack_into(loaded: LoadedGuide, name: str, where: YamlSource, path: tuple,
                    stack: tuple[str, ...]) -> LoadedPack:
    """Load a pack by built-in name or by path (relative to the file naming it)."""
    is_path = "/" in name or name.endswith((".yaml", ".yml"))
    if is_path:
        base = Path(where.file).parent if stack else loaded.root
        pack_path = (base / name).resolve()
        key = str(pack_path)
    else:
        builtins = builtin_packs()
        if name not in builtins:
            hint = _close_matches(name, list(builtins), n=1)
            text = f"unknown rule pack `{name}`"
            text += f"; did you mean `{hint[0]}`?" if hint else ""
            text += f" (built-in packs: {', '.join(builtins)}; or give a path to a YAML pack)"
            raise where.error(text, path)
        pack_path = builtins[name]
        key = name
    if key in stack:
        raise where.error(f"rule pack `{name}` extends itself (cycle: {' -> '.join((*stack, key))})", path)
    for existing in loaded.packs.values():
        if existing.path == pack_path:
            return existing
    if is_path and not pack_path.is_file():
        raise where.error(f"rule pack `{name}` not found (looked for {display(pack_path)})", path)
    source, raw = _read_yaml_file(pack_path, "rule pack")
    pack = validated("Pack", source, "rule pack")
    pack_name = pack.pack or pack_path.stem
    if is_path:
        from brandlint.checks.registry import CHECK_MODULES

        if pack_name in {family for family, _ in CHECK_MODULES}:
            text = (f"a rule pack may not be named `{pack_name}`: it is a built-in rule family (its rule ids "
                    "would be mistaken for built-in ones); name it with `pack:`")
            raise source.error(text, ("pack",)) if pack.pack else where.error(text, path)
    if pack_name in {p.name for p in loaded.packs.values()}:
        raise where.error(f"two rule packs are both named `{pack_name}`", path)
    includes = [_load_pack_into(loaded, inner, source, ("extends", index), (*stack, key))
                for index, inner in enumerate(pack.extends)]
    entry = LoadedPack(name=pack_name, pack=pack, path=pack_path, digest=blake2b(raw, digest_size=32).hexdigest(),
                       includes=includes, state=file_state(pack_path, raw))
    loaded.packs[key] = entry
    return entry


def _with_includes(loaded: LoadedGuide, named: list[LoadedPack]) -> list[LoadedPack]:
    """The named packs and everything they extend, in the order the packs were loaded."""
    chosen: set[int] = set()
    pending = list(named)
    while pending:
        pack = pending.pop()
        if id(pack) not in chosen:
            chosen.add(id(pack))
            pending.extend(pack.includes)
    return [pack for pack in loaded.packs.values() if id(pack) in chosen]


def _builtin_rule_ids() -> list[str]:
    """Every built-in rule id; remembered per version of brandlint's code, because listing
    them imports every check (which a run answered from the results cache never needs)."""
    from brandlint.resources import code_stamp
    from brandlint.usercache import table

    def build() -> list[str]:
        from brandlint.checks.registry import builtin_rule_ids

        return builtin_rule_ids()

    return table(f"rule-ids/{code_stamp()}", build)


def rule_names(loaded: LoadedGuide) -> set[str]:
    """What `rules:` and suppression directives may name: every built-in and pack rule id,
    and their families (a pack's name is its rules' family)."""
    known = set(_builtin_rule_ids())
    for pack in loaded.packs.values():
        known.update(f"{pack.name}.{rule}" for rule in pack.pack.rules)
    return known | {rule.split(".")[0] for rule in known}


def _check_terms(loaded: LoadedGuide) -> None:
    """A form one term prefers and another replaces or avoids would have check and fix undo
    each other (email -> e-mail -> email): a guideline mistake, located at the second."""
    preferred: dict[str, int] = {}
    for index, term in enumerate(loaded.guide.terms):
        if term.use is not None:
            preferred.setdefault(" ".join(term.use.split()), index)
    for index, term in enumerate(loaded.guide.terms):
        key = "instead_of" if term.use is not None else "avoid"
        for position, form in enumerate(term.instead_of if term.use is not None else term.avoid):
            other = preferred.get(" ".join(form.split()))
            if other is not None and other != index:
                raise loaded.source.error(
                    f"terms.{index}.{key}: `{form}` is the form terms.{other} says to use; a guideline cannot "
                    "both prefer and replace it", ("terms", index, key, position))


# What `require:` may name besides message ids and campaign fact names.
BUILTIN_REQUIREMENTS = ("tagline", "logo", "unsubscribe", "link")


def _check_requirements(loaded: LoadedGuide) -> None:
    """A `require:` entry that is neither a requirement, a message id nor a fact of the
    campaigns beside the guideline, but looks like one of them (`taglin`, `discont`), is a
    typo: said with its position instead of never being checked. Names unlike anything known
    may be facts of campaigns kept elsewhere, so they pass."""
    guide = loaded.guide
    known = {*BUILTIN_REQUIREMENTS, *(message.id for message in guide.message.key_messages)}
    facts: set[str] | None = None
    for channel_name, channel in guide.channels.items():
        for index, name in enumerate(channel.require):
            if name == "tagline" and not guide.message.tagline:
                # Not an error (the rest of the guideline stands), but never silently nothing.
                loaded.notices.append("brandlint: " + str(loaded.source.error(
                    f"channels.{channel_name}.require: `tagline`, but the guideline has no `message: tagline:`; "
                    "nothing is required", ("channels", channel_name, "require", index))))
            if name == "logo" and not guide.logos:
                loaded.notices.append("brandlint: " + str(loaded.source.error(
                    f"channels.{channel_name}.require: `logo`, but the guideline has no `logos:`; no creative "
                    "can show an approved logo, so nothing is required", ("channels", channel_name, "require", index))))
            if name in known:
                continue
            if facts is None:
                facts = _campaign_fact_names(loaded)
            if name in facts:
                continue
            options = sorted(known | facts)
            # difflib is imported only when a name could be a typo
            hint = _close_matches(name, options, n=1, cutoff=0.8) if _may_resemble(name, options, 0.8) else []
            if not hint:
                # Perhaps a fact of a campaign kept elsewhere (rendered with --guide): said, not refused.
                loaded.notices.append("brandlint: " + str(loaded.source.error(
                    f"channels.{channel_name}.require: `{name}` is not a message id, "
                    f"{', '.join(f'`{n}`' for n in BUILTIN_REQUIREMENTS)}, or a fact of a campaign beside the "
                    "guideline; only a campaign that states it makes it required",
                    ("channels", channel_name, "require", index))))
                continue
            raise loaded.source.error(
                f"channels.{channel_name}.require: `{name}` is not something a channel can require; did you "
                f"mean `{hint[0]}`? (a message id, {', '.join(f'`{n}`' for n in BUILTIN_REQUIREMENTS)}, "
                "or a campaign fact name)", ("channels", channel_name, "require", index))


def _may_resemble(word: str, options: list[str], cutoff: float) -> bool:
    """Could difflib find `word` close to one of `options`? An upper bound of its ratio (the
    letters both share, as difflib's quick_ratio counts them)."""
    for option in options:
        common = sum(min(word.count(ch), option.count(ch)) for ch in set(word))
        if 2 * common / (len(word) + len(option)) >= cutoff:
            return True
    return False


def _campaign_fact_names(loaded: LoadedGuide) -> set[str]:
    from brandlint.locate import campaign_paths

    names: set[str] = set()
    for path in campaign_paths(str(loaded.root), list(loaded.guide.campaigns)):
        try:
            source, _ = _read_yaml_file(Path(path), "campaign")
        except GuideError:
            continue  # reported when the campaign itself is loaded
        facts = source.data.get("facts") if isinstance(source.data, dict) else None
        if isinstance(facts, dict):
            names.update(str(name) for name in facts)
    return names


def _check_rule_settings(loaded: LoadedGuide) -> None:
    settings = [(("rules", key), key) for key in loaded.guide.rules]
    for channel_name, channel in loaded.guide.channels.items():
        settings += [(("channels", channel_name, "rules", key), key) for key in channel.rules]
    if not settings:
        return
    known = rule_names(loaded)
    for path, key in settings:
        if key not in known:
            hint = _close_matches(key, sorted(known), n=1)
            text = f"unknown rule `{key}`"
            text += f"; did you mean `{hint[0]}`?" if hint else " (see `brandlint rules`)"
            raise loaded.source.error(text, path, prefer_key=True)


def find_guide(start: Path) -> Path | None:
    """brand.yaml or .brandlint.yaml in `start` or its nearest parent."""
    found = find_guide_path(str(start))
    return Path(found) if found else None


def resolve_guide_path(explicit: str | None, paths: list[str]) -> Path:
    """--guide, else the current folder and its parents, else the checked paths' folders."""
    return Path(guide_path(explicit, paths))
