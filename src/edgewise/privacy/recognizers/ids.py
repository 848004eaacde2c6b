"""PASSPORT, LICENSE_PLATE and BANK_ACCOUNT.

Passport numbers (E12345678, 123456789) look like any other id, so they are
reported only right after a passport cue. Chinese plates (京A12345,
粤B·D12345) have a shape nothing else shares: province character + letter +
five or six characters; other plates (ABC-1234) need a plate cue.  Bank
accounts: an IBAN with valid check digits anywhere, or 8-20 digits right
after an account cue (account no., acct #, 账号, 账户).
"""
from __future__ import annotations

import re

from stdnum import iban

from .base import Recognizer

# Cue, then filler such as " No.: ", "号码是", " number is ", then the value.
_PASSPORT = re.compile(
    r"(?i:passport|护照)(?:\s*(?i:nos?\.?|num(?:ber)?s?\.?|#|id)|号码|号)?\s*"
    r"(?:(?i:is|was)\s+|[:：#]\s*|是|为)?\s*"
    r"(?<![A-Za-z0-9])(?P<v>[A-Z]{1,3}[0-9]{6,9}|[0-9]{8,9}|[0-9]{2}[A-Z]{2}[0-9]{5})(?![A-Za-z0-9])")


_MORE_IDS = re.compile(r"\s*(?:,|and|&|、|和)\s*(?P<v>[A-Z]{1,2}[0-9]{6,9})(?![A-Za-z0-9])")


class Passport(Recognizer):
    entity = "PASSPORT"
    patterns = (_PASSPORT,)
    base_score = 0.85
    code_factor = 0.5

    def candidates(self, text):
        if "护照" in text or "passport" in text.lower():
            for m in _PASSPORT.finditer(text):
                yield m.start("v"), m.end("v"), self.base_score
                end = m.end("v")
                while more := _MORE_IDS.match(text, end):  # "A09182736 and A09182744"
                    yield more.start("v"), more.end("v"), self.base_score
                    end = more.end("v")


_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PL = "A-HJ-NP-Z"  # plates skip I and O (they read as 1 and 0)
_CN_PLATE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<v>[{_PROVINCES}][{_PL}][·・.\s-]?[{_PL}0-9]{{5,6}})(?![A-Za-z0-9])")
_PLATE_CUE = re.compile(
    r"(?i:(?:licen[cs]e|number|reg(?:istration)?|car|vehicle)\s+plate|plate\s*(?:number|no\.?|#)|\bplates?|\bregistration|\breg\b|\bvrm\b"
    r"|车牌(?:号码|号)?)"
    r"\s*(?:(?i:is|was|of)\s+|[:：#]\s*|是|为)?\s*"
    r"(?<![A-Za-z0-9])(?P<v>[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,5})(?![A-Za-z0-9])")


class LicensePlate(Recognizer):
    entity = "LICENSE_PLATE"
    patterns = (_CN_PLATE, _PLATE_CUE)
    context = ("车牌", "牌照", "plate", "车主", "挪车", "违章")
    base_score = 0.6
    code_factor = 0.3

    def candidates(self, text):
        for m in _CN_PLATE.finditer(text):
            yield m.start("v"), m.end("v"), self.base_score
        low = text.lower()  # the cue regex is the slow part: run it only near a cue
        if "plate" in low or "reg" in low or "vrm" in low or "车牌" in text:
            for m in _PLATE_CUE.finditer(text):
                yield m.start("v"), m.end("v"), self.base_score

    def validate(self, text: str) -> bool:
        # Plates mix letters and digits; a bare word or a plain count is not one.
        digits = sum(c.isdigit() for c in text)
        return 2 <= digits and any(c.isalpha() and c.isascii() for c in text) \
            and 4 <= sum(c.isalnum() for c in text) <= 8


_IBAN = re.compile(r"(?<![A-Za-z0-9])(?P<v>[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])")
_ACCOUNT = re.compile(
    r"(?i:\b(?:account|acct\.?|a/c)(?:\s*(?:number|no\.?|num|#))?|账号|帐号|账户|帐户|收款账号"
    r"|\w*bank(?: for [a-z ]{1,20})?(?: (?:is|no\.?|number|acct))?)"
    r"\s*(?:(?i:is|was)\s+|[:：#]\s*|是|为)?\s*"
    r"(?<![A-Za-z0-9])(?P<v>[0-9](?:[ -]?[0-9]){6,19}|[0-9]{2}-[0-9]{2}-[0-9]{2}\s*/?\s*[0-9]{8})(?![A-Za-z0-9])")


class BankAccount(Recognizer):
    entity = "BANK_ACCOUNT"
    base_score = 0.65  # below a phone's: "网盘账号是138..." is a mobile number used as a login
    code_factor = 0.5

    def candidates(self, text):
        for m in _IBAN.finditer(text):
            if iban.is_valid(m.group("v")):
                yield m.start("v"), m.end("v"), 0.9
        low = text.lower()
        if "acc" in low or "a/c" in low or "bank" in low or "账" in text or "帐" in text:
            for m in _ACCOUNT.finditer(text):
                yield m.start("v"), m.end("v"), self.base_score
