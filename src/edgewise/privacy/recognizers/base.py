"""Recognizer base class, Span, Registry and the overlap-resolving scan.

A recognizer is a small class (Presidio style): compiled patterns that
propose candidates, a `validate` hook (checksums, calendars), and context
words that raise confidence when they appear shortly before a match.
Negative words (order numbers, versions, timestamps) that sit closer to the
match than any positive word push the score to zero.
With `context_rescues`, a value that fails `validate` is still reported when
a positive word introduces it: a mistyped ID number still leaks the ID.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ...algo.t2s import to_simplified
from .spoken import SPELLED, spoken_form

MIN_SCORE = 0.5
_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    text: str
    score: float = 1.0


def words_regex(words: Iterable[str]) -> re.Pattern | None:
    """One case-insensitive alternation; ASCII words get letter boundaries."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w)
        if w[:1].isascii() and w[:1].isalnum():
            p = r"(?<![A-Za-z])" + p
        if w[-1:].isascii() and w[-1:].isalnum():
            p = p + r"(?![A-Za-z])"
        parts.append(p)
    return re.compile("|".join(parts), re.I) if parts else None


# Words that mark a number as an order/tracking/version/time id: not PII.
NEGATIVE_NUMBER_WORDS = (
    "订单号", "订单编号", "订单", "单号", "运单号", "快递单号", "流水号", "交易号",
    "交易单号", "编号", "工单", "序列号", "批次", "商品码", "条码", "发票号", "版本",
    "时间戳", "票号", "order", "order no", "order #", "order number", "tracking",
    "invoice", "ref", "reference", "serial", "sku", "ticket", "case #", "timestamp",
    "epoch", "version", "build", "transaction id", "txn", "isbn", "barcode",
)


class Recognizer:
    """Subclass and set `entity`, `patterns`, `context`; override `validate`.

    A pattern may define a named group `v`; its span is the reported value
    (so context or separators around it can be part of the pattern).
    """

    entity: str = ""
    patterns: tuple[re.Pattern, ...] = ()
    context: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    base_score: float = 0.6
    context_boost: float = 0.35
    window: int = 24          # chars before a match searched for context
    code_factor: float = 0.3  # score multiplier inside code (see code_regions)
    context_rescues: bool = False  # report failed `validate` values right after a cue
    rescue_score: float = 0.6

    def __init__(self) -> None:
        self._ctx = words_regex(self.context)
        self._neg = words_regex(self.negative)

    def validate(self, text: str) -> bool:
        return True

    def plausible(self, text: str) -> bool:
        """Shape check for a rescued value (validate failed): is it this kind?"""
        return True

    def candidates(self, text: str) -> Iterator[tuple[int, int, float]]:
        """(start, end, base score) for every pattern hit."""
        for pat in self.patterns:
            has_v = "v" in pat.groupindex
            for m in pat.finditer(text):
                s, e = m.span("v") if has_v else m.span()
                if e > s:
                    yield s, e, self.base_score

    def find(self, text: str) -> list[Span]:
        spans = []
        for s, e, base in self.candidates(text):
            value = text[s:e]
            if self.validate(value):
                score = self.rescore(text, s, e, base)
            elif self.context_rescues and self.plausible(value) and self.introduced(text, s):
                score = self.rescue_score
            else:
                continue
            if score > 0:
                spans.append(Span(s, e, self.entity, value, round(score, 3)))
        return spans

    def rescore(self, text: str, start: int, end: int, score: float) -> float:
        """Nearest cue wins: a positive word raises, a negative one kills."""
        _, pos, neg = self._cues(text, start)
        if neg > pos:
            return 0.0
        if pos >= 0:
            score += self.context_boost
        return min(score, 1.0)

    def introduced(self, text: str, start: int) -> bool:
        """A positive word is the nearest cue and no other number sits between
        it and the match ("身份证号是X", not "身份证号 A，另一个 X")."""
        before, pos, neg = self._cues(text, start)
        return pos > neg and not any(c in "0123456789" for c in before[pos:])

    def _cues(self, text: str, start: int) -> tuple[str, int, int]:
        before = text[max(0, start - self.window):start]
        return before, _last_end(self._ctx, before), _last_end(self._neg, before)


def _last_end(rx: re.Pattern | None, text: str) -> int:
    if rx is None:
        return -1
    last = -1
    for m in rx.finditer(text):
        last = m.end()
    return last


class Registry:
    """Ordered, user-extensible set of recognizers."""

    def __init__(self, recognizers: Iterable[Recognizer] = ()) -> None:
        self._items: list[Recognizer] = []
        for r in recognizers:
            self.add(r)

    def add(self, recognizer: Recognizer) -> "Registry":
        # Placeholder parsing relies on upper-case snake entity names.
        if not _ENTITY_NAME.match(recognizer.entity or ""):
            raise ValueError(f"bad entity name {recognizer.entity!r}")
        self._items.append(recognizer)
        return self

    def remove(self, entity: str) -> "Registry":
        self._items = [r for r in self._items if r.entity != entity]
        return self

    def copy(self) -> "Registry":
        return Registry(self._items)

    @classmethod
    def default(cls) -> "Registry":
        """A fresh registry with all built-in recognizers."""
        from . import BUILTIN  # the package imports this module first
        return cls(rec() for rec in BUILTIN)

    @property
    def entities(self) -> list[str]:
        return sorted({r.entity for r in self._items})

    def __iter__(self) -> Iterator[Recognizer]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)


# --- code regions: numbers inside code are identifiers, not PII -------------
_FENCE = re.compile(r"(```|~~~).*?(?:\1|\Z)", re.S)
_INLINE = re.compile(r"`[^`\n]+`")
_CODE_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:def|class|import|from|return|const|let|var|function|func|fn"
    r"|public|private|protected|static|package|#include|#define|SELECT|INSERT|UPDATE"
    r"|console\.log)\b[^\n]*"
    r"|[^\n]*(?:;|\{|\}|\):)[ \t]*$"
    r"|[^\n]*\b0[xX][0-9A-Fa-f]+[^\n]*)"
)


def code_regions(text: str) -> list[tuple[int, int]]:
    if "`" not in text and "~~~" not in text and not _maybe_code(text):
        return []
    out = [m.span() for m in _FENCE.finditer(text)]
    out += [m.span() for m in _INLINE.finditer(text)]
    out += [m.span() for m in _CODE_LINE.finditer(text)]
    return sorted(out)


# Data pasted as code is still data: a value under a key that names it
# ("mobile": "138...", phone = '...', idNo=..., <Name>...</Name>) or a whole
# string literal in a row of values ('仝晓雪','186...') is kept at full score.
# A bare number in code (int x = 13812345678;) is still an identifier.
_KEY_BEFORE = re.compile(
    r"(?i:name|phone|mobile|tel|cell|contact|e?mail|id_?card|id_?no|idnumber|ssn|nin|passport|hkid|iqama|rrn|pan"
    r"|aadhaar|dob|birth\w*|address|addr|street|account|iban|card_?no|plate|receiver|consignee|customer|author)"
    r"[\w-]*[\"']?\s*(?:=>|[:=]|>)\s*[\"']?\Z|(?:姓名|名字|手机|电话|身份证\w*|地址|出生\w*|生日|邮箱|证件号码)[\"']?\s*[:=：]\s*[\"']?\Z")


def data_in_code(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 40):s]
    if _KEY_BEFORE.search(before):
        return True
    q = text[s - 1:s]
    return q in ("'", '"') and text[e:e + 1] == q


def _maybe_code(text: str) -> bool:
    return any(c in text for c in ";{}()") or "0x" in text or "0X" in text or any(
        k in text for k in ("def ", "import ", "return ", "const ", "let ", "var ",
                            "class ", "#include", "#define", "SELECT ", "console."))


def _inside(regions: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in regions)


def resolve(spans: list[Span]) -> list[Span]:
    """Greedy: longer spans first, then higher score; drop overlaps."""
    starts: list[int] = []  # chosen spans, kept sorted by start (disjoint)
    chosen: list[Span] = []
    for sp in sorted(spans, key=lambda x: (-(x.end - x.start), -x.score, x.start)):
        i = bisect.bisect_right(starts, sp.start)
        if i and chosen[i - 1].end > sp.start:
            continue
        if i < len(chosen) and chosen[i].start < sp.end:
            continue
        starts.insert(i, sp.start)
        chosen.insert(i, sp)
    return chosen


def run_scan(text: str, registry: Registry, min_score: float = MIN_SCORE) -> list[Span]:
    if not text:
        return []
    regions = code_regions(text)
    found = []
    # Traditional characters fold to Simplified one for one, so offsets stay valid;
    # a span's text is always taken from the original
    folded = to_simplified(text)
    changed = folded != text
    for rec in registry:
        for sp in rec.find(folded):
            if changed:
                sp = Span(sp.start, sp.end, sp.type, text[sp.start:sp.end], sp.score)
            score = sp.score
            if regions and _inside(regions, sp.start, sp.end) and not (
                    rec.validate(sp.text) and data_in_code(text, sp.start, sp.end)):
                score *= rec.code_factor
            if score >= min_score:
                found.append(sp if score == sp.score else
                             Span(sp.start, sp.end, sp.type, sp.text, round(score, 3)))
    found += _said_aloud(folded, text, registry, regions, min_score)
    return resolve(found)


def _said_aloud(folded: str, text: str, registry: Registry, regions, min_score: float) -> list[Span]:
    """Spans found once spoken numbers, emails and addresses are written out (spoken.py),
    mapped back onto the words that said them."""
    out = [Span(m.start("v"), m.end("v"), "PERSON", text[m.start("v"):m.end("v")], 0.8)
           for m in SPELLED.finditer(folded)]
    said = spoken_form(folded)
    if said is None:
        return out
    norm, src = said
    for rec in registry:
        for sp in rec.find(norm):
            if all(src[i][1] - src[i][0] == 1 for i in range(sp.start, sp.end)) and \
                    all(src[i][0] == src[i - 1][1] for i in range(sp.start + 1, sp.end)):
                continue  # nothing rewritten or removed inside: the plain pass has it
            s, e = src[sp.start][0], src[sp.end - 1][1]
            score = sp.score * (rec.code_factor if regions and _inside(regions, s, e) else 1.0)
            if score >= min_score:
                out.append(Span(s, e, sp.type, text[s:e], round(score, 3)))
    return out
