"""The audit's attacks on real hidden states (SmolLM2-135M: fast)."""
from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.slow


def test_depth0_embeddings_are_recovered_exactly(smollm):
    from edgewise.split.audit import MESSAGE, report, run

    res = run(smollm, remote_layers=30, max_tokens=40, probe_tokens=128, log=lambda s: None)
    assert res["input_depth"] == 0
    assert res["depths"]["0"]["nearest"] >= 0.99  # the sanity check: raw embeddings give every token away
    text = report(res)
    assert "recovers 100% of the prompt tokens" in text and MESSAGE in text


def test_exact_matching_inverts_a_shallow_split(smollm):
    from edgewise.split.audit import run

    res = run(smollm, remote_layers=27, local_tail=1, max_tokens=24, shortlist=32, probe_tokens=512,
              log=lambda s: None)
    r = res["depths"]["2"]
    assert r["nearest"] <= 0.2  # naive nearest neighbour fails past depth 0 ...
    assert r["exact"] >= 0.5 and r["exact"] >= r["probe"] - 0.05  # ... candidate matching does not
    assert r["shortlist"] >= r["exact"] - 0.1
    # output side of the U-shape: the node runs the public tail itself
    assert res["output_depth"] == 29 and res["tail_replay_generated"] >= 0.95


def test_capture_depth0_equals_dequantized_embeddings(smollm):
    from edgewise.split.attacks import Weights
    from edgewise.split.capture import Model
    from edgewise.split.gguf import model_info, read_tensor

    m = Model(smollm, n_ctx=64, n_batch=32, threads=1)
    try:
        toks = m.tokenize("hello split world")
        hs = m.run([(t, i, 0) for i, t in enumerate(toks)], [0, 3])
    finally:
        m.close()
    emb = read_tensor(model_info(smollm), "token_embd.weight")
    assert np.array_equal(hs[0], emb[toks])
    assert hs[3].shape == (len(toks), emb.shape[1])
    assert (Weights(smollm).nearest(hs[0])[:, 0] == np.array(toks)).all()


def test_shortlist_merges_sources_without_duplicates():
    from edgewise.split.attacks import shortlist

    got = shortlist([(np.array([5, 6, 7]), 2), (np.array([6, 8, 9]), 2)], 5)
    assert got == [5, 6, 8, 7, 9]
    assert shortlist([(np.array([1]), 4)], 3) == [1]
