"""PHONE_NUMBER: NANP, international and Chinese landline formats, look-alikes
that must stay quiet, no double spans with CN_MOBILE, levels and de-identification."""
from __future__ import annotations

import pytest

from edgewise.privacy import PrivacySession, privacy_level, redact, restore, scan


def types(text):
    return [(s.type, s.text) for s in scan(text)]


def level(text):
    return privacy_level([{"role": "user", "content": text}])


@pytest.mark.parametrize("text, value", [
    ("Contact Dr. Sarah Johnson at +1 (415) 555-0199", "+1 (415) 555-0199"),
    ("call me at (212) 555-7890", "(212) 555-7890"),
    ("my number is 415-555-0199", "415-555-0199"),
    ("+44 20 7946 0958", "+44 20 7946 0958"),
    ("+49 30 12345678", "+49 30 12345678"),
    ("tel: +33 1 42 68 53 00", "+33 1 42 68 53 00"),
    ("Phone: 415.555.0199.", "415.555.0199"),
    ("+1 415 555 0199", "+1 415 555 0199"),
    ("1-800-555-0199", "1-800-555-0199"),
    ("E.164: +14155550199", "+14155550199"),
    ("+33 (0)1 42 68 53 00", "+33 (0)1 42 68 53 00"),
    ("whatsapp 0044 20 7946 0958", "0044 20 7946 0958"),
    ("mobile 415 555 0199", "415 555 0199"),      # spaced: with context
    ("call me at 4155550199", "4155550199"),        # bare 10 digits: with context
    ("电话：(212) 555-7890", "(212) 555-7890"),
    ("请致电 +1 415 555 0199，谢谢", "+1 415 555 0199"),
    ("我的手机 4155550199", "4155550199"),
    ("联系我 +44 7700 900123。", "+44 7700 900123"),
    ("传真 +86 10 6552 9988", "+86 10 6552 9988"),  # CN landline: not a CN mobile
    ("（+852 9123 4567）", "+852 9123 4567"),
])
def test_phone_positives(text, value):
    assert ("PHONE_NUMBER", value) in types(text), types(text)


@pytest.mark.parametrize("text", [
    "2024-01-15", "on 12/26 we meet", "at 10:30:45", "UTC+08:00", "2024-01-15T10:00:00+0800",
    "version 1.2.3.4", "v2.415.555", "10.0.19041.1", "15.01.2024",
    "415-555", "415 - 555", "what is 1234567890 / 7", "what is 2345678901 / 7", "3 +12345678",
    "4155550199", "415 555 0199", "id 2125557890",                 # no context word
    "Order #415-555-0199", "tracking 212-555-7890", "订单号 212-555-7890", "ref 212.555.7890",
    "invoice 4155550199", "serial 415 555 0199",
    "$4,155,550.99", "+12.345.678 €", "score went up +1500000",
    "ISBN 978-0-415-55501-9", "isbn 9780415555019",
    "```\nlong n = 4155550199L;\n```", "`+44 20 7946 0958`", "int x = 2125557890;",
    "123-456-7890", "(555) 123-4567", "+1 234",                    # exchange/area start 0-1, too short
    "坐标 31.230416, 121.473701", "lat 40.7128 lon -74.0060",
])
def test_phone_negatives(text):
    assert types(text) == []


@pytest.mark.parametrize("text, value", [
    ("010-12345678", "010-12345678"),
    ("(021) 8765 4321", "(021) 8765 4321"),
    ("0755-8888 6666", "0755-8888 6666"),
    ("电话：010 6552 9988", "010 6552 9988"),      # spaced: with context
    ("座机（0755）88886666，谢谢", "（0755）88886666"),
    ("Tel: 0571-8765432", "0571-8765432"),         # 3-digit area code, 7-digit subscriber
    ("联系电话01065529988。", "01065529988"),        # bare: with context
    ("please call 020 3875 1234 today", "020 3875 1234"),
    ("座机 0755-88886666-8001", "0755-88886666"),   # extension left out
    ("office 010-8765-4321 or 021-87654321", "021-87654321"),
])
def test_cn_landline_positives(text, value):
    assert ("PHONE_NUMBER", value) in types(text), types(text)


@pytest.mark.parametrize("text", [
    "010 6552 9988", "01065529988", "0755 8888 6666",                # spaced or bare: no context
    "021-8765432", "010-1234567",                                    # 010/02x need 8 digits
    "0755-0888 6666", "0755-888866666", "0755-8888", "(0755) 123",  # subscriber shape
    "订单号 0755-88886666", "tracking 010-12345678", "invoice (021) 8765 4321",
    "010.1234.5678", "v0755.8888.6666", "0.99 元", "¥0755.00", "2024-01-15", "20240115",
    "1234 0755 8888 6666", "第010期", "0001-2345-6789",
])
def test_cn_landline_negatives(text):
    assert types(text) == []


@pytest.mark.parametrize("text, value", [
    ("whatsapp 0044 20 7946 0958", "0044 20 7946 0958"),
    ("电话 0049-30-12345678", "0049-30-12345678"),
    ("call 001 415 555 0199", "001 415 555 0199"),
    ("tel 00852 9123 4567", "00852 9123 4567"),
    ("fax 00442079460958", "00442079460958"),
    ("传真：0086 10 6552 9988", "0086 10 6552 9988"),
    ("0044 20 7946 0958", "0044 20 7946 0958"),  # grouped with a real country code: enough alone
    ("My UK number is 0044 20 7946 0958", "0044 20 7946 0958"),
])
def test_dial_out_00_with_context(text, value):
    assert types(text) == [("PHONE_NUMBER", value)]


@pytest.mark.parametrize("text", [
    "0012 3456 7890", "call 0012 3456 7890", "电话 0012 3456 7890",   # 12: no such country code
    "00442079460958", "0056 1420 6435",                              # ungrouped, or id-like 4-4-4 blocks
    "phone 00 4420 7946 0958",                                       # code not its own group
    "call 001 415 555 019", "tel 0044 12345",                        # national number too short
    "ref 001234567890", "0099 1234 5678",
])
def test_dial_out_00_lookalikes(text):
    assert types(text) == []


def test_an_account_number_is_not_a_phone():
    assert types("account 001234567890") == [("BANK_ACCOUNT", "001234567890")]


@pytest.mark.parametrize("text, value", [
    ("电话 13812345678", "13812345678"), ("call +86 138 1234 5678", "+86 138 1234 5678"),
    ("手机 0086 13812345678", "0086 13812345678"), ("+8613812345678", "+8613812345678"),
])
def test_cn_mobile_keeps_its_type(text, value):
    assert types(text) == [("CN_MOBILE", value)]


def test_level_is_pii():
    v = level("call me at (212) 555-7890 or +44 20 7946 0958")
    assert v.level == "pii" and v.reasons == ["PHONE_NUMBER"]
    assert level("my number is 415-555-0199").level == "pii"
    assert level("What is 415-555?").level == "none"


def test_deid_roundtrip():
    s = PrivacySession()
    text = "Please call Sarah Johnson at +1 (415) 555-0199 or 手机13812345678, fax +44 20 7946 0958."
    red, mapping = redact(text, s)
    assert red == "Please call <PERSON_1> at <PHONE_NUMBER_1> or 手机<CN_MOBILE_1>, fax <PHONE_NUMBER_2>."
    assert mapping["<PHONE_NUMBER_2>"] == "+44 20 7946 0958"
    assert restore(red, s) == text
    assert restore("dial [phone number 1] / PHONE_NUMBER_2", s) == \
        "dial +1 (415) 555-0199 / +44 20 7946 0958"
