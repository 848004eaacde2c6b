"""PERSON at the start of a sentence: English names after a capitalised
verb ("Call Sarah Johnson"), ordinary capitalised openers stay quiet, and
Chinese names behave as before."""
from __future__ import annotations

import pytest

from edgewise.privacy import scan


def people(text):
    return [s.text for s in scan(text) if s.type == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("Call Sarah Johnson at 415-555-0132", "Sarah Johnson"),
    ("Sarah Johnson lives at 12 Oak Street.", "Sarah Johnson"),
    ("Please Call Sarah Johnson back.", "Sarah Johnson"),
    ("Email Emily Chen the slides.", "Emily Chen"),
    ("Invite Sarah J. Johnson to the review.", "Sarah J. Johnson"),
    ("Call Wang Fang at 010-12345678.", "Wang Fang"),            # pinyin name
    ("Sarah Johnson Mary Smith", "Mary Smith"),                   # two names, both found
])
def test_sentence_initial_english_names(text, name):
    assert name in people(text), scan(text)


def test_call_name_at_phone_gets_both():
    assert [(s.type, s.text) for s in scan("Call Sarah Johnson at 415-555-0132")] == [
        ("PERSON", "Sarah Johnson"), ("PHONE_NUMBER", "415-555-0132")]


@pytest.mark.parametrize("text", [
    "The Annual Report is due.", "Please Call Back Later.", "Meeting Tuesday at 10.",
    "Call Center Hours", "Thanks Team, great work!", "Please Review The Draft.",
    "Call Me Maybe is a song.", "Visual Studio Code has great extensions.",
    "The Golden Gate Bridge is in San Francisco.", "Happy New Year to the whole team!",
])
def test_capitalised_openers_are_not_names(text):
    assert people(text) == []


def test_no_name_starts_inside_a_word():
    # "Mary-Jane" and "O'Neil" are one word each: never "Jane O'Neil"
    for text in ("Email Mary-Jane O'Neil today", "Call O'Neil Smith"):
        for s in scan(text):
            before = text[s.start - 1:s.start]
            assert not before.isalpha() and before not in ("-", "'"), (text, s)


@pytest.mark.parametrize("text, name", [
    ("张伟说明天开会。", "张伟"), ("我叫欧阳娜娜，来自深圳", "欧阳娜娜"),
    ("王先生您好", "王"), ("联系人：李娜，电话010-12345678", "李娜"),
])
def test_chinese_names_unchanged(text, name):
    assert name in people(text), scan(text)


@pytest.mark.parametrize("text", ["于是我们决定改用方案二。", "这个方法很高明，我们马上开始。"])
def test_chinese_non_names_unchanged(text):
    assert people(text) == []
