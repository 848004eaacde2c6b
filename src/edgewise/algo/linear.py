"""Generic multinomial logistic regression over hashed string features.

Pure numpy, no I/O: callers pass token lists in and get probabilities out;
`to_arrays`/`from_arrays` convert to and from plain arrays for storage.
Shared by the privacy topic classifier, the triage model and the router grader.
"""
from __future__ import annotations

import zlib

import numpy as np

N_BUCKETS = 1 << 18


def hash_tokens(tokens: list[str], n_buckets: int = N_BUCKETS) -> tuple[np.ndarray, np.ndarray]:
    """(bucket ids, L2-normalised log counts); crc32 is stable across processes."""
    counts: dict[int, int] = {}
    for tok in tokens:
        h = zlib.crc32(tok.encode()) % n_buckets
        counts[h] = counts.get(h, 0) + 1
    if not counts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    ids = np.fromiter(counts.keys(), np.int64, len(counts))
    vals = np.log1p(np.fromiter(counts.values(), np.float32, len(counts)))
    return ids, vals / np.linalg.norm(vals)


class LinearModel:
    """Softmax over classes; weights only for buckets seen in training."""

    def __init__(self, classes, buckets, weights, bias, n_buckets: int = N_BUCKETS):
        order = np.argsort(buckets)
        self.classes = tuple(str(c) for c in classes)
        self.buckets = np.asarray(buckets, np.int64)[order]
        self.weights = np.asarray(weights, np.float32)[order]
        self.bias = np.asarray(bias, np.float32)
        self.n_buckets = int(n_buckets)

    def logits(self, tokens: list[str]) -> np.ndarray:
        ids, vals = hash_tokens(tokens, self.n_buckets)
        out = self.bias.copy()
        if len(ids) and len(self.buckets):
            pos = np.minimum(np.searchsorted(self.buckets, ids), len(self.buckets) - 1)
            hit = self.buckets[pos] == ids
            out += vals[hit] @ self.weights[pos[hit]]
        return out

    def proba(self, tokens: list[str]) -> dict[str, float]:
        z = self.logits(tokens)
        p = np.exp(z - z.max())
        p /= p.sum()
        return {c: float(x) for c, x in zip(self.classes, p)}

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"classes": np.array(self.classes), "buckets": self.buckets.astype(np.int32),
                "weights": self.weights.astype(np.float16), "bias": self.bias,
                "n_buckets": np.array(self.n_buckets)}

    @classmethod
    def from_arrays(cls, a) -> "LinearModel":
        return cls(a["classes"], a["buckets"], a["weights"].astype(np.float32), a["bias"],
                   int(a["n_buckets"]))


class Sparse:
    """Rows of hashed features as (row, col, value) triplets over the used buckets."""

    def __init__(self, token_lists: list[list[str]], n_buckets: int = N_BUCKETS):
        feats = [hash_tokens(toks, n_buckets) for toks in token_lists]
        self.buckets = np.unique(np.concatenate([ids for ids, _ in feats]))
        self.rows = np.concatenate([np.full(len(ids), i) for i, (ids, _) in enumerate(feats)])
        self.cols = np.concatenate([np.searchsorted(self.buckets, ids) for ids, _ in feats])
        self.vals = np.concatenate([vals for _, vals in feats]).astype(np.float64)
        self.shape = (len(feats), len(self.buckets))

    def matmul(self, W: np.ndarray) -> np.ndarray:  # X @ W
        contrib = self.vals[:, None] * W[self.cols]
        return np.stack([np.bincount(self.rows, contrib[:, j], self.shape[0])
                         for j in range(W.shape[1])], 1)

    def rmatmul(self, G: np.ndarray) -> np.ndarray:  # X.T @ G
        contrib = self.vals[:, None] * G[self.rows]
        return np.stack([np.bincount(self.cols, contrib[:, j], self.shape[1])
                         for j in range(G.shape[1])], 1)


def fit(token_lists: list[list[str]], y: np.ndarray, classes: tuple[str, ...], l2: float = 1e-4,
        steps: int = 300, lr: float = 0.05, n_buckets: int = N_BUCKETS,
        sample_weight: np.ndarray | None = None) -> LinearModel:
    """Class-balanced (after sample weights), L2-regularised, full-batch Adam. Deterministic."""
    X = Sparse(token_lists, n_buckets)
    n, k = len(y), len(classes)
    Y = np.eye(k)[y]
    w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, float)
    per_class = w.sum() / (k * np.maximum(np.bincount(y, weights=w, minlength=k), 1e-9))
    sw = (w * per_class[y] / w.sum())[:, None]
    params = [np.zeros((X.shape[1], k)), np.zeros(k)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for t in range(1, steps + 1):
        Z = X.matmul(params[0]) + params[1]
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        G = (P - Y) * sw
        grads = (X.rmatmul(G) + l2 * params[0], G.sum(0))
        for p, g, mi, vi in zip(params, grads, m, v):
            mi *= 0.9
            mi += 0.1 * g
            vi *= 0.999
            vi += 0.001 * g * g
            p -= lr * (mi / (1 - 0.9 ** t)) / (np.sqrt(vi / (1 - 0.999 ** t)) + 1e-8)
    return LinearModel(classes, X.buckets, params[0], params[1], n_buckets)
