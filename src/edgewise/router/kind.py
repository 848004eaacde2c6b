"""Is a request a word problem with a numeric answer?  (Then tier 2 writes a program.)

The 0.5B coder answers such problems better by writing ``solution()`` and
running it (edge/program.py) than by reasoning in prose: 36% vs 27% of the
137 math prompts, and the node reads a program more reliably than prose
(bench/router_check.py).  This detector decides when to try; a program
that gives no number falls back to the plain answer, so a false positive
costs a second or two, not a wrong answer.

A logistic regression over the grader's own features (features.py), trained
on the ``kind`` of the train split's prompts only:

    python -m edgewise.router.kind          # train, report held-out accuracy, save
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from edgewise.algo.linear import LinearModel, fit

from .features import FEATURE_VERSION, features

MODEL_FILE = "math_kind.npz"
THRESHOLD = 0.5
L2, STEPS = 1e-3, 300  # 1e-4..1e-2 tried: 1e-3 and 1e-4 tie on held-out accuracy, 1e-2 is worse


@lru_cache(maxsize=1)
def model() -> LinearModel:
    ref = resources.files("edgewise").joinpath("data", "router", MODEL_FILE)
    with resources.as_file(ref) as path, np.load(Path(path)) as z:
        if int(z["feature_version"]) != FEATURE_VERSION:
            raise ValueError("math detector was trained with other features: retrain (router/kind.py)")
        return LinearModel.from_arrays(z)


def p_math(text: str) -> float:
    return model().proba(features(text))["math"]


def is_math(text: str) -> bool:
    return p_math(text) >= THRESHOLD


def train(rows: list[dict]) -> LinearModel:
    y = np.array([r["kind"] == "math" for r in rows], int)
    return fit([features(r["prompt"]) for r in rows], y, ("other", "math"), l2=L2, steps=STEPS)


def main() -> None:
    from .dataset import DATA_DIR, is_heldout, load_prompts

    prompts = load_prompts()
    train_set = [p for p in prompts if not is_heldout(p["id"])]
    held = [p for p in prompts if is_heldout(p["id"])]
    m = train(train_set)
    pred = np.array([m.proba(features(p["prompt"]))["math"] >= THRESHOLD for p in held])
    truth = np.array([p["kind"] == "math" for p in held])
    print(f"trained on {len(train_set)} prompts; held-out accuracy {(pred == truth).mean():.3f} "
          f"({(pred & ~truth).sum()} false, {(~pred & truth).sum()} missed of {truth.sum()} math in {len(held)})")
    out = DATA_DIR / MODEL_FILE
    np.savez_compressed(out, **m.to_arrays(), feature_version=np.array(FEATURE_VERSION))
    print(f"saved {out}")


if __name__ == "__main__":
    main()
