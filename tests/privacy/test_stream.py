"""StreamRestorer: every 2- and 3-way chunking gives restore(full); minimal hold-back."""
from __future__ import annotations

import itertools
import json

import pytest

from edgewise.privacy import PrivacySession, StreamRestorer, json_escape, redact, restore


@pytest.fixture(scope="module")
def session():
    s = PrivacySession()
    redact("我叫张伟，手机13812345678，邮箱 wei@example.com，卡 4111 1111 1111 1111", s)
    return s


ANSWER = ("好的<PERSON_1>，[cn mobile 1]已记录;< EMAIL_1 >和CREDIT_CARD_1。"
          "未知<PERSON_9>，【PERSON_1】ok <Email1> end PERSON_1")


def stream(session, pieces, escape=None):
    sr = StreamRestorer(session, escape)
    out = "".join(sr.feed(p) for p in pieces)
    return out + sr.flush()


def test_every_two_way_split(session):
    want = restore(ANSWER, session)
    assert "张伟" in want and "13812345678" in want and "<PERSON_9>" in want
    for i in range(len(ANSWER) + 1):
        assert stream(session, [ANSWER[:i], ANSWER[i:]]) == want, i


def test_every_three_way_split(session):
    text = "x<PERSON_1>y [CN_MOBILE_1] z EMAIL_1."
    want = restore(text, session)
    for i, j in itertools.combinations(range(len(text) + 1), 2):
        assert stream(session, [text[:i], text[i:j], text[j:]]) == want, (i, j)


def test_char_by_char(session):
    assert stream(session, list(ANSWER)) == restore(ANSWER, session)


def test_holds_back_only_a_possible_placeholder(session):
    sr = StreamRestorer(session)
    assert sr.feed("Hello there. ") == "Hello there. "
    assert sr.feed("Dear <PER") == "Dear "
    assert sr.feed("SON_1>, see ") == "张伟, see "
    assert sr.feed("<b>bold</b> ") == "<b>bold</b> "   # '<b' can't become a placeholder
    assert sr.feed("PERSON_1") == ""                     # could still be PERSON_12
    assert sr.feed("!") == "张伟!"
    assert sr.feed("[x] {y} 1 < 2") == "[x] {y} 1 < 2"
    assert sr.feed(" <") == " "
    assert sr.flush() == "<"


def test_stream_reports_unknown(session):
    sr = StreamRestorer(session)
    sr.feed("a <PERSON_9> b")
    sr.flush()
    assert sr.unknown == ["<PERSON_9>"]


def test_stream_json_arguments(session):
    args = '{"name": "<PERSON_1>", "phone": "<CN_MOBILE_1>"}'
    want = json.dumps({"name": "张伟", "phone": "13812345678"}, ensure_ascii=False)
    for i in range(len(args) + 1):
        assert stream(session, [args[:i], args[i:]], json_escape) == want
