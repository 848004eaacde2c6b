"""The shipped routing grader: loads, answers in schema, orders easy below hard, stays fast."""
from __future__ import annotations

import json

import pytest

from edgewise.router.dataset import PROMPTS
from edgewise.router.grader import CLASSES, Grade, Grader, decide, request_text

# Hand-picked, not in the prompt set (checked below): obviously trivial vs obviously hard.
EASY = ["Hey, good evening!", "晚上好！", "What is 4 + 4?", "“书”的英文是什么？", "What color is snow?"]
HARD = [
    "Two pipes fill a tank in 4 and 6 hours and a drain empties it in 12 hours. With all three open, "
    "how many hours until the empty tank is full? Then how much longer if the drain is opened only after 2 hours?",
    "写一个Python函数 lru_get_put(capacity, ops)，实现一个容量为capacity的LRU缓存，依次执行ops中的get和put操作并返回所有get的结果。",
    "Write a Python function `longest_palindrome(s)` that returns the longest palindromic substring of s "
    "in O(n^2) time, returning the leftmost one when there are ties.",
    "一个水池有进水管和出水管，单开进水管6小时注满，单开出水管8小时放完，两管同时打开，多少小时能把空池注满？",
    "A shop raises a price by 15%, then gives a 20% discount, then adds 8% tax. If the final price is "
    "$99.36, what was the original price in dollars?",
]


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader.load().warm()


def test_shipped_weights_load(grader):
    assert grader.model.classes == CLASSES
    assert len(grader.model.buckets) > 100
    assert 0.0 < grader.thresholds["tier3"] < 1.0
    assert grader.meta["train_ids"], "the file records which prompts it trained on"


def test_hand_picked_cases_are_not_in_the_prompt_set():
    known = {json.loads(line)["prompt"] for line in PROMPTS.read_text(encoding="utf-8").splitlines() if line}
    assert not (set(EASY) | set(HARD)) & known


PARTS = [{"type": "text", "text": "Sort a list in Python"}]


@pytest.mark.parametrize("request_", ["What is 2+2?", [{"role": "user", "content": "你好"}],
                                      [{"role": "system", "content": "be brief"}, {"role": "user", "content": PARTS}]])
def test_grade_schema(grader, request_):
    g = grader.grade(request_)
    assert isinstance(g, Grade) and g.tier in (1, 2, 3)
    probs = [g.scores[c] for c in CLASSES]
    assert all(0.0 <= p <= 1.0 for p in probs) and abs(sum(probs) - 1.0) < 1e-3
    assert set(g.scores["thresholds"]) == {"tier1", "tier3"}
    assert g.ms >= 0.0 and g.privacy in ("none", "pii", "sensitive")
    json.dumps(g.to_dict())


def test_hard_prompts_score_higher_for_the_cloud(grader):
    easy = [grader.proba(t)["tier3"] for t in EASY]
    hard = [grader.proba(t)["tier3"] for t in HARD]
    assert max(easy) < min(hard), (easy, hard)
    assert all(grader.grade(t).tier < 3 for t in EASY)
    assert sum(grader.grade(t).tier == 3 for t in HARD) >= 4


def test_privacy_is_reported_not_routed(grader):
    g = grader.grade("我最近确诊了糖尿病，医生开的药是二甲双胍，请问饭前还是饭后吃？")
    assert g.privacy == "sensitive"
    assert grader.grade("hello", privacy=False).privacy is None


def test_fast_enough(grader):
    import time

    text = HARD[0]
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        grader.grade(text)
        times.append(time.perf_counter() - t0)
    assert sorted(times)[len(times) // 2] < 0.3  # p50 budget, privacy check included


def test_decide_and_thresholds():
    p = {"tier1": 0.7, "tier2": 0.1, "tier3": 0.2}
    assert decide(p, {"tier3": 0.5, "tier1": 0.6}) == 1
    assert decide(p, {"tier3": 0.2, "tier1": 0.6}) == 3
    assert decide(p, {"tier3": 0.5, "tier1": 1.01}) == 2
    g = Grader.load(thresholds={"tier3": 0.0})
    assert g.grade("hi", privacy=False).tier == 3


def test_request_text_reads_the_last_user_turn():
    msgs = [{"role": "user", "content": "first"}, {"role": "assistant", "content": "ok"},
            {"role": "user", "content": "second"}]
    assert request_text(msgs) == "second"
    assert request_text("plain") == "plain"
    assert request_text([{"role": "assistant", "content": "x"}]) == ""
