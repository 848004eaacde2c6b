"""Token sampling math shared by the draft and the target side.

Everything here is pure numpy: no I/O, no model calls. Probabilities are
float64 so that the draft and the verifier see bit-identical distributions.

Losslessness of speculative decoding needs two things from this module:
  * the target distribution p must be processed with the request's params
    (that is the distribution the output follows);
  * the draft must sample from *exactly* the distribution q it reports.
    The draft therefore samples from its sparse top-k message with
    `sample_sparse`, and the verifier rebuilds q with `dense_from_sparse`;
    both normalise through the same `_normalize`.
Processing q with the same params as p is not needed for correctness, but
it keeps q close to p and so maximises acceptance.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SamplingParams:
    """temperature 0 = greedy; top_k 0 = off; top_p 1.0 = off."""

    temperature: float = 1.0
    top_k: int = 0
    top_p: float = 1.0
    seed: int | None = None

    def __post_init__(self) -> None:
        if not (self.temperature >= 0.0 and np.isfinite(self.temperature)):
            raise ValueError(f"temperature must be finite and >= 0, got {self.temperature}")
        if self.top_k < 0:
            raise ValueError(f"top_k must be >= 0, got {self.top_k}")
        if not (0.0 < self.top_p <= 1.0):
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p}")

    @property
    def greedy(self) -> bool:
        return self.temperature == 0.0


def make_rng(seed: int | None) -> np.random.Generator:
    return np.random.default_rng(seed)


def slice_vocab(logits: np.ndarray, n_vocab: int) -> np.ndarray:
    """Drop padded vocabulary entries (embedding rows beyond the tokenizer).

    Works on [V'] or [..., V'] arrays; returns a view of the first n_vocab.
    """
    logits = np.asarray(logits)
    if n_vocab <= 0 or n_vocab > logits.shape[-1]:
        raise ValueError(f"n_vocab {n_vocab} out of range for width {logits.shape[-1]}")
    return logits[..., :n_vocab]


def _check_logits(logits: np.ndarray) -> np.ndarray:
    x = np.asarray(logits, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("logits must be a non-empty 1-D array")
    if np.isnan(x).any() or np.isposinf(x).any():
        raise ValueError("logits must not contain NaN or +inf")
    if not np.isfinite(x).any():
        raise ValueError("all logits are -inf")
    return x


def softmax(x: np.ndarray) -> np.ndarray:
    """Stable float64 softmax; -inf entries get probability exactly 0."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x))
    return e / e.sum()


def one_hot(index: int, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=np.float64)
    out[index] = 1.0
    return out


def _apply_top_k(scaled: np.ndarray, k: int) -> np.ndarray:
    # Keep every logit >= the k-th largest, so ties at the boundary are all
    # kept and the result does not depend on token order (HF convention).
    if k <= 0 or k >= scaled.size:
        return scaled
    kth = np.partition(scaled, scaled.size - k)[scaled.size - k]
    return np.where(scaled >= kth, scaled, -np.inf)


def _apply_top_p(probs: np.ndarray, top_p: float) -> np.ndarray:
    # Keep a token if the mass of strictly more likely tokens (stable order)
    # is < top_p; then also keep ties of the smallest kept probability.
    if top_p >= 1.0:
        return probs
    order = np.argsort(-probs, kind="stable")
    sorted_p = probs[order]
    before = np.concatenate(([0.0], np.cumsum(sorted_p)[:-1]))
    threshold = sorted_p[before < top_p][-1]
    kept = np.where((probs >= threshold) & (probs > 0.0), probs, 0.0)
    return kept / kept.sum()


def process_logits(logits: np.ndarray, params: SamplingParams) -> np.ndarray:
    """Logits [V] -> probabilities [V] (float64): temperature, top-k, top-p.

    Greedy (temperature 0) returns the one-hot of the argmax; ties go to the
    lowest token id (np.argmax returns the first maximum).
    """
    x = _check_logits(logits)
    if params.greedy:
        return one_hot(int(np.argmax(x)), x.size)
    scaled = _apply_top_k(x / params.temperature, params.top_k)
    return _apply_top_p(softmax(scaled), params.top_p)


def _normalize(probs: np.ndarray) -> np.ndarray:
    p = np.asarray(probs, dtype=np.float64)
    if p.ndim != 1 or not np.isfinite(p).all() or (p < 0).any():
        raise ValueError("probabilities must be a finite, non-negative 1-D array")
    total = p.sum()
    if total <= 0.0:
        raise ValueError("probabilities sum to zero")
    return p / total


def sparse_topk(probs: np.ndarray, k: int, dtype=np.float64) -> tuple[np.ndarray, np.ndarray]:
    """Top-k support of `probs`, renormalised: (ids int32[k'], probs[k']).

    k' = min(k, number of non-zero entries). Ordered by descending
    probability, ties by lowest id. The draft must then sample from this
    truncated distribution (`sample_sparse`), never from the full one.
    """
    if k <= 0:
        raise ValueError(f"k must be >= 1, got {k}")
    p = _normalize(probs)
    order = np.argsort(-p, kind="stable")[:k]
    order = order[p[order] > 0.0]
    ids = order.astype(np.int32)
    vals = p[order]
    return ids, (vals / vals.sum()).astype(dtype)


def _check_sparse(ids: np.ndarray, probs: np.ndarray, n_vocab: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.asarray(ids)
    if ids.ndim != 1 or ids.shape != np.shape(probs) or ids.size == 0:
        raise ValueError("ids and probs must be equal-length non-empty 1-D arrays")
    if not np.issubdtype(ids.dtype, np.integer):
        raise ValueError("ids must be integers")
    if (ids < 0).any() or (ids >= n_vocab).any():
        raise ValueError("token id out of vocabulary range")
    if np.unique(ids).size != ids.size:
        raise ValueError("duplicate token ids")
    return ids.astype(np.int64), _normalize(probs)


def dense_from_sparse(ids: np.ndarray, probs: np.ndarray, n_vocab: int) -> np.ndarray:
    """Rebuild the dense float64 [n_vocab] distribution the draft sampled from."""
    ids, p = _check_sparse(ids, probs, n_vocab)
    out = np.zeros(n_vocab, dtype=np.float64)
    out[ids] = p
    return out


def sample(probs: np.ndarray, rng: np.random.Generator) -> int:
    """Inverse-CDF sample using exactly one rng.random() draw.

    Never returns a zero-probability token: the chosen index i satisfies
    cdf[i-1] <= u < cdf[i], which forces probs[i] > 0.
    """
    p = np.asarray(probs, dtype=np.float64)
    cdf = np.cumsum(p)
    if p.ndim != 1 or (p < 0).any() or not cdf[-1] > 0.0:
        raise ValueError("probabilities must be a non-negative 1-D array with positive mass")
    u = rng.random() * cdf[-1]
    i = int(np.searchsorted(cdf, u, side="right"))
    if i >= p.size:  # u rounded up to the total: take the last positive entry
        i = int(np.flatnonzero(p > 0.0)[-1])
    return i


def sample_sparse(ids: np.ndarray, probs: np.ndarray, rng: np.random.Generator) -> int:
    """Sample a token id from a sparse (ids, probs) distribution."""
    ids = np.asarray(ids)
    return int(ids[sample(_normalize(probs), rng)])
