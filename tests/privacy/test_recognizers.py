"""Recognizers: per-type precision/recall on the held-out synthetic corpus,
hand-written positives/negatives, registry extension and overlap rules."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from edgewise.privacy import Recognizer, Registry, Span, scan
from edgewise.privacy.cli_scan import scan_json
from edgewise.privacy.recognizers import default_registry, resolve

from .evaluate import evaluate
from .synth import FUZZY, STRUCTURED, TEST_SEEDS


@pytest.fixture(scope="module")
def metrics():
    return evaluate(TEST_SEEDS)


@pytest.mark.parametrize("kind", STRUCTURED)
def test_structured_recall_and_precision(metrics, kind):
    m = metrics["per_type"][kind]
    assert m["n"] >= 200
    assert m["recall"] >= 0.98, (kind, m)
    assert m["precision"] >= 0.98, (kind, m)


@pytest.mark.parametrize("kind", FUZZY)
def test_fuzzy_types_quality(metrics, kind):
    m = metrics["per_type"][kind]
    assert m["recall"] >= 0.9, (kind, m)
    assert m["precision"] >= 0.95, (kind, m)


def test_lookalike_negatives_rarely_flagged(metrics):
    assert metrics["negatives"] >= 1000
    assert metrics["negatives_flagged"] <= 0.02, metrics["flagged_examples"][:10]


def types(text):
    return [(s.type, s.text) for s in scan(text)]


@pytest.mark.parametrize("text, expected", [
    ("身份证：11010519491231002x", ("CN_ID_CARD", "11010519491231002x")),
    ("ID 110105 19491231 002X ok", ("CN_ID_CARD", "110105 19491231 002X")),
    ("电话(+86) 138-1234-5678。", ("CN_MOBILE", "(+86) 138-1234-5678")),
    ("call 0086 13812345678.", ("CN_MOBILE", "0086 13812345678")),
    ("卡号6222 0200 0000 0000 018", ("BANK_CARD", "6222 0200 0000 0000 018")),
    ("amex 3782 822463 10005", ("CREDIT_CARD", "3782 822463 10005")),
    ("mc 2221000000000009", ("CREDIT_CARD", "2221000000000009")),
    ("mail:li.wei+cn@corp.example.cn,", ("EMAIL", "li.wei+cn@corp.example.cn")),
    ("ssn 536 22 5678", ("US_SSN", "536 22 5678")),
    ("SSN: 536225678", ("US_SSN", "536225678")),
    ("from 203.0.113.9:443", ("IP_ADDRESS", "203.0.113.9")),
    ("host fe80::1ff:fe23:4567:890a%eth0 is up", None),  # link-local: not personal
    ("peer 2001:db8:85a3::8a2e:370:7334.", ("IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334")),
    ("mapped ::ffff:203.0.113.9", ("IP_ADDRESS", "::ffff:203.0.113.9")),
    ("我叫欧阳娜娜，来自深圳", ("PERSON", "欧阳娜娜")),
    ("请联系王先生", ("PERSON", "王")),
    ("Signed, Mary-Jane O'Neil", ("PERSON", "Mary-Jane O'Neil")),
    ("出生于1988年12月3日", ("DATE_OF_BIRTH", "1988年12月3日")),
    ("D.O.B. 3 March 1979", ("DATE_OF_BIRTH", "3 March 1979")),
    ("寄到浙江省杭州市西湖区文一西路969号", ("ADDRESS", "浙江省杭州市西湖区文一西路969号")),
])
def test_handwritten_positives(text, expected):
    got = types(text)
    assert (got == [expected]) if expected else got == [], got


@pytest.mark.parametrize("text", [
    "The Python Software Foundation announced PyCon.", "We moved to New York in May.",
    "version 1.2.3", "1.2.3.4.5", "127.0.0.1", "0.0.0.0:8000", "::1", "255.255.255.0",
    "订单号：13812345678", "Order #4111111111111111 shipped", "¥1,299.00", "in 2024",
    "ts 1700000000000", "0x13812345678", "4111 1111 1111 1112", "11010519491231002Y",
    "110105194912310021", "1381234567", "138123456789", "000-12-3456", "666-12-3456",
    "123456789 units", "icon@2x.png", "git@github.com:org/repo.git",
    "```\nseed = 13812345678\nuid = 11010519491231002X\n```",
    "run `curl 203.0.113.9`", "int x = 13812345678;", "北京市朝阳区", "生日快乐！",
    "出生日期：1990-02-30", "Release date: 2020-01-01", "这个方法很高明", "于是马上出发",
])
def test_handwritten_negatives(text):
    assert types(text) == []


@pytest.mark.parametrize("text, expected", [
    ("我的身份证号是110101199003077777", ("CN_ID_CARD", "110101199003077777")),  # bad check digit
    ("身份证：11010519491231002Y", None),                                         # 'Y': not an ID shape
    ("ID card no. 110105 19491231 0021", ("CN_ID_CARD", "110105 19491231 0021")),
    ("my ssn is 123-45-6789", ("US_SSN", "123-45-6789")),                      # published fake
    ("SSN: 000-12-3456", ("US_SSN", "000-12-3456")),
    ("ssn 078051120", ("US_SSN", "078051120")),
    ("card 4111 1111 1111 1112", ("CREDIT_CARD", "4111 1111 1111 1112")),    # Luhn fails
    ("信用卡 5500000000000005", ("CREDIT_CARD", "5500000000000005")),
    ("卡号 6222 0200 0000 0000 019", ("BANK_CARD", "6222 0200 0000 0000 019")),
    ("银行卡6222020000000000019", ("BANK_CARD", "6222020000000000019")),
])
def test_context_rescues_failed_checksums(text, expected):
    got = [(s.type, s.text, s.score) for s in scan(text)]
    if expected is None:
        assert got == []
    else:
        assert [g[:2] for g in got] == [expected] and got[0][2] == 0.6, got


@pytest.mark.parametrize("text", [
    "110101199003077777", "order number 110101199003077777", "订单号：110101199003077777",
    "ID 110101199003077777", "4111 1111 1111 1112", "4111111111111112", "1234567812345678",
    "card 1234567812345678",                      # no card network fits: not a card
    "6222 0200 0000 0000 019", "123-45-6789", "SSN 000-00-0000",  # filler, not a number
    "card tracking 4111 1111 1111 1112",          # the nearer cue is negative
    "身份证号 11010519491231002X，另一个 110101199003077777",  # cue belongs to the first number
    "```\nssn = '123-45-6789'\n```", "身份证号码 `110101199003077777`",
])
def test_failed_checksums_without_cue_stay_rejected(text):
    assert [(s.type, s.text) for s in scan(text) if s.text != "11010519491231002X"] == []


def test_rescued_card_gets_one_type():
    # 62-prefixed numbers are BANK_CARD only; others CREDIT_CARD only
    spans = [s for r in default_registry for s in r.find("卡号 6222020000000000019 card 4111111111111112")]
    assert sorted((s.type, s.text) for s in spans) == [
        ("BANK_CARD", "6222020000000000019"), ("CREDIT_CARD", "4111111111111112")]


def test_offsets_are_str_indices():
    text = "😀😀 我叫张伟 📞 13812345678 ✉ a@b.co"
    for sp in scan(text):
        assert text[sp.start:sp.end] == sp.text


def test_negative_context_is_local():
    # an order number earlier in the sentence must not hide a phone right after 电话
    assert ("CN_MOBILE", "13812345678") in types("订单号 12345，联系电话13812345678")


def test_overlap_longer_then_higher_score_wins():
    a, b, c = Span(0, 10, "A", "x" * 10, 0.6), Span(2, 5, "B", "yyy", 1.0), Span(10, 12, "C", "zz", 0.9)
    assert resolve([b, a, c]) == [a, c]
    d = Span(0, 10, "D", "x" * 10, 0.9)
    assert resolve([a, d]) == [d]


class EmployeeId(Recognizer):
    entity = "EMPLOYEE_ID"
    patterns = (re.compile(r"\bEMP-[0-9]{6}\b"),)
    context = ("工号", "employee")
    base_score = 0.6

    def validate(self, text):
        return not text.endswith("000000")


def test_registry_is_extensible():
    reg = Registry.default()
    reg.add(EmployeeId())
    assert types("EMP-123456") == []  # default registry untouched
    assert [s.type for s in scan("工号 EMP-123456, EMP-000000", reg)] == ["EMPLOYEE_ID"]
    assert "EMPLOYEE_ID" in reg.entities and len(reg) == len(default_registry) + 1
    assert [s.type for s in scan("a@b.com", reg.copy().remove("EMAIL"))] == []


def test_registry_rejects_bad_entity_names():
    class Bad(Recognizer):
        entity = "bad name"
    with pytest.raises(ValueError):
        Registry().add(Bad())


def test_scan_json():
    out = json.loads(scan_json("张伟 13812345678"))
    assert out == [{"start": 3, "end": 14, "type": "CN_MOBILE", "text": "13812345678"}] or \
        {"start": 3, "end": 14, "type": "CN_MOBILE", "text": "13812345678"} in out
    assert set(out[0]) == {"start", "end", "type", "text"}


def test_jieba_loads_lazily():
    code = ("import sys, edgewise.privacy as p; p.scan('hello 13812345678 a@b.com');"
            "print('jieba' in sys.modules); p.scan('我叫张伟'); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
    assert "Building prefix dict" not in out.stderr  # initialised quietly


@pytest.mark.parametrize("text,value", [
    # data pasted as code is still data: a value under a key that names it, or a whole string literal
    ("```\nphone = 13812345678\n```", "13812345678"),
    ('{"name":"欧阳晓燕","mobile":"13812457096"}', "13812457096"),
    ("INSERT INTO users VALUES ('Ana', '415-555-0199');", "415-555-0199"),
    ("<Phone>+44 20 7946 0958</Phone>", "+44 20 7946 0958"),
])
def test_data_in_code_is_found(text, value):
    assert value in [s.text for s in scan(text)], types(text)
