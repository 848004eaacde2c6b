"""Speculative greedy output equals the node's own plain greedy decoding,
token for token, on real models (0.5B draft, 1.5B target)."""
from __future__ import annotations

import pytest

from tests.speculative.conftest import remote_text, spec_tokens

pytestmark = pytest.mark.slow

PROMPTS = [
    "Write a Python function that checks whether a number is prime.",
    "用Python写一个函数，计算列表中所有偶数的和。",
    "Explain in two sentences what a hash map is.",
    "把下面的句子翻译成英文：今天天气很好，我们去公园散步吧。",
    "Write a SQL query that returns the ten most recent orders.",
    "什么是递归？请用一个简单的例子说明。",
]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_speculative_greedy_equals_remote(draft, node, prompt):
    msgs = [{"role": "user", "content": prompt}]
    ref, n_ref = remote_text(node, msgs, 40)
    text, tokens, dec, _ = spec_tokens(draft, node, msgs, 40)
    assert text == ref
    assert len(tokens) == n_ref
    assert dec.stats.rounds < len(tokens)  # more than one token per round trip on average


@pytest.mark.parametrize("draft_len,pipelined", [(1, False), (3, True), (8, False), (8, True)])
def test_every_draft_length_and_pipelining_is_exact(draft, node, draft_len, pipelined):
    msgs = [{"role": "user", "content": PROMPTS[0]}]
    ref, _ = remote_text(node, msgs, 32)
    text, _, dec, _ = spec_tokens(draft, node, msgs, 32, draft_len=draft_len, pipelined=pipelined)
    assert text == ref
    assert max(dec.stats.gammas) <= draft_len


def test_stats_account_for_server_work(draft, node):
    msgs = [{"role": "user", "content": PROMPTS[2]}]
    _, tokens, dec, _ = spec_tokens(draft, node, msgs, 32, draft_len=4)
    st = dec.stats
    assert 0 < st.accepted <= st.drafted
    # lazy verify: one pass per accepted token plus one per round (correction/bonus catch-up)
    assert st.passes <= st.accepted + st.rounds + 1


def test_auto_mode_switches_and_stays_exact(draft, node):
    """auto re-plans every round; streamed chunks and speculative rounds share one cache."""
    msgs = [{"role": "user", "content": PROMPTS[1]}]
    ref, _ = remote_text(node, msgs, 40)
    text, _, dec, _ = spec_tokens(draft, node, msgs, 40, auto=True, chunk=6)
    assert text == ref
    assert dec.stats.rounds >= 1 and len(dec.stats.plans) >= 1
