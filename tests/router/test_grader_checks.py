"""Answer checks behind the router labels: numbers, text, regexes, Python run with asserts."""
from __future__ import annotations

import pytest

from edgewise.router.checks import check, extract_code, numbers
from edgewise.router.dataset import load_prompts


@pytest.mark.parametrize("answer,value,ok", [
    ("2 + 3 = 5.", 5, True), ("The answer is 1,683.", 1683, True), ("一周有七天。", 7, True),
    ("There are seven continents.", 7, True), ("答案是9，因为45-24-12=9", 9, True),
    ("Step 1: 3*4=12. Answer: 12 pencils", 16, False), ("no number here", 3, False),
    ("面积是78.5平方厘米", 78.5, True), ("一共二十四小时", 24, True),
])
def test_number(answer, value, ok):
    assert check(answer, {"type": "number", "value": value}) is ok


def test_numbers_skip_a_lone_yi():
    assert [v for _, v in numbers("一个人有两只手")] == [2.0]


def test_text_checks():
    assert check("The capital is Paris.", {"type": "contains", "any": ["paris"]})
    assert not check("Lyon", {"type": "contains", "any": ["paris"]})
    assert check("Au is gold", {"type": "regex", "pattern": r"\bAu\b"})
    assert check("  Paris! ", {"type": "exact", "values": ["paris"]})
    with pytest.raises(ValueError):
        check("x", {"type": "nope"})


ASSERTS = {"type": "python_asserts", "entry": "inc", "asserts": "assert inc(1) == 2"}


@pytest.mark.parametrize("answer,ok", [
    ("```python\ndef inc(x):\n    return x + 1\n```", True),
    ("Sure:\n```py\ndef inc(x):\n    return x + 1\nprint(inc(input()))\n```\nDone.", True),  # calls dropped
    ("def inc(x):\n    return x + 1\n\nExample: inc(", True),  # trailing junk cut
    ("```python\ndef inc(x):\n    return x + 2\n```", False),
    ("```python\ndef inc(x):\n    while True:\n        pass\n```", False),  # timeout
    ("```python\ndef other(x):\n    return x + 1\n```", False),
    ("I cannot help with that.", False),
])
def test_python_asserts(answer, ok, monkeypatch):
    from edgewise.router import checks

    monkeypatch.setattr(checks, "TIMEOUT_S", 1.0)  # the endless loop must not cost 5 s
    assert check(answer, ASSERTS) is ok


def test_extract_code_prefers_the_fence():
    assert extract_code("def a(): pass\n```python\ndef b(): pass\n```").strip() == "def b(): pass"


def test_every_prompt_has_a_valid_check():
    items = load_prompts()
    assert len(items) >= 250 and {i["lang"] for i in items} == {"en", "zh"}
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        spec = item["check"]
        assert spec["type"] in ("exact", "contains", "regex", "number", "python_asserts"), item["id"]
        check("", spec)  # must not raise
