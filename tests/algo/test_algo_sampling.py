"""Sampling params, logit processing, vocab slicing, sparse top-k, sampling."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from algo_helpers import chisquare_pvalue
from edgewise.algo.sampling import (
    SamplingParams, dense_from_sparse, make_rng, one_hot, process_logits,
    sample, sample_sparse, slice_vocab, softmax, sparse_topk,
)

finite_logits = arrays(np.float64, st.integers(1, 12),
                       elements=st.floats(-30, 30, allow_nan=False).map(lambda x: round(x, 1)))
params_st = st.builds(SamplingParams, temperature=st.sampled_from([0.0, 0.3, 1.0, 2.5]),
                      top_k=st.integers(0, 14), top_p=st.sampled_from([0.05, 0.5, 0.9, 1.0]))


def reference(logits, params):
    """Plain re-implementation: temperature, top-k (ties kept), top-p (ties kept)."""
    x = np.asarray(logits, np.float64)
    if params.temperature == 0:
        return one_hot(int(np.argmax(x)), x.size)
    x = x / params.temperature
    if 0 < params.top_k < x.size:
        kth = sorted(x, reverse=True)[params.top_k - 1]
        x = np.array([v if v >= kth else -np.inf for v in x])
    p = np.exp(x - x.max())
    p /= p.sum()
    if params.top_p < 1.0:
        mass, threshold = 0.0, None
        for v in sorted(p, reverse=True):
            if mass >= params.top_p:
                break
            threshold, mass = v, mass + v
        p = np.where((p >= threshold) & (p > 0), p, 0.0)
        p /= p.sum()
    return p


# --- SamplingParams ---------------------------------------------------------

@pytest.mark.parametrize("kwargs", [{"temperature": -0.1}, {"temperature": float("nan")},
                                    {"top_k": -1}, {"top_p": 0.0}, {"top_p": 1.1}])
def test_params_validation(kwargs):
    with pytest.raises(ValueError):
        SamplingParams(**kwargs)


def test_params_frozen_and_greedy():
    params = SamplingParams(temperature=0.0, seed=3)
    assert params.greedy and not SamplingParams().greedy
    with pytest.raises(AttributeError):
        params.temperature = 1.0


# --- process_logits -----------------------------------------------------------

def test_greedy_is_onehot_with_lowest_id_tiebreak():
    x = np.array([1.0, 5.0, 2.0, 5.0])
    np.testing.assert_array_equal(process_logits(x, SamplingParams(temperature=0)), [0, 1, 0, 0])
    greedy_topp = SamplingParams(temperature=0, top_k=3, top_p=0.1)
    np.testing.assert_array_equal(process_logits(x, greedy_topp), [0, 1, 0, 0])


def test_temperature():
    x = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(process_logits(x, SamplingParams()), softmax(x))
    np.testing.assert_allclose(process_logits(x, SamplingParams(temperature=0.5)), softmax(2 * x))
    cold = process_logits(x, SamplingParams(temperature=0.01))
    np.testing.assert_allclose(cold, [0, 0, 1], atol=1e-40)
    hot = process_logits(x, SamplingParams(temperature=1e6))
    np.testing.assert_allclose(hot, [1 / 3] * 3, atol=1e-6)


def test_softmax_is_stable_and_masks_neg_inf():
    p = softmax(np.array([1e4, 1e4 - 1.0, -np.inf]))
    assert np.isfinite(p).all() and p[2] == 0.0
    assert p[0] == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert process_logits(np.array([-1e300, 0.0]), SamplingParams()).tolist() == [0.0, 1.0]


def test_top_k():
    x = np.array([0.0, 3.0, 1.0, 2.0])
    p = process_logits(x, SamplingParams(top_k=2))
    np.testing.assert_allclose(p, [0, np.e / (np.e + 1), 0, 1 / (np.e + 1)])
    assert np.count_nonzero(process_logits(x, SamplingParams(top_k=1))) == 1
    np.testing.assert_allclose(process_logits(x, SamplingParams(top_k=9)), softmax(x))


def test_top_k_keeps_boundary_ties():
    p = process_logits(np.array([2.0, 1.0, 1.0, 0.0]), SamplingParams(top_k=2))
    assert np.count_nonzero(p) == 3 and p[1] == p[2]


def test_top_p():
    x = np.log(np.array([0.5, 0.3, 0.15, 0.05]))
    kept = lambda top_p: np.flatnonzero(process_logits(x, SamplingParams(top_p=top_p))).tolist()
    assert kept(0.79) == [0, 1]       # 0.5 + 0.3 reaches 0.79
    assert kept(0.81) == [0, 1, 2]    # exactly 0.8 is at the mercy of round-off
    assert kept(0.01) == [0]
    assert kept(1.0) == [0, 1, 2, 3]
    np.testing.assert_allclose(process_logits(x, SamplingParams(top_p=0.7)), [0.625, 0.375, 0, 0])


def test_top_p_keeps_boundary_ties():
    p = process_logits(np.log(np.array([0.4, 0.3, 0.3])), SamplingParams(top_p=0.5))
    np.testing.assert_allclose(p, [0.4, 0.3, 0.3])


def test_top_k_then_top_p_order():
    x = np.log(np.array([0.4, 0.3, 0.2, 0.1]))
    p = process_logits(x, SamplingParams(top_k=2, top_p=0.5))
    # top-k leaves [4/7, 3/7]; top_p 0.5 is reached by the first alone.
    np.testing.assert_array_equal(p, [1.0, 0, 0, 0])


@pytest.mark.parametrize("bad", [[np.nan, 1.0], [np.inf, 1.0], [-np.inf, -np.inf], [], [[1.0]]])
def test_process_rejects_bad_logits(bad):
    with pytest.raises(ValueError):
        process_logits(np.array(bad), SamplingParams())


@settings(max_examples=300, deadline=None)
@given(finite_logits, params_st)
def test_process_matches_reference(x, params):
    got = process_logits(x, params)
    np.testing.assert_allclose(got, reference(x, params), rtol=1e-12, atol=1e-15)
    assert got.dtype == np.float64 and got.sum() == pytest.approx(1.0)
    np.testing.assert_array_equal(got, process_logits(x.copy(), params))  # deterministic


@settings(max_examples=200, deadline=None)
@given(finite_logits, params_st, st.randoms())
def test_process_is_permutation_equivariant(x, params, rnd):
    assume(not params.greedy or np.count_nonzero(x == x.max()) == 1)
    perm = np.array(rnd.sample(range(x.size), x.size))
    np.testing.assert_allclose(process_logits(x[perm], params), process_logits(x, params)[perm],
                               rtol=1e-12, atol=1e-15)


# --- slice_vocab ------------------------------------------------------------------

def test_slice_vocab():
    x = np.arange(10.0)
    np.testing.assert_array_equal(slice_vocab(x, 7), np.arange(7.0))
    assert np.shares_memory(slice_vocab(x, 7), x)
    assert slice_vocab(np.zeros((3, 10)), 4).shape == (3, 4)
    assert slice_vocab(x, 10).shape == (10,)
    for bad in (0, 11, -1):
        with pytest.raises(ValueError):
            slice_vocab(x, bad)


# --- sparse_topk / dense_from_sparse -------------------------------------------------

def test_sparse_topk_renormalises_in_order():
    p = np.array([0.1, 0.4, 0.2, 0.3])
    ids, probs = sparse_topk(p, 2)
    assert ids.dtype == np.int32 and ids.tolist() == [1, 3]
    np.testing.assert_allclose(probs, [4 / 7, 3 / 7])
    dense = dense_from_sparse(ids, probs, 4)
    np.testing.assert_allclose(dense, [0, 4 / 7, 0, 3 / 7])


def test_sparse_topk_drops_zeros_and_breaks_ties_by_id():
    ids, probs = sparse_topk(np.array([0.0, 0.5, 0.0, 0.5]), 4)
    assert ids.tolist() == [1, 3] and probs.tolist() == [0.5, 0.5]
    ids, _ = sparse_topk(np.array([0.25, 0.25, 0.25, 0.25]), 2)
    assert ids.tolist() == [0, 1]


def test_sparse_topk_float32_roundtrip():
    p = np.random.default_rng(0).dirichlet(np.ones(50))
    ids, probs = sparse_topk(p, 10, dtype=np.float32)
    assert probs.dtype == np.float32
    dense = dense_from_sparse(ids, probs, 50)
    assert dense.dtype == np.float64 and dense.sum() == pytest.approx(1.0, abs=1e-15)
    with pytest.raises(ValueError):
        sparse_topk(p, 0)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 20), st.integers(1, 25))
def test_sparse_topk_properties(seed, vocab, k):
    p = np.random.default_rng(seed).dirichlet(np.ones(vocab))
    ids, probs = sparse_topk(p, k)
    assert len(ids) == min(k, vocab) and len(set(ids.tolist())) == len(ids)
    assert probs.sum() == pytest.approx(1.0) and (np.diff(probs) <= 0).all()
    dropped = np.delete(p, ids)
    assert dropped.size == 0 or dropped.max() <= p[ids].min()
    np.testing.assert_allclose(probs, p[ids] / p[ids].sum())


@pytest.mark.parametrize("ids,probs", [
    ([0, 0], [0.5, 0.5]), ([0, 5], [0.5, 0.5]), ([-1, 1], [0.5, 0.5]),
    ([0, 1], [1.5, -0.5]), ([0, 1], [0.0, 0.0]), ([0, 1], [1.0]), ([], []),
    ([0.0, 1.0], [0.5, 0.5]),
])
def test_dense_from_sparse_rejects(ids, probs):
    with pytest.raises(ValueError):
        dense_from_sparse(np.array(ids), np.array(probs), 5)


# --- sample -------------------------------------------------------------------------

class ScriptedRng:
    def __init__(self, *values):
        self.values = list(values)

    def random(self):
        return self.values.pop(0)


def test_sample_inverse_cdf_skips_zero_mass():
    p = np.array([0.0, 0.5, 0.0, 0.5, 0.0])
    assert sample(p, ScriptedRng(0.0)) == 1
    assert sample(p, ScriptedRng(0.4999)) == 1
    assert sample(p, ScriptedRng(0.5)) == 3
    assert sample(p, ScriptedRng(1 - 2**-53)) == 3


def test_sample_validation():
    for bad in ([0.0, 0.0], [-0.5, 1.5], [[0.5, 0.5]]):
        with pytest.raises(ValueError):
            sample(np.array(bad), make_rng(0))


def test_sample_reproducible_with_seed():
    p = np.random.default_rng(1).dirichlet(np.ones(10))
    a = [sample(p, r) for r in [make_rng(5)] for _ in range(50)]
    b = [sample(p, r) for r in [make_rng(5)] for _ in range(50)]
    assert a == b


def test_sample_chisquare():
    p = np.array([0.05, 0.0, 0.45, 0.2, 0.3])
    rng = make_rng(9)
    counts = Counter(sample(p, rng) for _ in range(20_000))
    assert chisquare_pvalue(counts, dict(enumerate(p))) > 1e-4
    # and the same statistic flags a wrong distribution
    assert chisquare_pvalue(counts, dict(enumerate([0.1, 0.0, 0.4, 0.2, 0.3]))) < 1e-6


def test_sample_sparse_follows_dense():
    p = np.random.default_rng(2).dirichlet(np.ones(30))
    ids, probs = sparse_topk(p, 4, dtype=np.float32)
    dense = dense_from_sparse(ids, probs, 30)
    rng = make_rng(3)
    counts = Counter(sample_sparse(ids, probs, rng) for _ in range(20_000))
    assert set(counts) <= set(ids.tolist())
    assert chisquare_pvalue(counts, dict(enumerate(dense))) > 1e-4
