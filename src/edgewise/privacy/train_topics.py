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

from edgewise.algo.linear import fit

from .topics import CLASSES, MODEL_FILE, N_BUCKETS, TopicModel, tokens

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "privacy"


def load(path: Path) -> tuple[list[str], np.ndarray]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r["text"] for r in rows], np.array([CLASSES.index(r["label"]) for r in rows])


def train(texts: list[str], y: np.ndarray) -> TopicModel:
    m = fit([tokens(t) for t in texts], y, CLASSES, steps=400, n_buckets=N_BUCKETS)
    return TopicModel(m.buckets, m.weights, m.bias)


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
