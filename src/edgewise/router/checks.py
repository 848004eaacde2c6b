"""Automatic answer checks for the labelled router prompt set.

Check specs (the "check" field of data/router/prompts.jsonl):
  {"type": "exact", "values": [...]}        whole answer, normalised
  {"type": "contains", "any": [...]}        any substring, case-insensitive
  {"type": "regex", "pattern": "..."}       re.search on the raw answer
  {"type": "number", "value": 42}           the final number of the answer
  {"type": "python_asserts", "entry": "f", "asserts": "assert f(1) == 2"}

Python answers run in a child interpreter with a timeout and rlimits. That
protects against runaway code from our own test models (loops, memory), it is
not a sandbox for hostile code.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

from edgewise.edge.sandbox import definitions, same_number

TIMEOUT_S = 5.0

_FENCE = re.compile(r"```[ \t]*(?:python3?|py)?[ \t]*\n(.*?)(?:```|\Z)", re.S | re.I)
_NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")
_ZH_NUM = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_WORD_NUM = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)
# The number after the last of these is the stated answer, wherever it sits.
_MARKER = re.compile(r"(?i)answer\s*(?:is)?\s*[:：]?|答案\s*(?:是|为)?\s*[:：]?|=|＝|等于|是")


def _zh_value(run: str) -> int | None:
    total, cur = 0, 0
    for ch in run:
        if ch in _ZH_DIGITS:
            cur = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (cur or 1) * _ZH_UNITS[ch]
            cur = 0
    return total + cur


def numbers(text: str) -> list[tuple[int, float]]:
    """(position, value) of every number: digits, Chinese numerals, English words."""
    found: list[tuple[int, float]] = []
    for m in _NUM.finditer(text):
        try:
            found.append((m.start(), float(m.group().replace(",", ""))))
        except ValueError:
            pass
    for m in _ZH_NUM.finditer(text):
        if m.group() != "一":  # a lone 一 is mostly "a/one" (一个, 一下), not a quantity
            found.append((m.start(), float(_zh_value(m.group()))))
    for m in _WORD_NUM.finditer(text):
        found.append((m.start(), float(_WORDS[m.group().lower()])))
    return sorted(found)


def check_number(answer: str, value: float) -> bool:
    """The last number, or the first number after the last answer marker, equals value."""
    nums = numbers(answer)
    if not nums:
        return False
    if same_number(nums[-1][1], value):
        return True
    marks = list(_MARKER.finditer(answer))
    if marks:
        after = [v for pos, v in nums if pos >= marks[-1].end()]
        return bool(after) and same_number(after[0], value)
    return False


def _normalise(s: str) -> str:
    return re.sub(r"[\s\W_]+", " ", s.lower()).strip()


def extract_code(answer: str) -> str | None:
    """The first fenced Python block, else everything from the first `def`."""
    m = _FENCE.search(answer)
    if m:
        return m.group(1)
    i = answer.find("def ")
    return answer[i:] if i >= 0 else None


def _limits() -> None:  # runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (int(TIMEOUT_S), int(TIMEOUT_S) + 1))
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))


def run_asserts(code: str, asserts: str, timeout: float | None = None) -> bool:
    timeout = TIMEOUT_S if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="ew-check-") as tmp:
        path = os.path.join(tmp, "answer.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(code + "\n\n" + asserts + "\n")
        try:
            res = subprocess.run([sys.executable, "-I", path], cwd=tmp, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                                 env={"PATH": "/usr/bin:/bin"}, preexec_fn=_limits)
        except subprocess.TimeoutExpired:
            return False
        return res.returncode == 0


def check_python(answer: str, spec: dict) -> bool:
    code = extract_code(answer)
    code = definitions(code) if code else None
    if not code or f"def {spec['entry']}" not in code:
        return False
    return run_asserts(code, spec["asserts"])


def check(answer: str, spec: dict) -> bool:
    kind = spec["type"]
    if kind == "exact":
        return _normalise(answer) in {_normalise(v) for v in spec["values"]}
    if kind == "contains":
        low = answer.lower()
        return any(v.lower() in low for v in spec["any"])
    if kind == "regex":
        return re.search(spec["pattern"], answer, re.S) is not None
    if kind == "number":
        return check_number(answer, float(spec["value"]))
    if kind == "python_asserts":
        return check_python(answer, spec)
    raise ValueError(f"unknown check type {kind!r}")
