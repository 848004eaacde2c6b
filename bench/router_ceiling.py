"""How far can routing from the prompt alone go on this labelled set?

Compares, by APGR (RouteLLM), scores that rank prompts for the cloud:
  label3        the shipped grader's objective: p(no local tier is right)
  gain          p(cloud right) - p(local main right), two n-gram models
  local_wrong   1 - p(local main right)
  pattern       4-way outcome model: p(only cloud right) - p(only local right)
and, as references that read metadata the grader never sees, the same three
targets averaged per (intended difficulty, kind, language) category over the
training folds: what knowing each prompt's exact category would buy.
All scores are out-of-fold (5-fold over all items) or trained on the train
split and scored once on the held-out split.  Pure numpy; seconds.

    .venv/bin/python bench/router_ceiling.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import machine, table, write  # noqa: E402
from edgewise.algo.linear import fit  # noqa: E402
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router import train as T  # noqa: E402
from edgewise.router.dataset import TIERS, labelled, load_outcomes, load_prompts  # noqa: E402
from edgewise.router.features import features  # noqa: E402

OUT = load_outcomes()
ROWS = [r for r in labelled(load_prompts(), OUT) if all(t in OUT[r["id"]] for t in TIERS)]
C = np.array([[OUT[r["id"]][t]["correct"] for t in TIERS] for r in ROWS], bool)
F = [features(r["prompt"]) for r in ROWS]


def _binary(train, target):
    return fit([F[i] for i in train], np.array([int(target[i]) for i in train]), ("no", "yes"), l2=T.L2,
               steps=T.STEPS)


def text_scores(train: list[int], test: list[int]) -> dict[str, np.ndarray]:
    label = T.fit_model([ROWS[i] for i in train])
    local, cloud = _binary(train, C[:, 1]), _binary(train, C[:, 2])
    pattern = C[:, 1].astype(int) * 2 + C[:, 2].astype(int)  # 1 only cloud, 2 only local
    four = fit([F[i] for i in train], pattern[train], ("neither", "cloud", "local", "both"), l2=T.L2, steps=T.STEPS)
    p_local = np.array([local.proba(F[i])["yes"] for i in test])
    p4 = np.array([list(four.proba(F[i]).values()) for i in test])
    return {"label3": np.array([label.proba(F[i])["tier3"] for i in test]),
            "gain": np.array([cloud.proba(F[i])["yes"] for i in test]) - p_local,
            "local_wrong": 1 - p_local, "pattern": p4[:, 1] - p4[:, 2]}


def category_scores(train: list[int], test: list[int]) -> dict[str, np.ndarray]:
    key = lambda i: (ROWS[i]["intended"], ROWS[i]["kind"], ROWS[i]["lang"])  # noqa: E731
    targets = {"category label3": np.array([r["label"] == 3 for r in ROWS], float),
               "category gain": C[:, 2].astype(float) - C[:, 1], "category local_wrong": 1.0 - C[:, 1]}
    out = {}
    for name, y in targets.items():
        means: dict[tuple, list[float]] = {}
        for i in train:
            means.setdefault(key(i), []).append(y[i])
        out[name] = np.array([np.mean(means.get(key(i), [0.0])) for i in test])
    return out


def apgr(score: np.ndarray, items: np.ndarray) -> float:
    return M.summary(score, np.full(len(items), 2), C[items])["apgr"]


def main() -> None:
    everything = np.arange(len(ROWS))
    oof: dict[str, np.ndarray] = {}
    for test in T.folds(ROWS, 5):
        train = [i for i in everything if i not in set(test.tolist())]
        for name, s in {**text_scores(train, list(test)), **category_scores(train, list(test))}.items():
            oof.setdefault(name, np.zeros(len(ROWS)))[test] = s
    train = [i for i, r in enumerate(ROWS) if not r["heldout"]]
    held = np.array([i for i, r in enumerate(ROWS) if r["heldout"]])
    once = {**text_scores(train, list(held)), **category_scores(train, list(held))}
    rows = [{"score": k, "reads": "metadata" if k.startswith("category") else "prompt text",
             "cv_all_apgr": round(apgr(oof[k], everything), 3), "heldout_apgr": round(apgr(once[k], held), 3)}
            for k in oof]
    rows.append({"score": "oracle (knows every outcome)", "reads": "outcomes",
                 "cv_all_apgr": round(apgr(M.oracle_score(C), everything), 3),
                 "heldout_apgr": round(apgr(M.oracle_score(C[held]), held), 3)})
    print(table(rows, ["score", "reads", "cv_all_apgr", "heldout_apgr"]))
    path = write("router_ceiling", {"machine": machine(), "items": len(ROWS), "heldout": len(held),
                                    "models": {"1": "smollm2-135m", "2": "qwen2.5-coder-0.5b", "3": "qwen2.5-coder-1.5b"},
                                    "rows": rows})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
