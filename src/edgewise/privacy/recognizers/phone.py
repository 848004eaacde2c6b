"""PHONE_NUMBER: North American (NANP) and international (+CC / 00CC) numbers.

Chinese mobiles stay CN_MOBILE: `+86 138…` is rejected here so one number
never gets two types. Scores by shape: formatted NANP and `+` numbers stand
alone; space-only NANP, ungrouped `00…` and bare 10-digit runs need a
context word (phone, call, 电话, …) before them.
"""
from __future__ import annotations

import re

from .base import NEGATIVE_NUMBER_WORDS, Recognizer

_BEFORE = r"(?<![0-9A-Za-z_+.-])(?<![0-9][.-])"
_AFTER = r"(?![0-9A-Za-z_]|[.-][0-9])"
_AREA = r"[2-9][0-9]{2}"     # NANP: area code and exchange start with 2-9
_PLUS1 = r"(?:\+?1[ .-]?)?"

_NANP = (
    # (415) 555-0199, +1 (415) 555.0199
    re.compile(_BEFORE + rf"(?P<v>{_PLUS1}\({_AREA}\) ?{_AREA}[ .-]?[0-9]{{4}})" + _AFTER),
    # 415-555-0199, 415.555.0199, +1 415 555 0199: one consistent separator
    re.compile(_BEFORE + rf"(?P<v>{_PLUS1}{_AREA}(?P<s>[ .-]){_AREA}(?P=s)[0-9]{{4}})" + _AFTER),
    # 4155550199: only with context (see candidates)
    re.compile(r"(?<![0-9A-Za-z_+.-])" + rf"(?P<v>{_AREA}{_AREA}[0-9]{{4}})" + _AFTER),
)
# +44 20 7946 0958, 0049-30-12345678, +33 (0)1 42 68 53 00, +14155550199.
# Each step is a digit, one separator before a digit or '(', or a short
# parenthesised group, so matching stays linear.
_INTL = re.compile(
    r"(?<![0-9A-Za-z_+)])(?<![0-9] )"
    r"(?P<v>(?:\+|00)[1-9](?:[0-9]|[ .-](?=[0-9(])|\([0-9]{1,4}\)[ .-]?(?=[0-9]))*[0-9])"
    + _AFTER)
_CN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")  # +12.345.678 is an amount


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())


def _intl_ok(value: str) -> bool:
    n = _digits(value)
    if value.startswith("00"):
        n = n[2:]
    if not 8 <= len(n) <= 15:
        return False
    if n.startswith("86") and _CN_MOBILE.fullmatch(n[2:]):
        return False  # CnMobile's
    return not _THOUSANDS.fullmatch(value.lstrip("+"))


def _intl_score(value: str) -> float:
    grouped = any(c in value for c in " .-()")
    if value.startswith("00"):  # 0044 20…; a bare 00… run is more often a padded id
        return 0.55 if grouped else 0.3
    if grouped:
        return 0.7
    return 0.6 if len(_digits(value)) >= 10 else 0.4  # +12345678 may be a signed amount


def _nanp_score(value: str) -> float:
    if "(" in value or "-" in value or "." in value or value.startswith("+"):
        return 0.6
    return 0.4 if " " in value else 0.2  # spaced or bare digits: context only


class PhoneNumber(Recognizer):
    entity = "PHONE_NUMBER"
    patterns = (*_NANP, _INTL)
    context = ("phone", "telephone", "tel", "call", "call me", "mobile", "cell", "text me",
               "txt", "sms", "fax", "whatsapp", "signal", "contact", "reach me", "dial",
               "my number", "hotline", "电话", "手机", "联系", "致电", "传真", "拨打", "座机",
               "热线", "来电", "短信", "微信")
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.6
    context_boost = 0.35

    def candidates(self, text):
        for s, e, _ in super().candidates(text):
            v = text[s:e]
            if v[0] == "+" or v.startswith("00"):
                if _intl_ok(v):
                    yield s, e, _intl_score(v)
            else:
                yield s, e, _nanp_score(v)
