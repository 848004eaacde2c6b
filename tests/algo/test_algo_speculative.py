"""Speculative verification: exact losslessness, adversarial drafts, statistics."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from algo_helpers import (
    chisquare_pvalue, dirichlet_model, memo, generate, generated_distribution,
    max_abs_diff, round_distribution, run_round, target_distribution, truncated,
)
from edgewise.algo import speculative
from edgewise.algo.sampling import SamplingParams, one_hot, process_logits, sparse_topk
from edgewise.algo.speculative import (
    acceptance_prob, expected_accepted, expected_tokens_per_round, residual,
    verify_greedy, verify_sampled,
)

EXACT = 1e-9


def const(p):
    return lambda prefix: np.asarray(p, dtype=np.float64)


def onehot_model(seed, vocab):
    base = dirichlet_model(seed, vocab)
    return lambda prefix: one_hot(int(np.argmax(base(prefix))), vocab)


def disjoint_pair(seed, vocab):
    """p lives on the low half of the vocabulary, q on the high half."""
    cut = vocab // 2
    base = dirichlet_model(seed, vocab)

    def p(prefix):
        x = base(prefix).copy()
        x[cut:] = 0.0
        return x / x.sum()

    def q(prefix):
        x = base(prefix + (99,)).copy()
        x[:cut] = 0.0
        return x / x.sum()
    return p, q


def processed_pair(seed, vocab, params):
    """Target and draft logits both run through process_logits(params)."""
    def model(offset):
        def fn(prefix):
            rng = np.random.default_rng([seed + offset, len(prefix), *prefix])
            return process_logits(rng.normal(0.0, 2.0, vocab), params)
        return fn
    return model(0), model(1)


def make_pair(kind, vocab, seed=0):
    p, q = _make_pair(kind, vocab, seed)
    return memo(p), memo(q)


def _make_pair(kind, vocab, seed):
    p = dirichlet_model(seed, vocab)
    if kind == "equal":
        return p, p
    if kind == "random":
        return p, dirichlet_model(seed + 1, vocab)
    if kind == "disjoint":
        return disjoint_pair(seed, vocab)
    if kind == "truncated":
        return p, truncated(dirichlet_model(seed + 1, vocab), 2, vocab)
    if kind == "q_onehot":
        return p, onehot_model(seed + 1, vocab)
    if kind == "p_onehot":
        return onehot_model(seed, vocab), dirichlet_model(seed + 1, vocab)
    if kind == "both_onehot":
        return onehot_model(seed, vocab), onehot_model(seed + 1, vocab)
    if kind == "p_sparse":  # target has zeros where q has mass
        return dirichlet_model(seed, vocab, zeros=1), dirichlet_model(seed + 1, vocab)
    if kind == "processed":
        return processed_pair(seed, vocab, SamplingParams(temperature=0.8, top_k=3, top_p=0.9))
    raise AssertionError(kind)


KINDS = ["equal", "random", "disjoint", "truncated", "q_onehot", "p_onehot",
         "both_onehot", "p_sparse", "processed"]


# --- exact enumeration ----------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("vocab", [3, 4, 5])
@pytest.mark.parametrize("gamma", [1, 2, 3])
def test_first_token_is_exactly_target(kind, vocab, gamma):
    p, q = make_pair(kind, vocab, seed=vocab * 10 + gamma)
    dist = round_distribution(p, q, (), gamma)
    assert sum(dist.values()) == pytest.approx(1.0, abs=EXACT)
    first = np.zeros(vocab)
    for seq, prob in dist.items():
        first[seq[0]] += prob
    np.testing.assert_allclose(first, p(()), atol=EXACT, rtol=0)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("vocab,gamma,length", [(3, 1, 3), (3, 2, 3), (3, 3, 3), (4, 2, 2), (5, 2, 2), (4, 3, 3)])
def test_joint_over_rounds_is_exactly_target(kind, vocab, gamma, length):
    p, q = make_pair(kind, vocab, seed=7 * vocab + gamma)
    got = generated_distribution(p, q, gamma, length)
    want = target_distribution(p, length, vocab)
    assert max_abs_diff(got, want) < EXACT


@pytest.mark.parametrize("vocab,gamma", [(3, 2), (5, 3)])
def test_prefix_independent_target_is_exact(vocab, gamma):
    p = const(np.random.default_rng(vocab).dirichlet(np.ones(vocab)))
    q = const(np.random.default_rng(vocab + 1).dirichlet(np.ones(vocab)))
    got = generated_distribution(p, q, gamma, 2)
    assert max_abs_diff(got, target_distribution(p, 2, vocab)) < EXACT


@pytest.mark.parametrize("rules", [
    {"resid": lambda p, q: p},                                    # resample from p
    {"resid": lambda p, q: q},                                    # resample from q
    {"accept": lambda px, qx: min(1.0, qx / px) if px else 0.0},  # inverted ratio
    {"accept": lambda px, qx: 1.0 if px > 0 else 0.0},            # accept anything legal
])
def test_exact_check_detects_broken_rules(rules):
    p, q = make_pair("random", 4, seed=3)
    got = generated_distribution(p, q, 2, 2, **rules)
    assert max_abs_diff(got, target_distribution(p, 2, 4)) > 1e-3


def test_round_length_distribution_matches_alpha():
    p = np.array([0.5, 0.3, 0.2])
    q = np.array([0.2, 0.3, 0.5])
    alpha = expected_accepted(p, q)
    dist = round_distribution(const(p), const(q), (), 3)
    mean_len = sum(len(s) * v for s, v in dist.items())
    assert mean_len == pytest.approx(expected_tokens_per_round(alpha, 3), abs=EXACT)


# --- rule primitives --------------------------------------------------------

def test_acceptance_prob():
    assert acceptance_prob(0.3, 0.6) == 0.5
    assert acceptance_prob(0.9, 0.1) == 1.0
    assert acceptance_prob(0.0, 0.4) == 0.0
    with pytest.raises(ValueError):
        acceptance_prob(0.5, 0.0)


def test_residual():
    p, q = np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.5, 0.3])
    np.testing.assert_allclose(residual(p, q), [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(residual(p, p), p)  # zero residual -> p


def test_expected_accepted():
    assert expected_accepted([0.5, 0.5, 0.0], [0.0, 0.5, 0.5]) == 0.5
    assert expected_accepted([1, 0], [0, 1]) == 0.0
    assert expected_accepted([0.2, 0.8], [0.2, 0.8]) == pytest.approx(1.0)


@pytest.mark.parametrize("alpha,gamma", [(0.0, 3), (0.5, 1), (0.8, 4), (0.999999, 5), (1.0, 4)])
def test_expected_tokens_per_round(alpha, gamma):
    got = expected_tokens_per_round(alpha, gamma)
    want = gamma + 1 if alpha == 1.0 else (1 - alpha ** (gamma + 1)) / (1 - alpha)
    assert got == pytest.approx(want, rel=1e-9)
    with pytest.raises(ValueError):
        expected_tokens_per_round(1.5, gamma)


# --- verify_greedy ---------------------------------------------------------

@pytest.mark.parametrize("draft,target,want", [
    ([], [7], (0, 7)),
    ([1, 2, 3], [1, 2, 3, 4], (3, 4)),
    ([1, 2, 3], [1, 9, 3, 4], (1, 9)),
    ([1, 2, 3], [5, 2, 3, 4], (0, 5)),
    ([1, 2, 3], [1, 2, 8, 4], (2, 8)),
])
def test_verify_greedy(draft, target, want):
    assert verify_greedy(draft, target) == want


def test_verify_greedy_length_check():
    with pytest.raises(ValueError):
        verify_greedy([1, 2], [1, 2])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_sampled_with_onehots_equals_greedy(data):
    vocab = 4
    gamma = data.draw(st.integers(0, 4))
    draft = data.draw(st.lists(st.integers(0, vocab - 1), min_size=gamma, max_size=gamma))
    target = data.draw(st.lists(st.integers(0, vocab - 1), min_size=gamma + 1, max_size=gamma + 1))
    sparse = [(np.array([t], np.int32), np.array([1.0])) for t in draft]
    probs = [one_hot(t, vocab) for t in target]
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32)))
    assert verify_sampled(draft, sparse, probs, rng) == verify_greedy(draft, target)


# --- verify_sampled: errors and deterministic branches ----------------------

class ScriptedRng:
    """Stands in for np.random.Generator: returns scripted uniforms."""

    def __init__(self, *values):
        self.values = list(values)

    def random(self):
        return self.values.pop(0)


def test_verify_sampled_rejects_bad_input():
    p = np.array([0.5, 0.5, 0.0])
    rng = np.random.default_rng(0)
    sparse = [(np.array([1]), np.array([1.0]))]
    with pytest.raises(ValueError, match="zero draft probability"):
        verify_sampled([0], sparse, [p, p], rng)
    with pytest.raises(ValueError):
        verify_sampled([1], sparse, [p], rng)
    with pytest.raises(ValueError):
        verify_sampled([1], sparse, [np.array([2.0, 3.0, 1.0]), p], rng)  # logits
    with pytest.raises(ValueError):
        verify_sampled([1], sparse, [p, np.array([0.5, 0.5])], rng)  # vocab mismatch
    with pytest.raises(ValueError):
        verify_sampled([5], [(np.array([5]), np.array([1.0]))], [p, p], rng)


def test_verify_sampled_branches():
    p = [np.array([0.2, 0.8, 0.0]), np.array([0.0, 0.0, 1.0])]
    sparse = [(np.array([0, 1]), np.array([0.6, 0.4]))]
    # a = min(1, 0.2/0.6) = 1/3: u=0.3 accepts, bonus from p[1] -> token 2.
    assert verify_sampled([0], sparse, p, ScriptedRng(0.3, 0.5)) == (1, 2)
    # u=0.4 rejects; residual max(0, p - q) = [0, 0.4, 0] -> token 1.
    assert verify_sampled([0], sparse, p, ScriptedRng(0.4, 0.0)) == (0, 1)
    # p(x) = 0 rejects even at u = 0.
    sparse2 = [(np.array([2, 1]), np.array([0.5, 0.5]))]
    assert verify_sampled([2], sparse2, p, ScriptedRng(0.0, 0.99)) == (0, 1)
    # p(x) >= q(x) always accepts, even at u just below 1.
    assert verify_sampled([1], sparse, p, ScriptedRng(1 - 2**-53, 0.0)) == (1, 2)


def test_verify_sampled_reproducible():
    p, q = make_pair("random", 5, seed=1)
    a = [run_round(p, q, (), 3, np.random.default_rng(42)) for _ in range(5)]
    b = [run_round(p, q, (), 3, np.random.default_rng(42)) for _ in range(5)]
    assert a == b


def test_disjoint_draft_always_rejected():
    p, q = disjoint_pair(0, 4)
    rng = np.random.default_rng(0)
    for _ in range(200):
        emitted, n = run_round(p, q, (), 3, rng)
        assert n == 0 and p(())[emitted[0]] > 0


def test_onehot_target_only_emits_argmax():
    p, q = make_pair("p_onehot", 5, seed=2)
    rng = np.random.default_rng(0)
    for _ in range(200):
        assert generate(p, q, 3, 3, rng) == generate(p, p, 3, 3, rng)


# --- statistical checks on the real implementation --------------------------

N_SAMPLES = 6_000
P_MIN = 1e-4


@pytest.mark.parametrize("kind", ["random", "truncated", "q_onehot", "p_sparse", "processed"])
def test_chisquare_round_outcomes(kind):
    p, q = make_pair(kind, 4, seed=11)
    rng = np.random.default_rng(123)
    counts = Counter(run_round(p, q, (), 2, rng)[0] for _ in range(N_SAMPLES))
    assert chisquare_pvalue(counts, round_distribution(p, q, (), 2)) > P_MIN


@pytest.mark.parametrize("kind,gamma", [("random", 2), ("truncated", 3), ("equal", 2)])
def test_chisquare_generated_sequences(kind, gamma):
    p, q = make_pair(kind, 3, seed=5)
    rng = np.random.default_rng(7)
    k = 2 if kind == "truncated" else None
    counts = Counter(generate(p, q, gamma, 3, rng, k) for _ in range(N_SAMPLES))
    assert chisquare_pvalue(counts, target_distribution(p, 3, 3)) > P_MIN


def test_chisquare_catches_broken_residual(monkeypatch):
    monkeypatch.setattr(speculative, "residual", lambda p, q: p)
    p, q = make_pair("random", 3, seed=5)
    rng = np.random.default_rng(7)
    counts = Counter(generate(p, q, 2, 2, rng) for _ in range(N_SAMPLES))
    assert chisquare_pvalue(counts, target_distribution(p, 2, 3)) < 1e-6


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_measured_acceptance_matches_overlap(seed):
    rng = np.random.default_rng(seed)
    p, q = rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6))
    alpha = expected_accepted(p, q)
    gamma, rounds = 4, 5_000
    ns = np.array([run_round(const(p), const(q), (), gamma, rng)[1] for _ in range(rounds)])
    # Position 1 is reached every round: its acceptance is Bernoulli(alpha).
    hits = (ns >= 1).mean()
    assert abs(hits - alpha) < 5 * np.sqrt(alpha * (1 - alpha) / rounds)
    # Mean tokens per round follows E(alpha, gamma) under i.i.d. acceptance.
    mean_tokens = (ns + 1).mean()
    tol = 5 * ns.std() / np.sqrt(rounds)
    assert abs(mean_tokens - expected_tokens_per_round(alpha, gamma)) < tol


def test_sparse_draft_acceptance_uses_truncated_q():
    p = np.array([0.1, 0.2, 0.3, 0.4])
    q_full = np.array([0.4, 0.3, 0.2, 0.1])
    ids, probs = sparse_topk(q_full, 2)
    q = np.zeros(4)
    q[ids] = probs
    rng = np.random.default_rng(3)
    rounds = 8_000
    ns = [run_round(const(p), const(q_full), (), 1, rng, k=2)[1] for _ in range(rounds)]
    alpha = expected_accepted(p, q)  # 0.1 + 0.2 = 0.3, not sum min(p, q_full) = 0.4
    assert np.mean(ns) == pytest.approx(alpha, abs=5 * np.sqrt(alpha * (1 - alpha) / rounds))
