"""The word-problem detector that sends tier 2 down the program path."""
from __future__ import annotations

import pytest

from edgewise.router.kind import is_math, p_math


@pytest.mark.parametrize("text", [
    "Tom has twice as many apples as Jerry. Together they have 36 apples. How many apples does Tom have?",
    "A shirt costs $40 and is on sale for 25% off. What is the sale price?",
    "小明有15颗糖，给了小红4颗，又买了7颗，现在有多少颗？",
    "一个长方形的周长是30厘米，长是宽的2倍，面积是多少平方厘米？",
])
def test_word_problems_are_detected(text):
    assert is_math(text), p_math(text)


@pytest.mark.parametrize("text", [
    "What is the capital of France?",
    "Write a Python function is_palindrome(s) that returns True if s reads the same backwards.",
    "你好，今天过得怎么样？",
    "写一个Python函数 reverse_words(s)，把句子里的单词顺序反过来。",
    "Translate 'good morning' into Chinese.",
])
def test_other_requests_are_not(text):
    assert not is_math(text), p_math(text)
