"""Normalisation, negation scopes and number parsing behind the rules."""
from __future__ import annotations

import pytest

from edgewise.triage.text import (ages, durations_days, language, max_temperature, negated_spans,
                                  normalise)


def negated(text: str) -> list[str]:
    t = normalise(text)
    return [t[a:b].strip(" ,") for a, b in negated_spans(t)]


def test_normalise_full_width_and_number_words():
    assert normalise("发烧三天，３８．５℃") == "发烧3天,38.5°c"
    assert normalise("Fever for THREE days") == "fever for 3 days"
    assert normalise("两个月大") == "2个月大"


@pytest.mark.parametrize("text, lang", [
    ("I have a headache", "en"), ("我头疼", "zh"), ("我有fever", "zh"), ("chest pain 胸痛 and cough", "en"),
])
def test_language(text, lang):
    assert language(text) == lang


@pytest.mark.parametrize("text, expected", [
    ("No chest pain, shortness of breath or sweating.", ["chest pain, shortness of breath or sweating"]),
    ("denies fever, chills, or chest pain", ["fever, chills, or chest pain"]),
    ("no fever, chest pain since this morning", ["fever"]),
    ("no fever but chest pain", ["fever"]),
    ("he is not suicidal", ["suicidal"]),
    ("he is not breathing", []),
    ("doesn't have chest pain", ["chest pain"]),
    ("I can't breathe", []),
    ("没有胸痛、气短，但是头痛", ["胸痛、气短"]),
    ("无发热，无胸痛", ["发热", "胸痛"]),
    ("叫不醒，血止不住", []),
    ("没有呼吸了", []),
    ("没有呼吸困难", ["呼吸困难"]),
    ("休息时不胸痛", ["胸痛"]),
])
def test_negation_scopes(text, expected):
    assert negated(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("my 2-month-old baby", [2 / 12]),
    ("a 78-year-old man", [78]),
    ("宝宝3个月大", [0.25]),
    ("出生3周的宝宝", [3 / 52]),
    ("80岁老人", [80]),
    ("newborn with a fever", [0.05]),
    ("in his 70s", [75]),
])
def test_ages(text, expected):
    assert ages(normalise(text)) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("fever of 38.5°C", 38.5), ("temperature 101", pytest.approx(38.33, abs=0.01)),
    ("烧到39度", 39.0), ("体温38.2", 38.2), ("40岁，不发烧", None), ("cough for 10 days", None),
    ("feels hot at 38.1", 38.1),
])
def test_temperature(text, expected):
    assert max_temperature(normalise(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("fever for 3-4 days", [4]), ("cough for 3 weeks", [21]), ("咳嗽三个月了", [90]),
    ("宝宝3个月大，发烧两天", [2]), ("2023年开始", []), ("pain for 2 hours", [2 / 24]),
])
def test_durations(text, expected):
    assert durations_days(normalise(text)) == pytest.approx(expected)
