"""The label collector records each tier's greedy answer: labels must repeat.

It once decoded at generate()'s old default of T=1: the 135M model answered
gibberish and every label was one random draw.
"""
from __future__ import annotations

from edgewise.router.collect import Runner, cache_key


def test_collector_answers_greedily_and_repeatably(smollm):
    item = {"id": "t-1", "kind": "short", "prompt": "What is 2+3?", "check": {"type": "number", "value": 5}}
    runner = Runner(threads=1)
    try:
        first = runner.answer(1, item)
        again = runner.answer(1, item)
    finally:
        runner.close()
    assert first["answer"] == again["answer"]
    assert first["correct"], first["answer"]  # greedy SmolLM2 gets this right; T=1 draws did not
    assert first["key"] == cache_key(1, item)


def test_cache_key_changes_with_the_prompt():
    a = {"kind": "short", "prompt": "a"}
    assert cache_key(2, a) != cache_key(2, {**a, "prompt": "b"})
    assert cache_key(2, a) != cache_key(3, a)
