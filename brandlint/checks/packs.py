"""Rules from YAML rule packs: existence, substitution, occurrence, capitalization.

Tokens are literal phrases matched as whole words unless the rule says `regex: true`;
user regexes run under the `regex` module with a time budget, so a pattern that
backtracks catastrophically gives up with a finding instead of hanging CI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from brandlint.checks.base import Context, Rule
from brandlint.checks.terms import CaselessPhrases, alternation, whole_spans
from brandlint.documents.base import Block
from brandlint.findings import Severity
from brandlint.lazyre import LazyPattern

if TYPE_CHECKING:
    from brandlint.guide.packs import PackRule

# Seconds one user regex may spend on one block before it is abandoned.
REGEX_BUDGET = 1.0
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
               "of", "on", "or", "per", "the", "to", "via", "vs", "with"}


class Compiled(NamedTuple):
    pattern: Any  # CaselessPhrases, re.Pattern (case-sensitive literals) or regex.Pattern (user regex)
    swaps: dict[str, str]
    user_regex: bool


def rule_doc(pack_name: str, name: str, rule: PackRule) -> Rule:
    examples = rule.examples
    return Rule(
        id=f"{pack_name}.{name}",
        severity=Severity.parse(rule.level),
        summary=" ".join((rule.description or rule.message or f"{rule.type} rule from the {pack_name} pack").split()),
        why="",  # a pack rule's description says both what and why
        fail=examples.fail if examples else "",
        passing=examples.pass_ if examples else "",
        guide=f"extends: [{pack_name}]\n",
        fixable=rule.type == "substitution",
        details=_describe(rule),
    )


def _describe(rule: PackRule) -> str:
    if rule.type == "existence":
        return "Flags: " + ", ".join(rule.tokens)
    if rule.type == "substitution":
        return "Replaces: " + ", ".join(f"{k} -> {v}" for k, v in rule.swap.items())
    if rule.type == "occurrence":
        bounds = [f"at most {rule.max}" if rule.max is not None else "",
                  f"at least {rule.min}" if rule.min is not None else ""]
        return f"Counts '{rule.token}' per file: " + " and ".join(b for b in bounds if b)
    return f"Expects {rule.match} capitalisation in " + (", ".join(rule.scope) or "headings")


_COMPILED: dict[int, tuple[PackRule, Compiled]] = {}


def _compile(rule: PackRule) -> Compiled:
    """Compile once per rule object (pack rules hold lists, so they are not hashable)."""
    cached = _COMPILED.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    compiled = _compile_rule(rule)
    _COMPILED[id(rule)] = (rule, compiled)
    return compiled


def _compile_rule(rule: PackRule) -> Compiled:
    flags_ignore = rule.ignorecase
    if rule.regex:
        import regex

        keys = list(rule.swap) if rule.type == "substitution" else (
            [rule.token] if rule.type == "occurrence" else list(rule.tokens))
        body = "|".join(f"(?:{key})" for key in keys if key)
        # A user regex is taken as written (no word boundaries added), like Vale's `raw`.
        pattern = regex.compile(body, regex.IGNORECASE if flags_ignore else 0)
        return Compiled(pattern, dict(rule.swap), True)
    if rule.type == "substitution":
        phrases = list(rule.swap)
    elif rule.type == "occurrence":
        phrases = [rule.token or ""]
    else:
        phrases = list(rule.tokens)
    # Case-insensitive literals (most rules) compile only the phrases a text holds: see CaselessPhrases.
    pattern = CaselessPhrases(phrases) if flags_ignore else re.compile(alternation(phrases, fold=False))
    swaps = {(" ".join(k.split()).lower() if flags_ignore else " ".join(k.split())): v
             for k, v in rule.swap.items()}
    return Compiled(pattern, swaps, False)


def _blocks(ctx: Context, rule: PackRule) -> Iterator[Block]:
    scopes = set(rule.scope) or ({"heading"} if rule.type == "capitalization" else None)
    for block in ctx.doc.blocks:
        if scopes is not None and block.kind not in scopes:
            continue
        if rule.language not in (None, "auto") and block.language != rule.language:
            continue
        yield block


def _matches(ctx: Context, rule_id: str, compiled: Compiled, block: Block) -> list[tuple[int, int, str]]:
    """(start, end, text as written) of each match in the block's prose."""
    prose = block.prose
    if not compiled.user_regex:
        if isinstance(compiled.pattern, CaselessPhrases):
            spans = list(compiled.pattern.spans(prose, block.lowered))
        else:
            spans = [match.span() for match in compiled.pattern.finditer(prose)]
        return [(start, end, prose[start:end]) for start, end in whole_spans(ctx, prose, spans)]
    try:
        return [(match.start(), match.end(), match.group())
                for match in compiled.pattern.finditer(prose, timeout=REGEX_BUDGET)]
    except TimeoutError:
        start, end = block.span(0, len(block.text))
        ctx.report(rule_id, start, end, f"{rule_id}: the rule's regular expression took over "
                   f"{REGEX_BUDGET:g} s on this text and was stopped; simplify the pattern.",
                   severity=Severity.WARNING)
        return []


def _prefilter(policy: Any) -> Any:
    """One case-insensitive pattern for every literal phrase of the policy's packs: a block it
    finds nothing in is skipped by all those rules, one scan instead of one per rule."""
    phrases: list[str] = []
    for entry in policy.packs:
        for rule in entry.pack.rules.values():
            if rule.regex or rule.type == "capitalization":
                continue
            phrases += list(rule.swap) if rule.type == "substitution" else (
                [rule.token or ""] if rule.type == "occurrence" else list(rule.tokens))
    return CaselessPhrases(phrases) if any(p.strip() for p in phrases) else None


def run_packs(ctx: Context) -> None:
    prefilter = ctx.policy.memo("packs.prefilter", lambda: _prefilter(ctx.policy))
    hits = None
    if prefilter is not None:
        hits = {id(block) for block in ctx.doc.blocks if prefilter.search(block.prose, block.lowered)}
    for entry in ctx.policy.packs:
        for name, rule in entry.pack.rules.items():
            run_pack_rule(ctx, entry.name, name, rule, hits)


def run_pack_rule(ctx: Context, pack_name: str, name: str, rule: PackRule,
                  hits: set[int] | None = None) -> None:
    """Run one rule; `hits` (block ids the prefilter matched) lets literal rules skip the rest."""
    if hits is not None and not hits and not rule.regex and (
            rule.type in ("existence", "substitution") or (rule.type == "occurrence" and not rule.min)):
        return  # no block holds any literal phrase of the packs (most files): nothing to find or count
    rule_id = f"{pack_name}.{name}"
    default = Severity.parse(rule.level)
    if ctx.policy.severity(rule_id, default) is None:
        return
    if rule.type == "capitalization":
        _capitalization(ctx, rule_id, rule, default)
        return
    occurrences: list[tuple[int, int, str]] = []
    blocks = list(_blocks(ctx, rule))
    literal = not rule.regex
    searched = [block for block in blocks if hits is None or not literal or id(block) in hits]
    compiled = _compile(rule) if searched else None  # no block can match: nothing to compile
    for block in searched:
        assert compiled is not None
        for start, end, found in _matches(ctx, rule_id, compiled, block):
            if any(found.lower() == e.lower() for e in rule.exceptions):
                continue
            if rule.type == "occurrence":
                occurrences.append((*block.span(start, end), found))
            elif rule.type == "existence":
                message = _format(rule.message, found, "") or f"Avoid '{found}'."
                ctx.report_in(rule_id, block, start, end, message, severity=default)
            else:
                replacement = _replacement(compiled, rule, found)
                message = _format(rule.message, found, replacement) or f"Use '{replacement}' instead of '{found}'."
                safe = "|" not in replacement and bool(replacement)
                ctx.report_in(rule_id, block, start, end, message,
                              fix=replacement if safe else None, severity=default)
    if rule.type == "occurrence":
        count = len(occurrences)
        if rule.max is not None and count > rule.max:
            start, end, found = sorted(occurrences)[rule.max]
            message = _format(rule.message, found, "") or \
                f"'{rule.token}' appears {count} times; at most {rule.max} allowed."
            ctx.report(rule_id, start, end, message, severity=default)
        if rule.min is not None and count < rule.min and blocks:
            message = _format(rule.message, rule.token or "", "") or \
                f"'{rule.token}' appears {count} times; at least {rule.min} required."
            ctx.report_document(rule_id, message, severity=default)


def _replacement(compiled: Compiled, rule: PackRule, found: str) -> str:
    if compiled.user_regex:
        import regex

        for key, value in rule.swap.items():
            flags = regex.IGNORECASE if rule.ignorecase else 0
            if regex.fullmatch(key, found, flags, timeout=REGEX_BUDGET):
                return value
        return ""
    key = " ".join(found.split())
    value = compiled.swaps.get(key.lower() if rule.ignorecase else key, "")
    if rule.ignorecase and found.isupper() and len(found) > 1 and value.islower():
        return value.upper()  # UTILIZE -> USE
    if rule.ignorecase and found[:1].isupper() and value[:1].islower():
        value = value[:1].upper() + value[1:]
    return value


# A Korean particle written for either final sound after a placeholder: `'{match}'은(는)`.
_PARTICLES = "(은|는|이|가|을|를|과|와|으로|로)"
_PAIRED_PARTICLE_RE = LazyPattern(r"\{(match|replacement)\}(['\"’”]?)" + _PARTICLES + r"\(" + _PARTICLES + r"\)")


def _format(template: str | None, found: str, replacement: str) -> str:
    """A pack message with the match and replacement filled in; a paired particle after one
    (`'{match}'은(는)`) becomes the one the word takes (`'최고'는`) where that can be told."""
    if not template:
        return ""
    if "(" in template:
        def choose(match: re.Match[str]) -> str:
            from brandlint.lang.ko import josa

            word = found if match.group(1) == "match" else replacement
            chosen = josa(word, match.group(3))[len(word):] if word else ""
            return "{" + match.group(1) + "}" + match.group(2) + (chosen if chosen and "(" not in chosen
                                                                   else f"{match.group(3)}({match.group(4)})")
        template = _PAIRED_PARTICLE_RE.sub(choose, template)
    return template.replace("{match}", found).replace("{replacement}", replacement)


def _capitalization(ctx: Context, rule_id: str, rule: PackRule, severity: Severity) -> None:
    exceptions = {e for e in rule.exceptions} | set(ctx.policy.vocabulary) | set(ctx.policy.brand.split())
    for term in ctx.policy.terms:
        if term.use:
            exceptions.update(term.use.split())
    for block in _blocks(ctx, rule):
        text = block.prose
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W\d_][\w'’-]*", text)]
        if not words:
            continue
        wrong = _first_wrong(rule.match or "$sentence", words, exceptions)
        if wrong is None:
            continue
        start, end, word = wrong
        message = _format(rule.message, word, "") or \
            f"'{text.strip()}' should use {rule.match.lstrip('$') if rule.match else 'sentence'} case ('{word}')."
        ctx.report_in(rule_id, block, start, end, message, severity=severity)


def _first_wrong(style: str, words: list[tuple[int, int, str]], exceptions: set[str]) -> tuple[int, int, str] | None:
    for index, (start, end, word) in enumerate(words):
        if word in exceptions or (len(word) > 1 and word.isupper()):
            continue
        first, last = index == 0, index == len(words) - 1
        if style == "$upper":
            ok = word.isupper()
        elif style == "$lower":
            ok = word.islower()
        elif style == "$sentence":
            ok = word[:1].isupper() if first else not word[:1].isupper()
        else:  # $title
            small = word.lower() in SMALL_WORDS and not first and not last
            ok = word[:1].islower() if small else word[:1].isupper()
        if not ok:
            return start, end, word
    return None
