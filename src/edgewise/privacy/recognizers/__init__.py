"""PII recognizers and the `scan` entry point.

Extend with your own:

    from edgewise.privacy.recognizers import Recognizer, default_registry, scan
    class EmployeeId(Recognizer):
        entity = "EMPLOYEE_ID"
        patterns = (re.compile(r"\\bEMP-[0-9]{6}\\b"),)
        base_score = 0.9
    default_registry.add(EmployeeId())        # or: reg = Registry.default(); reg.add(...)
"""
from __future__ import annotations

from .address import ChineseAddress, UsAddress
from .base import MIN_SCORE, Recognizer, Registry, Span, code_regions, resolve, run_scan
from .dob import DateOfBirth
from .fields import FieldPerson, KeyedAddress, KeyedDob, KeyedId, KeyedPerson
from .ids import BankAccount, LicensePlate, Passport
from .national_ids import NationalId
from .network import Email, IpAddress
from .numbers import BankCard, CnIdCard, CnMobile, CreditCard, UsSsn
from .person import ChinesePerson
from .person_en import EnglishPerson
from .phone import CnLandline, PhoneNumber
from .structured import (StructuredAccount, StructuredAddress, StructuredDob, StructuredId, StructuredPerson,
                         StructuredPhone)
from .translit import TransliteratedPerson

# Order matters only for exact ties (same span, same score): earlier wins.
BUILTIN = (CnIdCard, CnMobile, BankCard, CreditCard, UsSsn, PhoneNumber, CnLandline, Email,
           IpAddress, DateOfBirth, ChineseAddress, UsAddress, ChinesePerson, EnglishPerson,
           TransliteratedPerson, Passport, LicensePlate, BankAccount, StructuredPerson, StructuredDob,
           StructuredAccount, NationalId, FieldPerson, KeyedPerson, KeyedDob, KeyedAddress, KeyedId,
           StructuredId, StructuredAddress, StructuredPhone)

default_registry = Registry.default()


def scan(text: str, registry: Registry | None = None, min_score: float = MIN_SCORE) -> list[Span]:
    """All PII spans in `text`, non-overlapping, sorted by start.

    Offsets are Python str indices: text[s.start:s.end] == s.text.
    """
    return run_scan(text, default_registry if registry is None else registry, min_score)


__all__ = ["Span", "Recognizer", "Registry", "scan", "default_registry", "code_regions",
           "resolve", "MIN_SCORE", *[c.__name__ for c in BUILTIN]]
