"""PERSON: foreign names written in Chinese characters.

  约翰·史密斯 / 玛丽亚·加西亚 / 让-保罗·萨特    dotted transliteration
  布朗先生 / 安娜女士                           a transliteration before an honorific

Transliterations use a small, distinctive character set (TRANSLIT_CHARS);
Chinese words almost never consist only of them, and a middle dot between
two such runs is the standard way to write a foreign full name. Without the
dot we need an honorific after the run, and jieba must not know the run as a
place (巴西女士 is a Brazilian lady, not Ms. Baxi).
"""
from __future__ import annotations

import re

from .base import Recognizer
from .names import TRANSLIT_CHARS

_T = "[" + "".join(sorted(TRANSLIT_CHARS)) + "]"
_DOT = "[·•・‧∙.．-]"
# Two or more transliterated parts joined by middle dots (any of the dot
# look-alikes that IMEs produce).
# Greedy runs: the name ends at the first character outside the set.
_DOTTED = re.compile(rf"{_T}{{1,6}}(?:{_DOT}{_T}{{1,7}})+")
# Social titles only: before 教授/博士 a transliteration is usually a
# university (斯坦福教授, 牛津博士).
_HONORIFIC_AFTER = re.compile(rf"(?P<v>{_T}{{2,5}})(?:先生|女士|小姐|夫人|太太)")


class TransliteratedPerson(Recognizer):
    entity = "PERSON"
    code_factor = 0.3

    def candidates(self, text):
        if not any(c in text for c in "·•・‧∙.．-先女小夫太"):
            return
        for m in _DOTTED.finditer(text):
            s, e = m.span()
            if all(len(p) >= 2 for p in re.split(_DOT, m.group())) and _on_tokens(text, s, e):
                yield s, e, 0.75
        yield from _before_honorific(text)


def _on_tokens(text: str, s: int, e: int) -> bool:
    """The run must start and end on jieba word boundaries: in 新西兰·奥克兰
    or 索尼·爱立信 the run cuts a word (西|兰, 爱|立信), so it is not a name."""
    from .person import jieba_tools  # lazy: jieba loads on first Chinese text
    seg = jieba_tools()[0]
    a, b = max(0, s - 4), min(len(text), e + 4)
    bounds = {a, b} | {x + a for _, x, _ in seg.tokenize(text[a:b], HMM=False)}
    return s in bounds and e in bounds


def _before_honorific(text):
    from .person import jieba_tools  # lazy: jieba loads on first Chinese text
    for m in _HONORIFIC_AFTER.finditer(text):
        s, e = m.span("v")
        if s > 0 and text[s - 1] in TRANSLIT_CHARS:
            continue  # the run is longer than 5: not a name we can bound
        _, tags, freq = jieba_tools()
        run = text[s:e]
        if tags.get(run, "").startswith("ns") or (freq.get(run, 0) > 500 and tags.get(run) not in ("nr", "nrt")):
            continue  # 巴西女士 (place), 安全 (a word)
        yield s, e, 0.7
