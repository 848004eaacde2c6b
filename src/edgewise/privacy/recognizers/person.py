"""PERSON: Chinese names (jieba + surname dictionary + context) and English
names (capitalised First Last with a first-name list and cue phrases).

jieba is imported and initialised lazily, once, on the first Chinese text.
We use its dictionary segmentation without the HMM plus posseg's word/tag
table: the HMM path costs ~16 ms per 500 chars, the table lookup ~2 ms, and
the HMM's guesses for unknown names are replaced by the surname rules here.
"""
from __future__ import annotations

import logging
import re
import threading

from .base import Recognizer, Span
from .names import (CN_TRIGGERS, COMPOUND_SURNAMES, FIRST_NAMES, GIVEN_CHARS, HONORIFICS,
                    NON_NAME_WORDS, PINYIN_GIVEN, PINYIN_SURNAMES, SURNAMES, WEAK_SURNAMES)

_lock = threading.Lock()
_jieba_state: tuple | None = None


def jieba_tools():
    """(tokenizer, word->tag table, word->freq). Loads jieba on first call."""
    global _jieba_state
    if _jieba_state is None:
        with _lock:
            if _jieba_state is None:
                import jieba
                jieba.setLogLevel(logging.WARNING)
                import jieba.posseg
                jieba.initialize()
                _jieba_state = (jieba.dt, jieba.posseg.dt.word_tag_tab, jieba.dt.FREQ)
    return _jieba_state


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# Characters that never sit inside a given name.
_STOP = frozenset("的了是在和与及说道问跟把被给对也都就又还要会能吗呢吧啊呀哦嗯很不没来去到从向往"
                  "这那个们我你他她它年月日时分秒号")
_NAME_TAGS = ("nr", "nrt", "nrfg")
_CTX_STRIP = " \t:：,，是为叫"
_EN_TRIGGERS = ("name", "contact", "patient", "mr", "mrs", "ms", "dr", "signed", "client")


def _cn_context(text: str, start: int) -> bool:
    before = text[max(0, start - 10):start].rstrip(_CTX_STRIP)
    low = before.lower()
    return before.endswith(CN_TRIGGERS) or low.endswith(_EN_TRIGGERS)


def _honorific_after(text: str, end: int) -> bool:
    return text.startswith(HONORIFICS, end)


class ChinesePerson(Recognizer):
    entity = "PERSON"
    code_factor = 0.3

    def candidates(self, text):
        if not any("\u4e00" <= c <= "\u9fff" for c in text):
            return
        seg, tags, freq = jieba_tools()
        for run in _HAN_RUN.finditer(text):
            toks = list(seg.tokenize(run.group(), HMM=False))
            for i, (w, s, e) in enumerate(toks):
                got = self._name_at(toks, i, tags, freq)
                if got:
                    ns, ne, base = got
                    yield from self._scored(text, run.start() + ns, run.start() + ne, base)

    def _scored(self, text, s, e, base):
        cue = _cn_context(text, s) or _honorific_after(text, e)
        if e - s == 1 and not _honorific_after(text, e):
            return  # a lone surname needs 先生/女士/... right after it
        score = base + (0.4 if cue else 0.0)
        if not cue and text[s] in WEAK_SURNAMES:
            score -= 0.15
        if score > 0:
            yield s, e, min(score, 1.0)

    def _name_at(self, toks, i, tags, freq):
        w, s, e = toks[i]
        # 1. dictionary word tagged as a name, or surname+honorific token (王先生)
        if len(w) >= 2 and tags.get(w) in _NAME_TAGS:
            sur = 2 if w[:2] in COMPOUND_SURNAMES else 1 if w[0] in SURNAMES else 0
            if not sur:
                return None
            rest = w[sur:]
            if rest in HONORIFICS:
                return s, s + sur, 0.5
            if len(w) > 4:
                return None
            common = freq.get(w, 0) > 300  # 高明, 文明, 明白: words first
            return s, e, 0.2 if common else 0.55
        # 2. surname token followed by given-name characters
        if not (w in COMPOUND_SURNAMES or (len(w) == 1 and w in SURNAMES)):
            return None
        given, j = "", i + 1
        while j < len(toks) and len(given) < 2:
            t = toks[j][0]
            if len(t) == 1 and t not in _STOP:
                given += t
            elif not given and len(t) == 2 and (tags.get(t) in _NAME_TAGS or
                                                 all(c in GIVEN_CHARS or c == "某" for c in t)):
                given = t
            else:
                break
            j += 1
        end = e + len(given)
        if not given:
            return s, e, 0.5
        strong = all(c in GIVEN_CHARS for c in given)
        base = (0.55 if len(given) == 2 else 0.5) if strong else 0.25
        return s, end, base


# --- English ----------------------------------------------------------------
_CAP = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
_FULL = rf"{_CAP}(?:\s+[A-Z]\.)?(?:\s+{_CAP}){{0,2}}"
_TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam)\.?\s+(?P<v>{_CAP}(?:\s+{_CAP})?)")
# Cues after which any capitalised words are a name.
_STRONG_CUE = re.compile(
    r"(?:(?i:\b(?:my\s+name\s+is|my\s+name's|i\s+am\s+called)\b)\s*"
    r"|(?i:\b(?:full\s+name|name|contact\s+person|patient|signed|attn)\s*[:：,])\s*"
    r"|姓名[:：]?\s*|我叫\s*|联系人[:：]?\s*)"
    rf"(?P<v>{_FULL})")
# Cues after which the first word must be a known first name.
_WEAK_CUE = re.compile(
    r"(?i:\b(?:i\s+am|i'm|this\s+is|call\s+me|named|called|with|and|by|thanks|hi|hello"
    r"|dear|sincerely|regards|cheers|best|contact|customer|client|employee|applicant"
    r"|cardholder|recipient|from|to|cc|ask|tell|met)\b\s*[:：,]?\s*)"
    rf"(?P<v>{_FULL})")
_BARE = re.compile(rf"\b(?P<v>{_CAP}(?:\s+[A-Z]\.)?\s+{_CAP})\b")


def _trim(tokens: list[str]) -> list[str]:
    out = []
    for t in tokens:
        if t.lower().rstrip(".") in NON_NAME_WORDS:
            break
        out.append(t)
    return out


class EnglishPerson(Recognizer):
    entity = "PERSON"
    context = ("name", "contact", "patient", "customer", "client", "employee", "user",
               "author", "by", "from", "客户", "联系人", "姓名")
    context_boost = 0.3
    code_factor = 0.3

    def candidates(self, text):
        if not any("A" <= c <= "Z" for c in text):
            return
        for m in _TITLE.finditer(text):
            yield from self._emit(m, 0.85, need_first=False, text=text)
        for m in _STRONG_CUE.finditer(text):
            yield from self._emit(m, 0.85, need_first=False, text=text)
        for m in _WEAK_CUE.finditer(text):
            yield from self._emit(m, 0.8, need_first=True, text=text)
        for m in _BARE.finditer(text):
            yield from self._emit(m, 0.6, need_first=True, text=text, two=True)

    def _emit(self, m, base, need_first, text, two=False):
        tokens = _trim(m.group("v").split())
        if not tokens or (two and len(tokens) < 2):
            return
        first = tokens[0].lower()
        if first in NON_NAME_WORDS:
            return
        if need_first and first not in FIRST_NAMES and not _pinyin_name(tokens):
            return
        if need_first and len(tokens) == 1 and base < 0.8:
            base -= 0.1  # a lone common first name is weak evidence
        s = m.start("v")
        yield s, _end(text, s, tokens), base


def _end(text: str, s: int, tokens: list[str]) -> int:
    pos = s
    for t in tokens:
        pos = text.index(t, pos) + len(t)
    return pos


def _pinyin_name(tokens: list[str]) -> bool:
    return (len(tokens) >= 2 and tokens[0].lower() in PINYIN_SURNAMES
            and PINYIN_GIVEN.fullmatch(tokens[1].lower()) is not None)


def find_people(text: str) -> list[Span]:
    """Convenience for debugging: both person recognizers, unresolved."""
    return ChinesePerson().find(text) + EnglishPerson().find(text)
