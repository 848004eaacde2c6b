"""PERSON: Chinese names (jieba + surname dictionary + context); English-script
names are in person_en.py.

jieba is imported and initialised lazily, once, on the first Chinese text.
We use its dictionary segmentation without the HMM plus posseg's word/tag
table ('nr' = person name): posseg with the HMM costs ~16 ms per 500 chars,
this ~2 ms, and the HMM's guesses for unknown names are replaced by the
surname rules here. Only slices around possible surnames are segmented.
"""
from __future__ import annotations

import logging
import re
import threading

from .base import Recognizer
from .names import (CN_TRIGGERS, COMPOUND_SURNAMES, GIVEN_CHARS, HONORIFICS, WEAK_COMPOUND, SURNAMES,
                    WEAK_SURNAMES)
from .person_frame import frame_names
from .public_figures import public_figure

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
                  "这那个们我你他她它年月日时分秒号先女发送打写寄")
_NAME_TAGS = ("nr", "nrt", "nrfg")
_CTX_STRIP = " \t:：,，)）"  # 乙方（承租人）高山
_EN_TRIGGERS = ("name", "contact", "patient", "mr", "mrs", "ms", "dr", "signed", "client")
_HONORIFIC = re.compile("|".join(sorted(HONORIFICS, key=len, reverse=True)))
_VERB_AFTER = ("说", "表示", "告诉", "认为", "问", "回答", "来", "去", "和", "跟", "给", "的电话")
_STRONG_SURNAMES = SURNAMES - WEAK_SURNAMES
_STRONG_COMPOUND = COMPOUND_SURNAMES - WEAK_COMPOUND


def _cn_context(text: str, start: int) -> bool:
    before = text[max(0, start - 10):start].rstrip(_CTX_STRIP)
    if before.endswith(CN_TRIGGERS) or before.lower().endswith(_EN_TRIGGERS):
        return True
    before = before.rstrip("是为").rstrip(_CTX_STRIP)  # 联系人是张伟
    return before.endswith(CN_TRIGGERS)


# Cues that introduce a name slot in a form or a sentence: what fills it up to the
# next punctuation is a name even if it is also a word (员工高兴，/ 我叫夏天，/ 访客方圆，).
_SLOT_CUES = ("我叫", "名叫", "姓名", "姓名是", "户名", "全名", "投诉人", "委托人", "当事人", "兹证明", "报案人",
              "证人", "患儿", "大名", "车主", "访客", "用户", "员工", "收款人", "付款人",
              "汇款人", "承租人", "出租人", "承租方", "出租方", "联系人", "收件人", "收货人", "寄件人",
              "持卡人", "申请人", "患者", "病人", "业主", "租客", "甲方", "乙方", "借款人", "担保人")
_SLOT_END = "，,。.；;：:、!！?？ \t\n)）」』'\"“”"


def _name_slot(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 6):s].rstrip(_CTX_STRIP)
    return before.endswith(_SLOT_CUES) and (e == len(text) or text[e] in _SLOT_END)


# 小王 / 老张 / 阿陈: a sure surname after 小, 老 or 阿, then a pause or a particle.
_NICK_AFTER = "的说和跟你他她是在把给让也都要来去今明已刚帮一"
_NICK_NOT = frozenset("小区 小心 小学 小组 小说 小时 小姐 小伙 小孩 小吃 小便 小费 小卖 老师 老板 老公 老婆 老家 "
                      "老人 老年 老乡 老大 老总 老实 老鼠 老虎 老化 老式 老旧 老街 老汤 老铁 老汉 老者 老成 老周末".split())


def nicknames(text: str):
    """小王 / 老张 (a sure surname), 阿强 / 阿芳 (a given-name character), before a pause or particle."""
    for m in re.finditer(r"([小老阿])([\u4e00-\u9fff])", text):
        s, e = m.start(), m.end()
        vocative = (s == 0 or text[s - 1] in _SLOT_END) and e < len(text) and text[e] in "，,"  # “小林，你...
        ok = m.group(2) in _STRONG_SURNAMES or (m.group(1) == "阿" and m.group(2) in GIVEN_CHARS) \
            or (vocative and m.group(2) in SURNAMES)
        if not ok or text[s:e] in _NICK_NOT:
            continue
        if e == len(text) or text[e] in _SLOT_END or text[e] in _NICK_AFTER:
            yield s, e, 0.75


_LIST_SEP = "、和及与"
_ITEM_END = "、和及与，,。；;：:（(）) \t\n"


def list_items(text: str, found: list[tuple[int, int, float]]):
    """The other names in a list that holds one: 赵一鸣、钱多多、孙悦 (2-3 characters,
    starting with a surname, between separators)."""
    starts = {s for s, _, _ in found}
    for s, e, _ in found:
        # the next items
        while e < len(text) and text[e] in _LIST_SEP:
            j = e + 1
            while j < len(text) and j - e <= 4 and text[j] not in _ITEM_END:
                j += 1
            if not _list_name(text[e + 1:j]) or e + 1 in starts:
                break
            starts.add(e + 1)
            yield e + 1, j, 0.7
            e = j
        # the items before
        while s > 0 and text[s - 1] in _LIST_SEP:
            i = s - 1
            while i > 0 and s - i <= 4 and text[i - 1] not in _ITEM_END:
                i -= 1
            if not _list_name(text[i:s - 1]) or i in starts:
                break
            starts.add(i)
            yield i, s - 1, 0.7
            s = i


def _list_name(item: str) -> bool:
    return 2 <= len(item) <= 3 and _given_ok(item) and (item[0] in SURNAMES or item[:2] in COMPOUND_SURNAMES)


def _surname_len(text: str, i: int) -> int:
    if text[i:i + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[i] in SURNAMES else 0


# 查一下(老板), 看一点: a verb and a measure word, never a given name.
_MEASURE = ("一下", "一点", "一些", "一起", "一样", "一直", "一定", "一般", "一共", "一遍", "一次")


_LATIN = re.compile(r"[A-Za-z]{2,}")


def isolated_names(text: str, tags, freq):
    """A name standing alone between spaces in code-switched text (嫂子 刘畅 800, 通知 Jason 和 王雨萱),
    or in brackets after a nickname (朵朵（李若溪）): surname + 1-2 given characters, not a word."""
    mixed = bool(_LATIN.search(text))
    for m in _HAN_RUN.finditer(text):
        w, s, e = m.group(), m.start(), m.end()
        if not 2 <= len(w) <= 4:
            continue
        left, right = text[s - 1:s], text[e:e + 1]
        spaced = mixed and (left in ("", " ") and right in ("", " ", ",", ".", "!", "?"))
        bracketed = left in "（(" and left and right in "）)，," and right  # 我（冯晓东，身份证号…）
        if not (spaced or bracketed):
            continue
        sur = _surname_len(w, 0)
        given = w[sur:]
        if not sur or len(given) not in (1, 2) or not _given_ok(given):
            continue
        if freq.get(w, 0) > 50 and tags.get(w) not in _NAME_TAGS:
            continue  # 时间, 高中: a word
        if w[0] in WEAK_SURNAMES and sur == 1 and not all(c in GIVEN_CHARS for c in given):
            continue
        yield s, e, 0.7


def _common_word(w: str, tags, freq) -> bool:
    return freq.get(w, 0) > 300 and tags.get(w) not in _NAME_TAGS


def _given_ok(chunk: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" and c not in _STOP for c in chunk) and not chunk.startswith(_MEASURE)


class ChinesePerson(Recognizer):
    """Four passes over each Han run, all scored:
    cue before (我叫/姓名：/患者...) -> surname + 1-2 chars ending on a jieba
    token boundary; honorific after (女士/经理...) -> the name right before
    it; verb frame (孙鹏飞说 / 联系李娜, see person_frame); bare -> jieba name
    tags or surname + common given-name characters."""
    entity = "PERSON"
    code_factor = 0.3

    def validate(self, text: str) -> bool:
        return not public_figure(text)  # Napoleon, 诸葛亮: a question about them names no one private

    def candidates(self, text):
        if not _HAN_RUN.search(text):
            return
        found = list(self._names(text))
        yield from found
        yield from list_items(text, found)

    def _names(self, text):
        seg, tags, freq = jieba_tools()
        yield from nicknames(text)
        yield from isolated_names(text, tags, freq)
        for run in _HAN_RUN.finditer(text):
            r0, word = run.start(), run.group()
            yield from self._before_honorific(text, r0, word, tags, freq)
            for s, e, score in frame_names(word, seg, tags, freq):  # 孙鹏飞说 / 联系李娜
                yield r0 + s, r0 + e, score
            # jieba only around possible names: segmentation is the hot spot
            for a, b in _windows(text, r0, word):
                toks = [(w, s + a, e + a) for w, s, e in seg.tokenize(word[a:b], HMM=False)]
                bounds = {e for _, _, e in toks if e < b or b == len(word)}
                yield from self._after_cue(text, r0, word, bounds, tags, freq, a, b)
                for i in range(len(toks)):
                    got = _bare_name(toks, i, tags, freq)
                    if got:
                        yield from _bare_scored(text, r0 + got[0], r0 + got[1], got[2])

    def _after_cue(self, text, r0, word, bounds, tags, freq, a, b):
        for i in range(a, min(b, len(word) - 1)):
            sur = _surname_len(word, i)
            if not sur or not _cn_context(text, r0 + i):
                continue
            for e in (i + sur + 2, i + sur + 1):  # prefer the longer name
                cand = word[i:e]
                if e > len(word) or not (e in bounds or e == len(word)) \
                        or not _given_ok(word[i + sur:e]):
                    continue
                if tags.get(cand) not in _NAME_TAGS and freq.get(cand, 0) > 50 \
                        and not _name_slot(text, r0 + i, r0 + e):
                    continue  # 联系人方面 / 客户方式: a common word, not a name
                yield r0 + i, r0 + e, 0.85
                break

    def _before_honorific(self, text, r0, word, tags, freq):
        for m in _HONORIFIC.finditer(word):
            e = m.start()
            options = [s for s in (e - 4, e - 3, e - 2) if s >= 0 and (
                (word[s:s + 2] in COMPOUND_SURNAMES and e - s >= 3) or
                (word[s] in SURNAMES and e - s <= 3)) and _given_ok(word[s + 1:e])
                and not _common_word(word[s:e], tags, freq)]  # 高中同学: a school, not a name
            strong = [s for s in options if word[s] not in WEAK_SURNAMES]
            if strong or options:
                s = (strong or options)[0]
                yield r0 + s, r0 + e, 0.85
            elif e >= 1 and _surname_len(word, e - 1):
                yield r0 + e - 1, r0 + e, 0.8  # 王先生: the surname alone


def _windows(text: str, r0: int, word: str) -> list[tuple[int, int]]:
    """Merged [a, b) slices of a Han run around surnames that can start a
    name: strong surnames anywhere, weak ones only right after a cue."""
    out: list[list[int]] = []
    for i, c in enumerate(word):
        if not (c in _STRONG_SURNAMES or word[i:i + 2] in COMPOUND_SURNAMES
                or (c in SURNAMES and _cn_context(text, r0 + i))):
            continue
        a, b = max(0, i - 3), min(len(word), i + 6)
        if out and a <= out[-1][1]:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _bare_scored(text, s, e, base):
    if e - s < 2:
        return
    if text[s] in WEAK_SURNAMES and text[s:s + 2] not in _STRONG_COMPOUND:
        base -= 0.15  # 司马光 starts with weak 司, but 司马 is a sure surname
    if text.startswith(_VERB_AFTER, e):
        base += 0.1
    if base >= 0.5:
        yield s, e, base


def _bare_name(toks, i, tags, freq):
    w, s, e = toks[i]
    # 1. a dictionary word tagged as a person name
    if 2 <= len(w) <= 4 and tags.get(w) in _NAME_TAGS:
        sur = 2 if w[:2] in COMPOUND_SURNAMES else 1 if w[0] in SURNAMES else 0
        if not sur or w[sur:] in HONORIFICS:
            return None
        if sur == 2 and w[:2] in WEAK_COMPOUND:
            return None  # 东方明珠: a word-like compound surname needs a cue
        if sur == 2 and w[:2] in _STRONG_COMPOUND:
            return s, e, 0.55  # 慕容复, 司马光: frequent in jieba, still names
        if freq.get(w, 0) > 50 and not all(c in GIVEN_CHARS for c in w[sur:]):
            return None  # 柳树, 李子: common nouns jieba tags nr
        return s, e, 0.3 if freq.get(w, 0) > 300 else 0.55  # 高明, 明白: words first
    # 2. surname token followed by single-character tokens
    if not (w in COMPOUND_SURNAMES or (len(w) == 1 and w in SURNAMES)):
        return None
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    if len(nxt) == 2 and tags.get(nxt) in _NAME_TAGS and _given_ok(nxt):
        return s, e + 2, 0.6  # 薛|志强, 白|海燕: jieba knows the given name
    given, j = "", i + 1
    while j < len(toks) and len(given) < 2 and len(toks[j][0]) == 1 and _given_ok(toks[j][0]):
        given += toks[j][0]
        j += 1
    if not given or not all(c in GIVEN_CHARS for c in given):
        return None
    return s, e + len(given), 0.55 if len(given) == 2 else 0.5
