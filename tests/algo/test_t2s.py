"""Traditional -> Simplified folding keeps length and offsets, and leaves
Simplified and non-Chinese text alone."""
from __future__ import annotations

from edgewise.algo.t2s import to_simplified

PAIRS = [
    ("燙傷", "烫伤"), ("臺北市大安區復興南路一段100號5樓", "台北市大安区复兴南路一段100号5楼"),
    ("呼吸困難", "呼吸困难"), ("頭暈", "头晕"), ("電話", "电话"), ("陳偉", "陈伟"),
]


def test_known_pairs():
    for trad, simp in PAIRS:
        assert to_simplified(trad) == simp


def test_length_and_offsets_are_kept():
    text = "請聯絡陳大文，電話 9123 4567，地址九龍旺角彌敦道123號"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out.index("9123 4567") == text.index("9123 4567")


def test_simplified_and_other_text_unchanged():
    for text in ("我今天头很痛，胸口发闷", "Call Sarah at 415-555-0132 😀", "显著 著名 里面 后面", ""):
        assert to_simplified(text) == text
