"""Train the triage classifier shipped in edgewise/data/triage/.

    python -m edgewise.triage.train            # 5-fold CV, tune thresholds, train, save
    python -m edgewise.triage.train --cv 10

Data: vignettes.jsonl ({"text", "level", "lang"}). The held-out sets are never read
here. Thresholds are tuned on the cross-validated probabilities with a cost
that makes under-triage of an emergency ten times worse than any over-triage.
Deterministic; takes a few seconds.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from .features import features
from edgewise.algo.linear import LinearModel, fit
from .policy import LEVELS, Thresholds, decide
from .rules import Facts, amber_flags, red_flags
from .weights import MODEL_FILE, save

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "triage"
# COST[true][pred]: missing an emergency is the worst outcome.
COST = np.array([[0, 1, 1],
                 [2, 0, 1],
                 [10, 5, 0]], float)


class Case:
    """One labelled vignette with its rule hits and features computed once."""

    def __init__(self, row: dict):
        self.text, self.level, self.lang = row["text"], row["level"], row.get("lang", "")
        facts = Facts(self.text)
        self.red, self.amber, self.tokens = red_flags(facts), amber_flags(facts), features(facts)
        self.y = LEVELS.index(self.level)


def load_cases(path: Path) -> list[Case]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Case(r) for r in rows]


def train_model(cases: list[Case]) -> LinearModel:
    return fit([c.tokens for c in cases], np.array([c.y for c in cases]), LEVELS)


def folds(cases: list[Case], k: int) -> list[np.ndarray]:
    """Stratified by (level, language); fixed seed."""
    rng = np.random.default_rng(0)
    out = [[] for _ in range(k)]
    strata: dict[tuple, list[int]] = {}
    for i, c in enumerate(cases):
        strata.setdefault((c.level, c.lang), []).append(i)
    offset = 0
    for key in sorted(strata):
        for j, i in enumerate(rng.permutation(strata[key])):
            out[(j + offset) % k].append(int(i))
        offset += len(strata[key])
    return [np.array(sorted(f)) for f in out]


def cv_proba(cases: list[Case], k: int) -> list[dict]:
    """Out-of-fold class probabilities for every case."""
    proba: list[dict | None] = [None] * len(cases)
    for test in folds(cases, k):
        held = set(test.tolist())
        model = train_model([c for i, c in enumerate(cases) if i not in held])
        for i in test:
            proba[i] = model.proba(cases[i].tokens)
    return proba


def predict(cases: list[Case], proba: list[dict], th: Thresholds) -> list[str]:
    return [decide(p, th, c.red, c.amber) for c, p in zip(cases, proba)]


def tune(cases: list[Case], proba: list[dict]) -> Thresholds:
    """Lowest-cost thresholds on out-of-fold predictions; ties go to the more urgent.

    Both thresholds stay below 0.5: when the model is torn between two levels,
    the more urgent one wins.
    """
    P = np.array([[p[lv] for lv in LEVELS] for p in proba])
    y = np.array([c.y for c in cases])
    red = np.array([bool(c.red) for c in cases])
    amber = np.array([bool(c.amber) for c in cases])
    best = None
    for te in np.arange(0.15, 0.451, 0.025):
        for tc in np.arange(0.15, 0.451, 0.025):
            pred = np.where(P[:, 2] >= te, 2, np.where(P[:, 1] + P[:, 2] >= tc, 1, 0))
            pred = np.where(red, 2, np.where(amber, np.maximum(pred, 1), pred))
            key = (COST[y, pred].sum(), round(float(te), 3), round(float(tc), 3))
            if best is None or key < best:
                best = key
    return Thresholds(best[1], best[2])


def metrics(truth: list[str], pred: list[str]) -> dict:
    """Accuracy, confusion matrix (rows = truth), under/over-triage rates."""
    t = np.array([LEVELS.index(x) for x in truth])
    p = np.array([LEVELS.index(x) for x in pred])
    conf = np.zeros((3, 3), int)
    np.add.at(conf, (t, p), 1)
    emerg = t == 2
    return {
        "n": int(len(t)),
        "accuracy": float((t == p).mean()),
        "confusion": {LEVELS[i]: {LEVELS[j]: int(conf[i, j]) for j in range(3)} for i in range(3)},
        "under_triage_rate": float((p < t).mean()),
        "over_triage_rate": float((p > t).mean()),
        "emergency_under_triage": int((p[emerg] < 2).sum()),
        "emergency_under_triage_rate": float((p[emerg] < 2).mean()) if emerg.any() else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA_DIR / "vignettes.jsonl")
    ap.add_argument("--out", type=Path, default=DATA_DIR / MODEL_FILE)
    ap.add_argument("--cv", type=int, default=5, help="folds for threshold tuning")
    args = ap.parse_args(argv)
    cases = load_cases(args.data)
    print(f"{len(cases)} vignettes: " + ", ".join(
        f"{lv}={sum(c.level == lv for c in cases)}" for lv in LEVELS))
    proba = cv_proba(cases, args.cv)
    th = tune(cases, proba)
    m = metrics([c.level for c in cases], predict(cases, proba, th))
    print(f"thresholds: emergency>={th.emergency} clinic>={th.clinic}")
    print(f"{args.cv}-fold CV: accuracy {m['accuracy']:.3f}, emergency under-triage "
          f"{m['emergency_under_triage']}, over-triage {m['over_triage_rate']:.3f}")
    model = train_model(cases)
    save(args.out, model, th)
    print(f"saved {args.out} ({args.out.stat().st_size // 1024} KiB, {len(model.buckets)} buckets)")


if __name__ == "__main__":
    main()
