"""terms: preferred forms (`use` / `instead_of`) and words to avoid (`avoid`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from brandlint.checks.base import Check, Context, Rule
from brandlint.documents.base import in_bare_domain
from brandlint.findings import Severity
from brandlint.lazyre import LazyPattern

if TYPE_CHECKING:
    from brandlint.guide.model import Term
    from brandlint.guide.policy import Policy

USE = Rule(
    id="terms.use",
    severity=Severity.ERROR,
    summary="A term appears in a form the guideline replaces (`instead_of`), or the brand's "
            "exact form is written in another case.",
    why="Readers trust a brand that spells itself the same way everywhere; search, legal "
        "review and translation memories depend on one canonical form.",
    guide="terms:\n  - use: Lumen Tea\n    instead_of: [LumenTea, Lumen tea]\n",
    fail="Meet LumenTea, our new blend.",
    passing="Meet Lumen Tea, our new blend.",
    fixable=True,
    details="Matches whole words only, never inside code, URLs or another word. `use` is "
            "case-sensitive; an all-lowercase `use` (such as `email`) may also start a sentence "
            "capitalised. An all-lowercase `instead_of` form also matches when capitalised, and "
            "the fix keeps the capital.",
)
AVOID = Rule(
    id="terms.avoid",
    severity=Severity.WARNING,
    summary="A word or phrase the guideline says to avoid.",
    why="Some words promise what the product cannot keep, or clash with the brand's voice.",
    guide="terms:\n  - avoid: [cheap]\n    message: We never promise what a cup can't keep.\n",
    fail="A cheap cup of tea.",
    passing="An affordable cup of tea.",
    details="Case-insensitive, whole words only; `level` sets the severity (default warning) "
            "and `message` says why.",
)

# Korean particles and copula endings that may follow a noun. A Hangul term followed by more
# Hangul is read with kiwipiepy's morphemes (최고다, 최고라서: the term; 최고경영자: a longer
# noun); without kiwipiepy, only these decide.
KO_PARTICLES = sorted((
    "이 가 은 는 을 를 의 에 에서 에게 께 께서 로 으로 와 과 도 만 까지 부터 보다 처럼 이나 나 "
    "이랑 랑 이다 입니다 이에요 예요 이야 야 이고 고 인 이라 라 에는 에도 으로는 로는 와는 과는 "
    "이며 며 이죠 죠 이지만 지만 이라는 라는 으로도 로도 에서도 이라고 라고 만의 의는 이든 든 "
    "다 지 네 네요 이네요 군요 이군요 라서 이라서 라면 이라면 여서 이어서 였다 이었다 였어요 이었어요 "
    "였습니다 이었습니다 인데 인데요 랍니다 이랍니다 거나 이거나 란 이란 요 이요 "
    "하다 한 해 해요 합니다 했다 했어요 했습니다 하게 하고 하며 해서 할 함"
).split(), key=len, reverse=True)
_KO_PARTICLE_RE = LazyPattern("(?:" + "|".join(KO_PARTICLES) + r")(?!\w)")  # without kiwipiepy only
_HANGUL = "\uac00-\ud7a3"


class Entry(NamedTuple):
    kind: str  # use | case | avoid
    term: Term
    form: str
    capitalised: bool = False


class CaselessPhrases:
    """A case-insensitive whole-word alternation of phrases. Text is lower-cased and matched
    case-sensitively (twice as fast in `re` as IGNORECASE); text whose lower-case form has
    another length (İ) is matched with IGNORECASE so offsets stay the text's own.

    Compiling the whole alternation of a big term list costs milliseconds, which a one-file
    run (a pre-commit hook) pays for nothing when the file holds none of the terms. So texts
    are first matched with an alternation of only the phrases whose first word they contain
    (a phrase can only match where its first word is, since only whitespace inside a phrase
    is flexible). Once those partial alternations have cost about half the whole one in
    phrases compiled, or FULL_AFTER texts were looked at (finding the phrases a text holds
    costs a scan of every first word), the whole alternation is compiled once and used from
    then on (a big run). Both find exactly the same matches."""

    FULL_AFTER = 64

    @classmethod
    def expect_many_texts(cls) -> None:
        """A big run is coming: compile whole alternations at once (parts would be thrown away)."""
        cls.FULL_AFTER = 0

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = sorted({" ".join(p.split()) for p in phrases if p.strip()})
        self._heads = [(phrase.lower().split(" ", 1)[0], phrase) for phrase in self.phrases]
        self._budget = max(8, len(self.phrases) // 2)  # phrases compiled in parts before the whole
        self._texts = 0
        self._full: re.Pattern[str] | None = None
        self._subsets: dict[tuple[str, ...], re.Pattern[str]] = {}

    @cached_property
    def ignorecase(self) -> re.Pattern[str]:
        return re.compile(alternation(self.phrases), re.IGNORECASE)

    def _pattern(self, lowered: str) -> re.Pattern[str] | None:
        """The pattern for this lower-cased text; None when it holds no phrase's first word."""
        if self._full is not None:
            return self._full
        self._texts += 1
        if self._texts > self.FULL_AFTER:
            return self._compile_full()
        present = tuple(phrase for head, phrase in self._heads if head in lowered)
        if not present:
            return None
        pattern = self._subsets.get(present)
        if pattern is not None:
            return pattern
        self._budget -= len(present)
        if self._budget < 0:
            return self._compile_full()
        pattern = self._subsets[present] = re.compile(alternation(list(present)))
        return pattern

    def _compile_full(self) -> re.Pattern[str]:
        self._full = re.compile(alternation(self.phrases))  # the trie is built from lower case
        self._subsets.clear()
        return self._full

    def spans(self, text: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
        """Where the phrases are in `text` (`lowered`: text.lower(), if the caller has it)."""
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) != len(text):
            return (match.span() for match in self.ignorecase.finditer(text))
        pattern = self._pattern(lowered)
        return iter(()) if pattern is None else (match.span() for match in pattern.finditer(lowered))

    def search(self, text: str, lowered: str | None = None) -> bool:
        lowered = text.lower() if lowered is None else lowered
        if len(lowered) != len(text):
            return self.ignorecase.search(text) is not None
        pattern = self._pattern(lowered)
        return pattern is not None and pattern.search(lowered) is not None


class TermMatcher(NamedTuple):
    pattern: CaselessPhrases | None
    exact: dict[str, list[Entry]]
    folded: dict[str, list[Entry]]

    def lookup(self, found: str) -> list[Entry]:
        key = _collapse(found)
        return self.exact.get(key, []) + self.folded.get(key.lower(), [])


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


# Where a phrase that ends in a (non-Hangul) word character may end: not inside a longer
# word, but before Hangul (LumenTea를, cheap한). One lookahead per pattern, not one per
# phrase: a class with the Hangul range costs ~0.4 ms to compile, and case-insensitively
# more (hence `(?-i:`). A phrase ending in Hangul has no regex boundary: `korean_boundary`
# reads what follows (최고다 yes, 최고경영자 no, 최고abc no).
_WORD_END = rf"(?-i:(?![^\W{_HANGUL}]))"


def _ending(phrase: str) -> str:
    if is_hangul(phrase[-1]):
        return "hangul"
    return "word" if re.search(r"\w$", phrase) else "other"


def _trie(phrases: list[str], fold: bool) -> str:
    """One pattern for many phrases, shaped as a trie so the regex engine branches on the
    next character instead of trying every phrase at every position. Longer phrases win
    (continuations come before an ending, and the engine backtracks to a shorter ending when
    the boundary after the trie fails); whitespace inside a phrase matches any run."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for part in re.findall(r"\s+|.", phrase.lower() if fold else phrase):
            node = node.setdefault(" " if part.isspace() else part, {})
        node[""] = phrase  # an ending

    def build(node: dict) -> str:
        branches = []
        for key in sorted(k for k in node if k):
            token = r"\s+" if key == " " else re.escape(key)
            branches.append(token + build(node[key]))
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(root)


def alternation(phrases: list[str], fold: bool = True) -> str:
    """Whole-word alternation of phrases, as a few tries: phrases that start with a word
    character need a word boundary before them, and each kind of ending (punctuation, Hangul,
    other word characters) shares one boundary after. Phrases ending in punctuation come
    first, so `Lumen Tea™` is found whole before `Lumen Tea`. `fold` when the pattern is
    compiled with IGNORECASE (the trie then shares prefixes across case)."""
    unique = sorted({" ".join(p.split()) for p in phrases if p.strip()})
    groups: dict[tuple[int, bool], list[str]] = {}
    order = {"other": 0, "hangul": 1, "word": 2}
    for phrase in unique:
        groups.setdefault((order[_ending(phrase)], bool(re.match(r"\w", phrase))), []).append(phrase)
    after_boundary, anywhere = [], []
    for (ending, word_start), items in sorted(groups.items(), key=lambda item: (not item[0][1], item[0][0])):
        body = "(?:" + _trie(items, fold) + ")" + (_WORD_END if ending == 2 else "")
        (after_boundary if word_start else anywhere).append(body)
    # One lookbehind for all the groups that need it: the engine tests it once per position
    # instead of once per group (half the time of a pattern with a Korean and an English group).
    parts = [r"(?<!\w)(?:" + "|".join(after_boundary) + ")"] if after_boundary else []
    return "|".join(parts + anywhere)


def build_matcher(policy: Policy) -> TermMatcher:
    exact: dict[str, list[Entry]] = {}
    folded: dict[str, list[Entry]] = {}
    phrases: set[str] = set()

    def add(form: str, entry: Entry, case_sensitive: bool) -> None:
        form = _collapse(form)
        if not form:
            return
        phrases.add(form)
        if case_sensitive:
            exact.setdefault(form, []).append(entry)
        else:
            folded.setdefault(form.lower(), []).append(entry)

    for term in policy.terms:
        if term.use is not None:
            for form in term.instead_of:
                add(form, Entry("use", term, form), True)
                if form == form.lower() and _capitalise(form) != form:
                    add(_capitalise(form), Entry("use", term, form, capitalised=True), True)
            add(term.use, Entry("case", term, term.use), False)
        else:
            for form in term.avoid:
                add(form, Entry("avoid", term, form), False)
    if not phrases:
        return TermMatcher(None, exact, folded)
    return TermMatcher(CaselessPhrases(sorted(phrases)), exact, folded)


def check(ctx: Context) -> None:
    matcher: TermMatcher = ctx.policy.term_matcher
    if matcher.pattern is None:
        return
    for block in ctx.doc.blocks:
        prose = block.prose
        for start, end in matcher.pattern.spans(prose, block.lowered):
            if in_bare_domain(prose, start, end):
                continue  # LumenTea.com, shop.LumenTea.com: an address, not copy (and not to be fixed)
            found = prose[start:end]
            entries = matcher.lookup(found)
            if start and prose[start - 1] in "#@":
                # A hashtag or handle is an identifier: "#LumenTea" is not a misspelling,
                # and "#Lumen Tea" would break it. Avoided words are still flagged.
                entries = [entry for entry in entries if entry.kind == "avoid"]
            if entries and is_hangul(found[-1]) and not korean_boundary(ctx, prose, end):
                continue
            replaced = [entry for entry in entries if entry.kind == "use"]
            if replaced:
                entry = replaced[0]
                use = entry.term.use or ""
                replacement = _capitalise(use) if entry.capitalised else use
                message = f"Use '{replacement}' instead of '{found}'."
                if entry.term.message:
                    message += f" {entry.term.message}"
                end, fix = _with_particle(prose, end, replacement)
                ctx.report_in(USE, block, start, end, message, fix=fix,
                              severity=_level(entry.term, USE.severity))
                continue
            for entry in entries:
                if entry.kind == "case":
                    use = entry.term.use or ""
                    if _collapse(found) == use or (use == use.lower() and _collapse(found) == _capitalise(use)):
                        continue
                    message = f"Use '{use}' instead of '{found}' (the exact form, case-sensitive)."
                    ctx.report_in(USE, block, start, end, message, fix=use,
                                  severity=_level(entry.term, USE.severity))
                    break
                if entry.kind == "avoid":
                    reason = entry.term.message
                    message = f"Avoid '{found}'" + (f": {reason}" if reason else ".")
                    ctx.report_in(AVOID, block, start, end, message,
                                  severity=_level(entry.term, AVOID.severity))
                    break


def korean_boundary(ctx: Context, prose: str, end: int) -> bool:
    """Does a Hangul term really end at `end`? Morphemes tell `최고가 되겠습니다` (가: a
    particle), `최고다` (a copula ending) and `저렴한`/`완벽해요` (the term made an adjective
    with 하다) from `최고가 갱신` and `최고경영자` (longer nouns); without kiwipiepy, the
    particle list decides."""
    if end >= len(prose):
        return True
    if not is_hangul(prose[end]):
        return not (prose[end].isalnum() or prose[end] == "_")  # 최고abc: inside a longer word
    from brandlint.lang import ko

    try:
        found = ko.morphemes(prose)
    except ko.KoreanUnavailable as exc:
        ctx.notes.add(ko.UNAVAILABLE_NOTE.format(reason=exc))
        return _KO_PARTICLE_RE.match(prose, end) is not None
    for morpheme in found:
        if morpheme.start == end:
            # A particle, an ending, the copula (최고다), or 하다 making it a verb or adjective (완벽해요).
            return morpheme.tag.startswith(("J", "E", "VCP", "XSA", "XSV"))
        if morpheme.start < end < morpheme.end:
            # 저렴한: read as one adjective 저렴하, whose stem is the term and then 하.
            if morpheme.tag.startswith(("VA", "VV")) and morpheme.form[end - morpheme.start:] == "하":
                return True
            # kiwipiepy sometimes reads a 하-word whole (유일한 as a proper noun, 완벽히 as an
            # adverb): the term, then 하 or a syllable made from it, is still the term used.
            return morpheme.tag in ("NNP", "NNG", "MAG", "VA", "VV") and prose[end] in _HA_SYLLABLES
    return True


_HA_SYLLABLES = "하한히해했할함"


def whole_spans(ctx: Context, prose: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans that are whole words: a Hangul-final one only where `korean_boundary` agrees."""
    return ((start, end) for start, end in spans
            if not is_hangul(prose[end - 1]) or korean_boundary(ctx, prose, end))


def _with_particle(prose: str, end: int, replacement: str) -> tuple[int, str]:
    """Extend a Korean fix over the particle that follows when the replacement needs the
    other form (브랜드를 → 브랜드명을): the span grows only when the particle changes."""
    if not replacement or (not is_hangul(replacement[-1]) and not replacement[-1].isalnum()):
        return end, replacement
    from brandlint.lang.ko import PARTICLE_PAIRS, josa

    for particle in sorted(PARTICLE_PAIRS, key=len, reverse=True):
        if prose.startswith(particle, end):
            after = end + len(particle)
            if after < len(prose) and is_hangul(prose[after]):
                continue  # part of a longer word, not this particle
            fixed = josa(replacement, particle)
            if fixed != replacement + particle and "(" not in fixed:
                return after, fixed
            break
    return end, replacement


def _level(term: Term, default: Severity) -> Severity:
    return Severity.parse(term.level) if term.level else default


CHECK = Check(rules=(USE, AVOID), run=check)
