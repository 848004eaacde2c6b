"""Lossless sampling with the real models: the node's accept/resample rule,
fed the 0.5B draft's real (top-k truncated) distribution, emits tokens
distributed as the 1.5B target's own distribution.

One verify round per trial (gamma = 1) on a rolled-back session, so every
trial draws the first answer token afresh.  The test has power: the draft's
distribution differs from the target's enough that a node emitting the
draft's token unchecked would fail the same chi-square test."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from edgewise.algo.sampling import SamplingParams, process_logits, sample_sparse, sparse_topk
from edgewise.edge.node_link import NodeLink
from edgewise.engine.chat import chat_tokens
from tests.algo.algo_helpers import chisquare_pvalue
from tests.speculative.conftest import TOKEN

pytestmark = pytest.mark.slow
TRIALS = 400
PARAMS = SamplingParams(temperature=1.0, top_k=0, top_p=1.0, seed=0)
MSGS = [{"role": "user", "content": "Name one animal. Answer with a single word."}]


def _dist(engine, prompt) -> np.ndarray:
    engine.reset()
    logits = engine.prefill(prompt, reuse=False)
    return process_logits(logits[: engine.vocab_size], PARAMS)


def test_sampled_tokens_follow_the_target_distribution(draft, node, local_target):
    prompt = chat_tokens(draft, MSGS)
    p = _dist(local_target, prompt)
    ids, probs = sparse_topk(_dist(draft, prompt), 64)
    q = [ids.tolist(), probs.tolist()]
    link = NodeLink(node, TOKEN)
    link.connect()
    link.call({"t": "open", "v": 1, "vocab": draft.fingerprint, "session": None, "seed": 7})
    link.call({"t": "prefill", "round": 0, "tokens": prompt, "split": len(prompt)})
    rng = np.random.default_rng(1)
    emitted, accepted = Counter(), 0
    try:
        for r in range(1, TRIALS + 1):
            tok = sample_sparse(ids, probs, rng)
            v = link.call({"t": "verify", "round": r, "base": len(prompt), "draft": [tok], "q": [q],
                           "sampling": {"temperature": PARAMS.temperature, "top_k": 0, "top_p": 1.0}})
            accepted += v["accepted"]
            emitted[tok if v["accepted"] else v["token"]] += 1
    finally:
        link.close()
    target = {i: float(x) for i, x in enumerate(p) if x > 0}
    assert chisquare_pvalue(emitted, target) > 1e-3
    # acceptance ~ sum(min(p, q)) (Leviathan et al.)
    dense_q = np.zeros_like(p)
    dense_q[ids] = probs
    expected = float(np.minimum(p, dense_q).sum())
    assert abs(accepted / TRIALS - expected) < 4 * np.sqrt(expected * (1 - expected) / TRIALS) + 0.02
    # power: the draft's own distribution is distinguishable from the target's at this sample size
    draft_counts = Counter({int(i): round(TRIALS * float(x)) for i, x in zip(ids, probs)})
    assert chisquare_pvalue(draft_counts, target) < 1e-3
