"""PII said rather than typed (voice input): the spoken form is written out,
recognized, and the span maps back onto the words that said it."""
from __future__ import annotations

import pytest

from bench.pii_probe import caught
from edgewise.privacy import redact, scan
from edgewise.privacy.recognizers.spoken import spoken_form


@pytest.mark.parametrize("said,written", [
    ("call six one seven, five five five, zero one four two", "call 617 555 0142"),
    ("幺八六 幺二三四 五六七八", "186 1234 5678"),
    ("maria underscore lopez at outlook dot com", "maria_lopez@outlook.com"),
    ("born the third of june nineteen eighty two", "born 3 of june 1982"),
    ("我是八七年十二月三号生的", "我是87年12月3号生的"),
    ("南京市鼓楼区中山路一百二十八号", "南京市鼓楼区中山路128号"),
    ("server 10 dot 2 dot 33 dot 4", "server 10.2.33.4"),
    ("licence b 7 2 9 4 0 1 6", "licence b7294016"),
    ("plus four four seven seven zero zero nine zero zero one two three", "+447700900123"),
])
def test_spoken_form_is_written_out(said, written):
    got = spoken_form(said)
    assert got is not None and got[0] == written


@pytest.mark.parametrize("text", ["one of them said two things", "I have three kids and two dogs",
                                  "meet me at the cafe", "第一次去北京"])
def test_ordinary_number_words_stay(text):
    got = spoken_form(text)
    assert got is None or got[0] == text


@pytest.mark.parametrize("text,value", [
    ("my number is six one seven, five five five, zero one four two", "six one seven, five five five, zero one four two"),
    ("email me at maria underscore lopez at outlook dot com", "maria underscore lopez at outlook dot com"),
    ("我手机是幺八六 幺二三四 五六七八", "幺八六 幺二三四 五六七八"),
    ("my date of birth is the third of june nineteen eighty two", "third of june nineteen eighty two"),
    ("我住南京市鼓楼区中山路一百二十八号三栋五零二", "南京市鼓楼区中山路一百二十八号"),
    ("我住杭州市西湖区文三路 388 号 5 幢 602，送到楼下", "杭州市西湖区文三路 388 号 5 幢 602"),
    ("surname is K-O-W-A-L-S-K-I", "K-O-W-A-L-S-K-I"),
    ("i live at 14 willow lane, york", "14 willow lane, york"),
])
def test_said_aloud_is_found(text, value):
    assert covered(text, value), [(s.type, s.text) for s in scan(text)]


def test_redaction_replaces_the_spoken_words():
    out, mapping = redact("text me on six one seven, five five five, zero one four two please")
    assert "five five five" not in out and "please" in out
    assert "six one seven, five five five, zero one four two" in mapping.values()


def covered(text: str, value: str) -> bool:
    return caught(text, value, scan(text))
