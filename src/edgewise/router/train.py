"""Train the routing grader shipped as edgewise/data/router/grader.npz.

    python -m edgewise.router.train            # CV report, tune thresholds, train, save
    python -m edgewise.router.train --check    # retrain and compare with the shipped file

Labels come from outcomes.jsonl (bench/router_eval.py): the cheapest tier
whose model answered correctly, 3 if none did. Only the train split is read;
held-out ids (dataset.is_heldout) are never seen here, and the saved file
lists the ids it trained on so the evaluation can prove it.

Default thresholds are tuned on out-of-fold probabilities:
  tier3: minimise 3 x (needed the cloud, stayed local) + 1 x (sent to the
         cloud though a local tier was right): a wrong answer costs more
         than a cloud call.
  tier1: lowest p(tier1) at which >= 90% of the prompts it keeps on the
         tiny model really were answered by it; > 1 (never) if none.
Deterministic (fixed folds, full-batch optimiser); takes seconds.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from edgewise.algo.linear import fit

from .dataset import DATA_DIR, labelled, load_outcomes, load_prompts
from .features import features
from .grader import CLASSES, MODEL_FILE, Grader

MISS_COST, CLOUD_COST = 3.0, 1.0
TIER1_PRECISION = 0.9
L2, STEPS = 1e-3, 300  # l2 from 5-fold CV on the train split (1e-4..3e-2 tried)
NEVER = 1.01  # a probability threshold nothing reaches


def train_rows(outcomes_path: Path | None = None) -> list[dict]:
    rows = labelled(load_prompts(), load_outcomes(outcomes_path) if outcomes_path else load_outcomes())
    return [r for r in rows if not r["heldout"]]


def fit_model(rows: list[dict]):
    y = np.array([r["label"] - 1 for r in rows])
    return fit([features(r["prompt"]) for r in rows], y, CLASSES, l2=L2, steps=STEPS)


def folds(rows: list[dict], k: int) -> list[np.ndarray]:
    """Stratified by (label, lang); fixed seed."""
    rng = np.random.default_rng(0)
    out: list[list[int]] = [[] for _ in range(k)]
    strata: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        strata.setdefault((r["label"], r["lang"]), []).append(i)
    offset = 0
    for key in sorted(strata):
        for j, i in enumerate(rng.permutation(strata[key])):
            out[(j + offset) % k].append(int(i))
        offset += len(strata[key])
    return [np.array(sorted(f), int) for f in out]


def oof_proba(rows: list[dict], k: int = 5) -> np.ndarray:
    """Out-of-fold probabilities (n, 3)."""
    P = np.zeros((len(rows), 3))
    for test in folds(rows, k):
        held = set(test.tolist())
        model = fit_model([r for i, r in enumerate(rows) if i not in held])
        for i in test:
            P[i] = list(model.proba(features(rows[i]["prompt"])).values())
    return P


def tune_t3(p3: np.ndarray, y: np.ndarray) -> float:
    best_t, best_cost = 0.5, np.inf
    for t in np.arange(0.05, 0.951, 0.01):
        cloud = p3 >= t
        c = MISS_COST * ((y == 3) & ~cloud).sum() + CLOUD_COST * ((y < 3) & cloud).sum()
        if c < best_cost - 1e-9:
            best_t, best_cost = float(round(t, 2)), c
    return best_t


def tune_t1(p1: np.ndarray, y: np.ndarray, local: np.ndarray) -> float:
    for t in np.arange(0.3, 0.991, 0.01):
        keep = local & (p1 >= t)
        if keep.sum() >= 3 and (y[keep] == 1).mean() >= TIER1_PRECISION:
            return float(round(t, 2))
    return NEVER


def auc_binary(score: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC by ranks (ties averaged)."""
    order = np.argsort(score, kind="stable")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    for s in np.unique(score):
        m = score == s
        ranks[m] = ranks[m].mean()
    n1, n0 = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n1 * (n1 + 1) / 2) / max(1, n1 * n0))


def train(rows: list[dict], k: int = 5, log=print) -> Grader:
    y = np.array([r["label"] for r in rows])
    P = oof_proba(rows, k)
    t3 = tune_t3(P[:, 2], y)
    t1 = tune_t1(P[:, 0], y, P[:, 2] < t3)
    log(f"{k}-fold out-of-fold: accuracy {(P.argmax(1) + 1 == y).mean():.3f}, "
        f"AUC p(tier3) for label 3 {auc_binary(P[:, 2], y == 3):.3f}; thresholds tier3={t3} tier1={t1}")
    return Grader(fit_model(rows), {"tier3": t3, "tier1": t1})


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DATA_DIR / MODEL_FILE)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--check", action="store_true", help="retrain and compare with --out, do not write")
    args = ap.parse_args(argv)
    rows = train_rows()
    counts = Counter(r["label"] for r in rows)
    print(f"{len(rows)} training prompts; labels " + ", ".join(f"tier{t}={counts[t]}" for t in (1, 2, 3)))
    grader = train(rows, args.folds)
    if args.check:
        shipped = Grader.load(args.out)
        same = same_weights(grader, shipped)
        print("matches shipped weights" if same else "DIFFERS from shipped weights")
        raise SystemExit(0 if same else 1)
    grader.save(args.out, [r["id"] for r in rows])
    print(f"saved {args.out} ({args.out.stat().st_size // 1024} KiB, {len(grader.model.buckets)} buckets)")


def same_weights(a: Grader, b: Grader) -> bool:
    ma, mb = a.model, b.model
    return (np.array_equal(ma.buckets, mb.buckets) and a.thresholds == b.thresholds
            and np.array_equal(ma.weights.astype(np.float16), mb.weights.astype(np.float16))
            and np.allclose(ma.bias, mb.bias, atol=1e-6))


if __name__ == "__main__":
    main()
