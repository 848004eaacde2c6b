"""Verification step of speculative decoding (pure math, no I/O).

Sampled rule (Leviathan et al. 2023; Chen et al. 2023). The draft proposes
x_1..x_g with x_i ~ q_i; the target gives p_1..p_{g+1} for the same
prefixes. For i = 1..g: accept x_i with probability min(1, p_i(x_i)/q_i(x_i)).
At the first rejection emit y ~ norm(max(0, p_i - q_i)) and stop. If all g
are accepted, emit a bonus y ~ p_{g+1}. Each emitted token is then exactly
p-distributed, whatever q is, provided x_i really was drawn from q_i.

Greedy rule: accept the longest prefix where draft == target argmax, then
emit the target argmax at the first mismatch (or the bonus position).

Random draws (for reproducibility with a seeded numpy Generator): one
rng.random() per verified position, then one for the emitted token.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from edgewise.algo.sampling import dense_from_sparse, sample

_SUM_TOL = 1e-6


def acceptance_prob(p_x: float, q_x: float) -> float:
    """min(1, p(x)/q(x)). q(x) = 0 means x was not drawn from q: an error."""
    if not q_x > 0.0:
        raise ValueError("drafted token has zero draft probability; the draft "
                         "did not sample from the distribution it sent")
    return min(1.0, p_x / q_x)


def residual(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """norm(max(0, p - q)); falls back to p when the residual is all zero.

    An all-zero residual means p <= q everywhere, i.e. p == q for normalised
    inputs, where rejection has probability 0; the fallback only covers
    float round-off.
    """
    r = np.maximum(p - q, 0.0)
    total = r.sum()
    if total <= 0.0:
        return p / p.sum()
    return r / total


def expected_accepted(p: np.ndarray, q: np.ndarray) -> float:
    """Acceptance probability at one position: sum_x min(p(x), q(x))."""
    return float(np.minimum(np.asarray(p, np.float64), np.asarray(q, np.float64)).sum())


def expected_tokens_per_round(alpha: float, gamma: int) -> float:
    """E[tokens emitted per round] = (1 - alpha^(g+1)) / (1 - alpha).

    Summed as 1 + alpha + ... + alpha^g, which is exact at alpha = 1 (g + 1).
    Assumes each drafted token is accepted independently with prob alpha.
    """
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    if gamma < 0:
        raise ValueError(f"gamma must be >= 0, got {gamma}")
    return float(sum(alpha ** i for i in range(gamma + 1)))


def verify_greedy(draft_tokens: Sequence[int], target_argmax: Sequence[int]) -> tuple[int, int]:
    """-> (n_accepted, next_token); target_argmax has len(draft) + 1 entries."""
    if len(target_argmax) != len(draft_tokens) + 1:
        raise ValueError("target_argmax must have len(draft_tokens) + 1 entries")
    for i, tok in enumerate(draft_tokens):
        if tok != target_argmax[i]:
            return i, int(target_argmax[i])
    return len(draft_tokens), int(target_argmax[-1])


def _check_target(p: np.ndarray, n_vocab: int | None) -> np.ndarray:
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or (n_vocab is not None and p.size != n_vocab):
        raise ValueError("target probs must be 1-D with one shared vocabulary size")
    if not np.isfinite(p).all() or (p < 0).any() or abs(p.sum() - 1.0) > _SUM_TOL:
        raise ValueError("target probs must be a normalised distribution (pass probs, not logits)")
    return p / p.sum()


def verify_sampled(
    draft_tokens: Sequence[int],
    draft_sparse: Sequence[tuple[np.ndarray, np.ndarray]],
    target_probs: Sequence[np.ndarray],
    rng: np.random.Generator,
) -> tuple[int, int]:
    """Rejection-sample a drafted block. -> (n_accepted, next_token).

    draft_sparse[i] = (ids, probs) is the exact distribution x_i was drawn
    from; target_probs has len(draft) + 1 processed distributions. Emitted
    tokens are draft_tokens[:n_accepted] + [next_token].
    """
    gamma = len(draft_tokens)
    if len(draft_sparse) != gamma or len(target_probs) != gamma + 1:
        raise ValueError("need len(draft_sparse) == len(draft) and len(target_probs) == len(draft) + 1")
    n_vocab = np.asarray(target_probs[0]).shape[-1]
    for i, tok in enumerate(draft_tokens):
        p = _check_target(target_probs[i], n_vocab)
        if not 0 <= tok < n_vocab:
            raise ValueError(f"draft token {tok} out of vocabulary range")
        q = dense_from_sparse(*draft_sparse[i], n_vocab)
        # u < a: a == 0 never accepts, a == 1 always does (u is in [0, 1)).
        if rng.random() < acceptance_prob(p[tok], q[tok]):
            continue
        return i, sample(residual(p, q), rng)
    return gamma, sample(_check_target(target_probs[gamma], n_vocab), rng)
