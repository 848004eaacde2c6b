"""ID_NUMBER: national and regional identity numbers beyond the mainland ID card
and the US SSN (numbers.py).

Two ways in, as Presidio does it:
- a number whose own check digit holds: Hong Kong (A123456(7)) and Taiwan
  (A123456789) IDs, India's Aadhaar (Verhoeff) and PAN (its fixed shape),
  Mexico's CURP, Canada's SIN and the UAE's Emirates ID (Luhn), Singapore's
  NRIC, Spain's DNI/NIE, Korea's resident number, the UK's NI number (shape);
- anything id-shaped right after an id cue (NIN:, Medicare no., driver's
  licence, 身分證, PP): cued numbers without a checksum, and mistyped ones,
  still leak a person.
"""
from __future__ import annotations

import re

from stdnum import luhn
from stdnum.es import dni, nie
from stdnum.kr import rrn
from stdnum.in_ import aadhaar
from stdnum.mx import curp

from .base import Recognizer
from .numbers import digits_of

_B = r"(?<![A-Za-z0-9])"
_E = r"(?![A-Za-z0-9])"
_HK = re.compile(rf"{_B}(?P<v>[A-Z]{{1,2}}[0-9]{{6}}\(?[0-9A]\)?)(?![A-Za-z0-9)])")
_TW = re.compile(rf"{_B}(?P<v>[A-Z][12][0-9]{{8}}){_E}")
# spaced groups only, and not inside a longer run of groups (a card number)
_AADHAAR = re.compile(rf"(?<![0-9] ){_B}(?P<v>[2-9][0-9]{{3}} [0-9]{{4}} [0-9]{{4}})(?! ?[0-9]){_E}")
_PAN = re.compile(rf"{_B}(?P<v>[A-Z]{{3}}[PCHFATBLJG][A-Z][0-9]{{4}}[A-Z]){_E}")
_CURP = re.compile(rf"{_B}(?P<v>[A-Z]{{4}}[0-9]{{6}}[HM][A-Z]{{5}}[A-Z0-9][0-9]){_E}")
_SIN = re.compile(rf"(?<![0-9][ -]){_B}(?P<v>[1-7][0-9]{{2}}[ -][0-9]{{3}}[ -][0-9]{{3}})(?![ -]?[0-9]){_E}")
_EMIRATES = re.compile(rf"{_B}(?P<v>784-?[0-9]{{4}}-?[0-9]{{7}}-?[0-9]){_E}")
_NRIC = re.compile(rf"{_B}(?P<v>[STFGM][0-9]{{7}}[A-Z]){_E}")  # Singapore NRIC/FIN
_NINO = re.compile(rf"{_B}(?P<v>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{{2}} ?[0-9]{{2}} ?[0-9]{{2}} ?[A-D]){_E}")  # UK NI number
_DNI = re.compile(rf"{_B}(?P<v>[0-9]{{8}}-?[A-Z]|[XYZ]-?[0-9]{{7}}-?[A-Z]){_E}")  # Spain DNI / NIE
_RRN = re.compile(rf"{_B}(?P<v>[0-9]{{6}}-[1-4][0-9]{{6}}){_E}")  # Korea

_MAINLAND = re.compile(r"[0-9]{15}|[0-9]{17}[0-9A-Za-z]")
# Cue, then filler (" no.: ", " number is ", "字號是"), then an id-shaped token.
_CUE = re.compile(
    r"(?:(?i:\b(?:aadhaar|aadhar|pan|sin|nin|nric|fin|curp|rfc|medicare|tfn|pps|nhs|emirates id"
    r"|(?:national|resident|identity|id) (?:card|number|no\.?)|id (?:no\.?|number|#)"
    r"|driver'?s? licen[cs]e|driving licen[cs]e|licen[cs]e (?:no\.?|number|#)|\bdl)\b)|\bPP\b"
    r"|(?i:\b(?:nie|dni|nif|mrn|medical record(?: number| no\.?)?|member id|policy (?:number|no\.?)|health card|medicaid id"
    r"|hospital account(?: number)?|insurance (?:number|id)|patient id|employee (?:id|number|no\.?)|emp\.? id|staff (?:id|number|no\.?)"
    r"|student (?:id|number|no\.?)|cnp|tax (?:code|id|number))\b)"
    r"|身份证|身份證|身分證|身分证|证件|證件|社保卡|医保卡|社保|驾驶证|驾照|住院号|门诊号|病案号|病历号|就诊卡号|保单号|保险单号"
    r"|医保号|通行证号码?|(?:证明|接种证|手册|证)\S{0,6}编号|工号|学号|员工编号)"
    r"(?:\s*(?i:no\.?|num(?:ber)?\.?|#|id))?(?:字號|字号|號碼|号码|号|號)?"
    r"(?:\s*\((?:[A-Za-z ]{1,12})\))?\s*(?:(?i:is|was)\s+|[:：#]\s*|係|是|为|為)?\s*"
    # one token, or more tokens each holding a digit ("MRN 2201-884-5", not "987654321 and it")
    rf"{_B}(?P<v>[A-Za-z0-9]{{1,22}}(?:[ -][A-Za-z]{{0,3}}[0-9][A-Za-z0-9]{{0,12}}){{0,4}}(?:\([0-9A]\))?){_E}")


def hk_id_ok(s: str) -> bool:
    s = s.replace("(", "").replace(")", "")
    head, check = s[:-1], s[-1]
    letters = head.rstrip("0123456789")
    vals = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters] + [int(c) for c in head[len(letters):]]
    total = sum(v * w for v, w in zip(vals, range(9, 1, -1)))
    want = (11 - total % 11) % 11
    return check == ("A" if want == 10 else str(want))


_TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # A=10 ... the official order


def tw_id_ok(s: str) -> bool:
    n = _TW_LETTERS.index(s[0]) + 10
    digits = [n // 10, n % 10] + [int(c) for c in s[1:]]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(d * w for d, w in zip(digits, weights)) % 10 == 0


def nric_ok(s: str) -> bool:
    """Singapore NRIC/FIN check letter."""
    total = sum(int(d) * w for d, w in zip(s[1:8], (2, 7, 6, 5, 4, 3, 2)))
    if s[0] in "TG":
        total += 4
    elif s[0] == "M":
        total += 3
    letters = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK", "M": "KLJNPQRTUWX"}[s[0]]
    return s[8] == letters[total % 11]


_CHECKED = (
    (_HK, hk_id_ok),
    (_TW, tw_id_ok),
    (_AADHAAR, lambda s: aadhaar.is_valid(s.replace(" ", ""))),
    (_PAN, lambda s: True),  # the shape itself is the check: 5 letters, 4 digits, a letter, holder type 4th
    (_CURP, curp.is_valid),
    (_SIN, lambda s: luhn.is_valid(digits_of(s))),
    (_EMIRATES, lambda s: luhn.is_valid(digits_of(s))),
    (_NRIC, lambda s: nric_ok(s)),
    (_NINO, lambda s: s.replace(" ", "")[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")),
    (_DNI, lambda s: dni.is_valid(s) or nie.is_valid(s)),
    (_RRN, rrn.is_valid),
)


class NationalId(Recognizer):
    entity = "ID_NUMBER"
    base_score = 0.8
    code_factor = 0.5

    def candidates(self, text):
        for rx, ok in _CHECKED:
            for m in rx.finditer(text):
                if ok(m.group("v")):
                    yield m.start("v"), m.end("v"), 0.85
        for m in _CUE.finditer(text):
            v = m.group("v")
            if _MAINLAND.fullmatch(re.sub(r"[ -]", "", v)) and not re.search("驾驶证|驾照|社保|医保", m.group(0)):
                continue  # an id card's number has its own recognizer and type (numbers.py); a licence's is here
            if sum(c.isdigit() for c in v) >= 5:
                yield m.start("v"), m.end("v"), 0.75
