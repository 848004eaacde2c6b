"""Tiny bilingual topic classifier: softmax regression over hashed features.

Features (shared by training and inference):
  Han runs      -> character unigrams and bigrams
  Latin words   -> word unigrams, word bigrams, character 4-grams of words
  digit runs    -> one '0' so amounts and codes generalise ($85,000 ~ $0,0)
Hashing is crc32 (stable across processes, unlike hash()).
Weights ship as a sparse npz: only buckets seen in training are stored.
"""
from __future__ import annotations

import re
import threading
from importlib import resources

import numpy as np

from edgewise.algo.linear import LinearModel, hash_tokens

N_BUCKETS = 1 << 18
CLASSES = ("none", "health", "finance", "credentials")
MODEL_FILE = "topic_model.npz"

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z0-9$%]+(?:'[a-z]+)?")
_DIGIT = re.compile(r"[0-9]+")


def tokens(text: str) -> list[str]:
    t = _DIGIT.sub("0", text.lower())
    out: list[str] = []
    for run in _HAN.findall(t):
        out += run
        out += [run[i:i + 2] for i in range(len(run) - 1)]
    words = _WORD.findall(t)
    out += ["w:" + w for w in words]
    out += ["b:" + a + " " + b for a, b in zip(words, words[1:])]
    for w in words:
        if len(w) > 3:
            p = f"^{w}$"
            out += ["c:" + p[i:i + 4] for i in range(len(p) - 3)]
    return out


def featurize(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(bucket ids, L2-normalised values) for one text."""
    return hash_tokens(tokens(text), N_BUCKETS)


class TopicModel(LinearModel):
    """The generic linear model with the privacy topics as its classes."""

    def __init__(self, buckets: np.ndarray, weights: np.ndarray, bias: np.ndarray):
        super().__init__(CLASSES, buckets, weights, bias, N_BUCKETS)

    def proba(self, text: str) -> dict[str, float]:  # type: ignore[override]
        return super().proba(tokens(text))

    def save(self, path) -> None:
        np.savez_compressed(path, **self.to_arrays())

    @classmethod
    def load(cls, path) -> "TopicModel":
        with np.load(path) as z:
            if tuple(z["classes"]) != CLASSES or int(z["n_buckets"]) != N_BUCKETS:
                raise ValueError("topic model does not match this feature code")
            return cls(z["buckets"].astype(np.int64), z["weights"].astype(np.float32), z["bias"])


_lock = threading.Lock()
_model: TopicModel | None = None


def default_model() -> TopicModel:
    """The shipped model, loaded once on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                ref = resources.files("edgewise").joinpath("data", "privacy", MODEL_FILE)
                with resources.as_file(ref) as path:
                    _model = TopicModel.load(path)
    return _model
