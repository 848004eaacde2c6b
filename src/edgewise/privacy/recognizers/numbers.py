"""Checksummed and structured numbers: CN ID card, CN mobile, cards, US SSN."""
from __future__ import annotations

import datetime
import re

from stdnum import luhn
from stdnum.cn import ric

from .base import NEGATIVE_NUMBER_WORDS, Recognizer

# ASCII digits only: \d would also accept full-width and other scripts' digits.
_NOT_BEFORE = r"(?<![0-9A-Za-z_.])"
_NOT_AFTER = r"(?![0-9A-Za-z_]|\.[0-9])"

# GB 11643 region codes: first two digits are the province.
PROVINCES = frozenset(
    [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
     50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91])


def digits_of(text: str) -> str:
    return "".join(c for c in text if c in "0123456789Xx")


def real_date(y: int, m: int, d: int, oldest: int = 1900) -> bool:
    try:
        day = datetime.date(y, m, d)
    except ValueError:
        return False
    return oldest <= y and day <= datetime.date.today()


class CnIdCard(Recognizer):
    entity = "CN_ID_CARD"
    # 18 chars, optionally grouped 6-8-4 with one consistent separator.
    patterns = (re.compile(
        _NOT_BEFORE + r"(?P<v>[1-9][0-9]{5}(?P<s>[ -]?)(?:19|20)[0-9]{6}(?P=s)[0-9]{3}[0-9Xx])"
        r"(?![0-9A-Za-z_])"),)
    context = ("身份证", "身份证号", "身份证号码", "证件号", "证件号码", "公民身份号码",
               "id card", "id number", "identity", "resident id", "id no")
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.8
    code_factor = 0.3
    context_rescues = True  # "身份证号是…" with one digit mistyped is still an ID

    def validate(self, text: str) -> bool:
        n = digits_of(text).upper()
        if len(n) != 18 or int(n[:2]) not in PROVINCES:
            return False
        if not real_date(int(n[6:10]), int(n[10:12]), int(n[12:14])):
            return False
        return ric.calc_check_digit(n) == n[-1]


class CnMobile(Recognizer):
    entity = "CN_MOBILE"
    patterns = (re.compile(
        r"(?<![0-9A-Za-z_.+])(?P<v>(?:(?:\+|00)86[ -]?|86[ -]?|\(\+?86\)[ -]?)?"
        r"1[3-9][0-9](?P<s>[ -]?)[0-9]{4}(?P=s)[0-9]{4})" + _NOT_AFTER),)
    context = ("手机", "手机号", "电话", "联系方式", "联系电话", "致电", "拨打", "号码", "微信",
               "短信", "tel", "phone", "mobile", "cell", "call", "contact", "whatsapp", "sms")
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.7


# --- payment cards ----------------------------------------------------------
_CARD_PATTERNS = (
    re.compile(_NOT_BEFORE + r"(?<![0-9][ -])(?P<v>[0-9]{13,19})" + _NOT_AFTER),
    # groups of four, one consistent separator, short tail for 13-19 digits
    re.compile(_NOT_BEFORE + r"(?<![0-9][ -])(?P<v>[0-9]{4}(?P<s>[ -])[0-9]{4}(?P=s)"
               r"[0-9]{4}(?P=s)[0-9]{1,4}(?:(?P=s)[0-9]{1,3})?)(?![0-9A-Za-z_]|[ -][0-9])"),
    # Amex 4-6-5 and Diners 4-6-4
    re.compile(_NOT_BEFORE + r"(?<![0-9][ -])(?P<v>[0-9]{4}(?P<s>[ -])[0-9]{6}(?P=s)"
               r"[0-9]{4,5})(?![0-9A-Za-z_]|[ -][0-9])"),
)
_CARD_CONTEXT = ("卡号", "银行卡", "信用卡", "储蓄卡", "借记卡", "银联", "账号", "帐号", "卡", "银行", "开户行",
                 "card", "visa", "mastercard", "amex", "american express", "discover",
                 "jcb", "unionpay", "account", "acct", "cc", "pay", "payment")


def card_network(n: str) -> str | None:
    """Network by IIN prefix and length; None when nothing fits."""
    L, p2, p4 = len(n), int(n[:2]), int(n[:4])
    if n[0] == "4" and L in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and L == 16:
        return "mastercard"
    if p2 in (34, 37) and L == 15:
        return "amex"
    # Lengths kept to the common ones so 18-digit CN IDs never look like cards.
    if (p4 == 6011 or 644 <= int(n[:3]) <= 649 or p2 == 65) and L in (16, 19):
        return "discover"
    if 3528 <= p4 <= 3589 and L == 16:
        return "jcb"
    if (300 <= int(n[:3]) <= 305 or p2 in (36, 38, 39)) and L in (14, 16):
        return "diners"
    return None


class BankCard(Recognizer):
    """China UnionPay debit/credit cards: 62, 16-19 digits, Luhn."""
    entity = "BANK_CARD"
    patterns = _CARD_PATTERNS
    context = _CARD_CONTEXT
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.75
    context_rescues = True

    def plausible(self, text: str) -> bool:
        # 62 prefix here, never in CreditCard: a rescued number gets one type.
        n = digits_of(text)
        return n.isdigit() and n.startswith("62") and 16 <= len(n) <= 19

    def validate(self, text: str) -> bool:
        return self.plausible(text) and luhn.is_valid(digits_of(text))


class CreditCard(Recognizer):
    entity = "CREDIT_CARD"
    patterns = _CARD_PATTERNS
    context = _CARD_CONTEXT
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.75
    context_rescues = True

    def plausible(self, text: str) -> bool:
        n = digits_of(text)
        if not n.isdigit() or n.startswith("62") or not 13 <= len(n) <= 19:
            return False
        return card_network(n) is not None

    def validate(self, text: str) -> bool:
        return self.plausible(text) and luhn.is_valid(digits_of(text))


# --- US SSN -----------------------------------------------------------------
_SSN_CONTEXT = ("ssn", "social security", "soc sec", "social security number", "ss#",
                "ss #", "社会安全号", "社会安全号码", "社安号", "tin", "taxpayer")
# Numbers that are published examples, never issued.
_SSN_FAKE = frozenset(["078051120", "219099999", "123456789"])


def ssn_valid(n: str) -> bool:
    area, group, serial = n[:3], n[3:5], n[5:]
    if area in ("000", "666") or area[0] == "9":
        return False
    return group != "00" and serial != "0000" and n not in _SSN_FAKE


class UsSsn(Recognizer):
    entity = "US_SSN"
    patterns = (
        re.compile(r"(?<![0-9A-Za-z_.-])(?P<v>[0-9]{3}(?P<s>[- ])[0-9]{2}(?P=s)[0-9]{4})"
                   r"(?![0-9A-Za-z_]|-[0-9]|\.[0-9]| [0-9])"),
        re.compile(_NOT_BEFORE + r"(?P<v>[0-9]{9})" + _NOT_AFTER),
    )
    context = _SSN_CONTEXT
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.85
    context_boost = 0.4
    window = 32
    context_rescues = True  # "my ssn is 123-45-6789": a fake or typo still answers the form

    def plausible(self, text: str) -> bool:
        # 000-00-0000, 999-99-9999: fillers, not someone's number
        return len(set(digits_of(text))) > 1

    def candidates(self, text):
        # Dashed: strong. Spaced: borderline. Bare 9 digits: only with context.
        for s, e, _ in super().candidates(text):
            v = text[s:e]
            yield s, e, 0.85 if "-" in v else 0.5 if " " in v else 0.2

    def validate(self, text: str) -> bool:
        n = digits_of(text)
        return len(n) == 9 and n.isdigit() and ssn_valid(n)
