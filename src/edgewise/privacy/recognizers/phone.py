"""PHONE_NUMBER: North American (NANP), international (+CC / 00CC) and
Chinese landline (010-12345678, (0755) 8888 6666) numbers.

Chinese mobiles stay CN_MOBILE: `+86 138…` is rejected here so one number
never gets two types. Scores by shape: formatted NANP, `+` and dashed or
bracketed landline numbers stand alone; space-only and bare digit runs and
every `00…` number need a context word (phone, call, 电话, …) before them.
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
# National numbers with a trunk 0 (UK 07700 900123, 020 7946 0958; DE, FR,
# AU ...): 10-11 digits in spaced/dashed groups. Only with a context word,
# except the UK mobile grouping 07xxx xxxxxx, which nothing else uses.
_NATIONAL = re.compile(
    _BEFORE + r"(?P<v>(?:0[1-9][0-9]{0,4}|\(0[1-9][0-9]{0,3}\))[ -](?:[0-9]{6}|[0-9]{3,4}(?:[ -][0-9]{3,4})?))" + _AFTER)
# Groupings nothing else uses: UK mobile 07xxx xxxxxx, Nigerian 0803 456 7812,
# Taiwanese 0912-345-678, Malaysian 012-345 6789.
_OWN_SHAPE = re.compile(r"07[0-9]{3} [0-9]{6}|0[789][01][0-9] [0-9]{3} [0-9]{4}|09[0-9]{2}-[0-9]{3}-[0-9]{3}"
                        r"|01[0-9]-[0-9]{3,4} [0-9]{4}|08[35-9] [0-9]{3} [0-9]{4}")  # ... Irish mobiles 087 234 5619  # ... and Malaysian mobiles 012-345 6789
# Local numbers without a trunk 0: Hong Kong / Singapore 9123 4567, Indian
# mobiles 98401 22761. Context only.
_LOCAL = re.compile(r"(?<![0-9A-Za-z_+.-])(?<![0-9] )(?P<v>[2-9][0-9]{3} [0-9]{4}|[6-9][0-9]{4} [0-9]{5})"
                    r"(?![0-9A-Za-z_]|[.-][0-9]| [0-9])")
_CN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# ITU country codes: 1 and 7, the assigned two-digit codes, and three-digit
# codes in the zones that use them (a zone prefix + any digit is close enough).
_CC2 = frozenset("20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58"
                 " 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split())
_CC3_ZONES = frozenset("21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 69 80 85 87 88 96 97 99"
                       .split())
_CN_HOTLINE = re.compile(r"[48]00[ -]?[0-9]{3}[ -]?[0-9]{4}")
_HOTLINE_CUE = re.compile(r"(?i)help ?desk|hotline|customer (?:service|care|support)|support|toll[- ]free|freephone|"
                          r"call cent(?:re|er)|amazon|apple|bank|客服|热线|服务电话")
# An organisation's switchboard, whatever its number looks like ("总机021-…", "appointment line is …").
_ORG_LINE = re.compile(r"(?i)switchboard|appointment line|main line|reception|front desk|hotline|helpline|"
                       r"总机|客服|热线|服务电话|挂号电话|预约电话|前台")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def company_line(text: str, s: int, v: str, chinese: bool) -> bool:
    """400-666-8800 in Chinese text, "the helpdesk on 0800 …", "总机021-…": a company's
    line, not a person's number."""
    return bool(chinese and _CN_HOTLINE.fullmatch(v)
                or _TOLL_FREE.fullmatch(v) and _HOTLINE_CUE.search(text[max(0, s - 60):s])
                or _ORG_LINE.search(text[max(0, s - 30):s]))


_TOLL_FREE = re.compile(r"(?:\+?1[ .-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}|0800[ -]?[0-9]{3}[ -]?[0-9]{3,4}|0808[ -]?[0-9]{3}[ -]?[0-9]{4}")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")  # +12.345.678 is an amount


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())


def _country_code(n: str) -> str:
    if n[:1] in ("1", "7"):
        return n[:1]
    if n[:2] in _CC2:
        return n[:2]
    return n[:3] if n[:2] in _CC3_ZONES else ""


def _dial_out_ok(value: str) -> bool:
    """00 + a real country code (its own group when grouped) + a national
    number of a fitting length; '0012 3456 7890' is a padded id."""
    n = _digits(value)[2:]
    cc = _country_code(n)
    first = re.split(r"[ .()-]+", value[2:].lstrip(" .-"), maxsplit=1)[0]
    if not cc or (first != n and first != cc):
        return False
    return len(n) - len(cc) == 10 if cc == "1" else len(n) - len(cc) >= 6


def _intl_ok(value: str) -> bool:
    n = _digits(value)
    if value.startswith("00"):
        n = n[2:]
        if not _dial_out_ok(value):
            return False
    if not 8 <= len(n) <= 15:
        return False
    if n.startswith("86") and _CN_MOBILE.fullmatch(n[2:]):
        return False  # CnMobile's
    return not _THOUSANDS.fullmatch(value.lstrip("+"))


def _intl_score(value: str) -> float:
    grouped = any(c in value for c in " .-()")
    if value.startswith("00"):  # real country code (_dial_out_ok) and phone-like grouping, else a context word:
        blocks = [len(g) for g in re.split(r"[ .()-]+", value) if g]  # 0056 1420 6435 reads as a padded id
        return 0.55 if grouped and set(blocks) != {4} else 0.3
    if grouped:
        return 0.7
    return 0.6 if len(_digits(value)) >= 10 else 0.4  # +12345678 may be a signed amount


def _nanp_score(value: str) -> float:
    if "(" in value or "-" in value or "." in value or value.startswith("+"):
        return 0.6
    return 0.4 if " " in value else 0.2  # spaced or bare digits: context only


class PhoneNumber(Recognizer):
    entity = "PHONE_NUMBER"
    patterns = (*_NANP, _INTL, _NATIONAL, _LOCAL)
    context = ("phone", "telephone", "tel", "call", "call me", "mobile", "cell", "text me",
               "txt", "sms", "fax", "whatsapp", "signal", "contact", "reach me", "dial",
               "my number", "hotline", "hp", "ph", "mob", "landline", "number", "new one is", "text", "ring",
               "电话", "手机", "联系", "联络", "致电", "传真", "拨打", "座机",
               "热线", "来电", "短信", "微信", "号码", "打我")
    negative = NEGATIVE_NUMBER_WORDS
    base_score = 0.6
    context_boost = 0.35

    def candidates(self, text):
        chinese = _HAN.search(text) is not None
        for s, e, _ in super().candidates(text):
            v = text[s:e]
            if company_line(text, s, v, chinese):
                continue
            if v[0] == "+" or v.startswith("00"):
                if _intl_ok(v):
                    yield s, e, _intl_score(v)
            elif v[0] in "0(":
                if len(_digits(v)) in (10, 11):
                    yield s, e, 0.55 if _OWN_SHAPE.fullmatch(v) or v[0] == "(" else 0.4
            elif _LOCAL.fullmatch(v):
                yield s, e, 0.2  # context only
            else:
                yield s, e, _nanp_score(v)


# Area code 010 / 02x (8-digit subscriber) or 0[3-9]xx (7-8 digits); a
# subscriber never starts with 0 (0010 1234 5678 is a padded id). Optional
# (0755) brackets, ASCII or full-width; an extension (-8001) is left out.
_CN_AREA = r"(?:010|02[0-9]|0[3-9][0-9]{2})"
_CN_LANDLINE = re.compile(
    r"(?<![0-9A-Za-z_+.-])(?<![0-9][ -])"
    rf"(?P<v>(?:[(（]{_CN_AREA}[)）] ?|{_CN_AREA}[ -]?)[1-9][0-9]{{2,3}}[ -]?[0-9]{{4}})"
    r"(?:-[0-9]{1,5})?(?![0-9A-Za-z_]|[ .-][0-9])")


def _landline_ok(value: str) -> bool:
    n = _digits(value)
    area = 3 if n[1] in "12" else 4
    return len(n) - area in ((8,) if area == 3 else (7, 8))


def _landline_score(value: str) -> float:
    if "-" in value or "(" in value or "（" in value:
        return 0.6
    return 0.4 if " " in value else 0.2  # spaced or bare digits: context only


class CnLandline(PhoneNumber):
    """Chinese fixed-line numbers written without +86 (those are _INTL's)."""
    patterns = (_CN_LANDLINE,)

    def candidates(self, text):
        for s, e, _ in Recognizer.candidates(self, text):  # not PhoneNumber's NANP/+ scoring
            v = text[s:e]
            if _landline_ok(v) and not company_line(text, s, v, chinese=False):
                yield s, e, _landline_score(v)
