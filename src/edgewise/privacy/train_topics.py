"""Train the sensitive-topic classifier shipped in data/privacy/.

    python -m edgewise.privacy.train_topics            # train + save
    python -m edgewise.privacy.train_topics --cv 5     # also k-fold accuracy

Softmax regression, L2, class-balanced, full-batch Adam in numpy. Training
is deterministic (fixed seed), takes a couple of seconds.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from .topics import CLASSES, MODEL_FILE, TopicModel, featurize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "privacy"


def load(path: Path) -> tuple[list[str], np.ndarray]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r["text"] for r in rows], np.array([CLASSES.index(r["label"]) for r in rows])


class Sparse:
    """Rows x used-buckets matrix as COO triplets (it is ~0.3% dense)."""

    def __init__(self, texts: list[str]):
        feats = [featurize(t) for t in texts]
        self.buckets = np.unique(np.concatenate([ids for ids, _ in feats]))
        self.rows = np.concatenate([np.full(len(ids), i) for i, (ids, _) in enumerate(feats)])
        self.cols = np.concatenate([np.searchsorted(self.buckets, ids) for ids, _ in feats])
        self.vals = np.concatenate([vals for _, vals in feats]).astype(np.float64)
        self.shape = (len(texts), len(self.buckets))

    def dot(self, W: np.ndarray) -> np.ndarray:           # X @ W
        return np.stack([np.bincount(self.rows, self.vals * W[self.cols, c], self.shape[0])
                         for c in range(W.shape[1])], axis=1)

    def tdot(self, G: np.ndarray) -> np.ndarray:          # X.T @ G
        return np.stack([np.bincount(self.cols, self.vals * G[self.rows, c], self.shape[1])
                         for c in range(G.shape[1])], axis=1)


def fit(X: Sparse, y: np.ndarray, l2: float = 1e-4, steps: int = 400,
        lr: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    n, d = X.shape
    k = len(CLASSES)
    Y = np.eye(k)[y]
    w_class = n / (k * np.maximum(np.bincount(y, minlength=k), 1))  # balance classes
    sw = w_class[y][:, None] / n
    W, b = np.zeros((d, k)), np.zeros(k)
    mW, vW, mb, vb = (np.zeros_like(W), np.zeros_like(W), np.zeros_like(b), np.zeros_like(b))
    for t in range(1, steps + 1):
        Z = X.dot(W) + b
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        G = (P - Y) * sw
        gW, gb = X.tdot(G) + l2 * W, G.sum(0)
        for p, g, m, v in ((W, gW, mW, vW), (b, gb, mb, vb)):  # Adam
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return W, b


def train(texts: list[str], y: np.ndarray) -> TopicModel:
    X = Sparse(texts)
    W, b = fit(X, y)
    return TopicModel(X.buckets, W, b)


def cross_validate(texts: list[str], y: np.ndarray, k: int) -> float:
    idx = np.random.default_rng(0).permutation(len(texts))
    correct = 0
    for fold in range(k):
        test = idx[fold::k]
        train_idx = np.setdiff1d(idx, test)
        model = train([texts[i] for i in train_idx], y[train_idx])
        for i in test:
            p = model.proba(texts[i])
            correct += max(p, key=p.get) == CLASSES[y[i]]
    return correct / len(texts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DATA_DIR / "topics.jsonl")
    ap.add_argument("--out", type=Path, default=DATA_DIR / MODEL_FILE)
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation")
    args = ap.parse_args(argv)
    texts, y = load(args.data)
    print(f"{len(texts)} examples: " +
          ", ".join(f"{c}={int((y == i).sum())}" for i, c in enumerate(CLASSES)))
    if args.cv:
        print(f"{args.cv}-fold accuracy: {cross_validate(texts, y, args.cv):.3f}")
    model = train(texts, y)
    model.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size // 1024} KiB, "
          f"{len(model.buckets)} buckets)")


if __name__ == "__main__":
    main()
