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
    """Streamed chunks and speculative rounds alternate on one cache; the output stays the target's."""
    msgs = [{"role": "user", "content": PROMPTS[1]}]
    ref, _ = remote_text(node, msgs, 40)
    flips = iter(["remote_stream", "spec", "spec", "remote_stream"] * 20)

    def scripted(dec):
        dec.planner.first = lambda n: "spec"
        dec.planner.next = lambda current, left: next(flips)

    text, _, dec, _ = spec_tokens(draft, node, msgs, 40, auto=True, chunk=5, setup=scripted)
    assert text == ref
    st = dec.stats
    assert st.rounds >= 2 and st.streamed >= 5
    assert "spec" in st.plans and "remote_stream" in st.plans


def test_auto_plans_from_measurements_before_the_first_token(draft, node):
    """On this CPU the node's verify costs a decode step per token, so the planner streams
    from the first token (no speculative warm-up round) and stays exact."""
    msgs = [{"role": "user", "content": PROMPTS[0]}]
    ref, _ = remote_text(node, msgs, 24)
    text, _, dec, _ = spec_tokens(draft, node, msgs, 24, auto=True)
    assert text == ref
    assert dec.opened["step_ms"] > 0  # the node announced its own cost
    assert dec.stats.plans[0] == "remote_stream" and dec.stats.rounds == 0
    assert dec.planner.t_draft_ms > 0 and dec.planner.step_ms > 0


@pytest.mark.parametrize("kw", [{"draft_len": 3}, {"auto": True, "chunk": 5}])
def test_one_decoder_serves_many_requests_exactly(draft, node, kw):
    """A gateway keeps one decoder and one session: a request that ends inside a
    streamed chunk, or after several rounds, must not leak into the next one."""
    from edgewise.algo.sampling import SamplingParams
    from edgewise.edge.node_link import NodeLink
    from edgewise.edge.speculative import SpeculativeDecoder
    from edgewise.engine.chat import chat_tokens
    from tests.speculative.conftest import TOKEN

    dec = SpeculativeDecoder(draft, lambda: NodeLink(node, TOKEN), **kw)
    if kw.get("auto"):
        dec.planner.first = lambda n: "remote_stream"
    try:
        for prompt, n in [(PROMPTS[0], 12), ("Say hi.", 40), (PROMPTS[3], 12), (PROMPTS[2], 9)]:
            msgs = [{"role": "user", "content": prompt}]
            ref, n_ref = remote_text(node, msgs, n)
            out = list(dec.generate(chat_tokens(draft, msgs), n, SamplingParams(0.0)))
            assert "".join(d.text for d in out) == ref, prompt
            assert sum(d.token is not None for d in out) == n_ref
    finally:
        dec.close()
