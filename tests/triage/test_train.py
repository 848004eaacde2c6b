"""Training pieces: deterministic fit, stratified folds, metrics, tuning bias."""
from __future__ import annotations

import numpy as np

from edgewise.algo.linear import LinearModel, fit
from edgewise.triage.policy import LEVELS, Thresholds, decide
from edgewise.triage.train import DATA_DIR, folds, load_cases, metrics, train_model, tune


def test_fit_is_deterministic_and_learns():
    toks = [["w:cold", "w:mild"], ["w:pee", "w:burn"], ["w:blue", "w:lips"]] * 5
    y = np.array([0, 1, 2] * 5)
    a, b = fit(toks, y, LEVELS, steps=100), fit(toks, y, LEVELS, steps=100)
    assert np.array_equal(a.weights, b.weights)
    assert max(a.proba(["w:pee"]), key=a.proba(["w:pee"]).get) == "clinic"
    c = LinearModel.from_arrays(a.to_arrays())
    assert abs(c.proba(["w:blue"])["emergency"] - a.proba(["w:blue"])["emergency"]) < 1e-2


def test_metrics_counts_undertriage():
    m = metrics(["emergency", "clinic", "self-care"], ["clinic", "clinic", "emergency"])
    assert m["emergency_under_triage"] == 1 and m["accuracy"] == 1 / 3
    assert m["confusion"]["emergency"]["clinic"] == 1
    assert m["over_triage_rate"] == 1 / 3


def test_decide_is_conservative():
    th = Thresholds(0.4, 0.4)
    torn = {"self-care": 0.3, "clinic": 0.28, "emergency": 0.42}
    assert decide(torn, th, [], []) == "emergency"
    assert decide({"self-care": 0.55, "clinic": 0.44, "emergency": 0.01}, th, [], []) == "clinic"
    assert decide({"self-care": 0.9, "clinic": 0.05, "emergency": 0.05}, th, [], ["x"]) == "clinic"
    assert decide({"self-care": 1.0, "clinic": 0.0, "emergency": 0.0}, th, ["x"], []) == "emergency"


def test_folds_and_tune_on_a_small_slice():
    cases = load_cases(DATA_DIR / "vignettes.jsonl")[::6]
    fs = folds(cases, 3)
    assert sorted(np.concatenate(fs).tolist()) == list(range(len(cases)))
    model = train_model(cases)
    th = tune(cases, [model.proba(c.tokens) for c in cases])
    assert th.emergency <= 0.5 and th.clinic <= 0.5
