"""Cost-quality metrics: APGR of random / oracle / reversed routers, CPT, under-escalation."""
from __future__ import annotations

import numpy as np

from edgewise.router import metrics as M


def toy(n=200, seed=0):
    rng = np.random.default_rng(seed)
    c2 = rng.random(n) < 0.5
    c3 = c2 | (rng.random(n) < 0.6)
    correct = np.stack([np.zeros(n, bool), c2, c3], 1)
    return correct, np.full(n, 2)


def test_oracle_reversed_and_random():
    correct, local = toy()
    oracle = M.summary(M.oracle_score(correct), local, correct)
    worst = M.summary(-M.oracle_score(correct), local, correct)
    rnd = np.mean([M.summary(np.random.default_rng(s).random(len(local)), local, correct)["apgr"]
                   for s in range(20)])
    gap_share = (correct[:, 2] & ~correct[:, 1]).mean()
    # a perfect router rises linearly over the gap items, then stays at the top
    assert abs(oracle["apgr"] - (1 - gap_share / 2)) < 1e-9
    assert worst["apgr"] < 1 - oracle["apgr"] + 1e-9
    assert abs(rnd - 0.5) < 0.05
    assert oracle["cpt50"] < oracle["cpt80"] <= oracle["cpt95"] <= 1.0


def test_sweep_spans_zero_to_all_cloud():
    correct, local = toy(50)
    pts = M.sweep(np.linspace(0, 1, 50), local, correct)
    assert pts[0]["cloud_share"] == 0.0 and pts[-1]["cloud_share"] == 1.0
    assert pts[0]["quality"] == correct[:, 1].mean() and pts[-1]["quality"] == correct[:, 2].mean()


def test_route_cost_and_under_escalation():
    p = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]])
    tiers = M.route(p, 0.5, 0.6)
    assert tiers.tolist() == [1, 2, 3]
    labels = np.array([3, 3, 3])
    assert abs(M.under_escalation(tiers, labels) - 2 / 3) < 1e-9
    tokens = np.ones((3, 3, 2)) * 1e6
    assert M.cost(tiers, tokens, {1: (0, 0), 2: (0, 0), 3: (0.5, 1.5)}) == 2.0


def test_cpt_none_when_never_reached():
    pts = [{"cloud_share": 0.0, "quality": 0.2}, {"cloud_share": 1.0, "quality": 0.3}]
    assert M.cpt(pts, 0.2, 0.5, 0.5) is None
    assert abs(M.cpt(pts, 0.2, 0.3, 0.5) - 0.5) < 1e-9
