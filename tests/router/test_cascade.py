"""The cascade's pure parts: confidence statistic, escalation rule, threshold tuning."""
from __future__ import annotations

import numpy as np
import pytest

from edgewise.router.cascade import DEFAULT_THRESHOLD, confidence, escalate, tune_threshold


def test_confidence_is_the_shakiest_tenth():
    assert confidence([]) == 0.0
    assert confidence([-0.01] * 9 + [-5.0]) == pytest.approx(np.percentile([-0.01] * 9 + [-5.0], 10))
    sure, shaky = [-0.01] * 20, [-0.01] * 17 + [-4.0] * 3
    assert confidence(sure) > confidence(shaky)
    assert not escalate(confidence(sure)) and escalate(confidence(shaky))
    assert escalate(DEFAULT_THRESHOLD - 1e-6) and not escalate(DEFAULT_THRESHOLD)


def test_tune_threshold_minimises_the_weighted_errors():
    rng = np.random.default_rng(0)
    n = 400
    local_right = rng.random(n) < 0.5
    cloud_right = local_right | (rng.random(n) < 0.6)
    conf = np.where(local_right, rng.normal(-0.3, 0.3, n), rng.normal(-1.5, 0.5, n))  # informative
    t = tune_threshold(conf, local_right, cloud_right)

    def cost(th):
        up = conf < th
        return 3 * (~up & ~local_right & cloud_right).sum() + (up & local_right).sum()
    grid = np.linspace(conf.min() - 1, conf.max() + 1, 2001)
    assert cost(t) <= min(cost(g) for g in grid)
    assert -1.5 < t < -0.3  # between the two populations
    # an uninformative score with cheap misses keeps everything local
    assert tune_threshold(np.zeros(10), np.ones(10, bool), np.ones(10, bool)) <= 0.0


def test_the_decision_reads_only_the_first_window_tokens():
    from edgewise.router.cascade import WINDOW

    sure_start = [-0.01] * WINDOW + [-6.0] * 50  # shaky later: already decided, keep streaming
    assert confidence(sure_start) == pytest.approx(-0.01)
    assert confidence([-6.0] * 5 + [-0.01] * (WINDOW - 5)) < confidence([-0.01] * WINDOW)


def test_tune_check_matches_a_brute_force_search():
    from edgewise.router.cascade import MISS_COST, tune_check

    rng = np.random.default_rng(1)
    n = 120
    local_right = rng.random(n) < 0.5
    cloud_right = local_right | (rng.random(n) < 0.6)
    conf = np.where(local_right, rng.normal(-0.3, 0.4, n), rng.normal(-1.2, 0.5, n))
    check = np.where(local_right, rng.normal(-0.2, 0.2, n), rng.normal(-1.0, 0.4, n))

    def cost(keep, t, price):
        checked = conf < keep
        up = checked & (check < t)
        return (MISS_COST * (~up & ~local_right & cloud_right).sum() + (up & local_right).sum()
                + price * checked.sum())
    for price in (0.0, 0.05, 0.5):
        keep, t = tune_check(conf, check, local_right, cloud_right, price)
        keeps = np.concatenate([np.percentile(conf, np.linspace(0, 100, 41)), [np.inf]])
        best = min(cost(k, th, price) for k in keeps for th in np.concatenate([check, [-np.inf, np.inf]]))
        assert cost(keep, t, price) == pytest.approx(best)
    # a free, informative check is used on (nearly) everything; an expensive one on less
    free_keep, _ = tune_check(conf, check, local_right, cloud_right, 0.0)
    dear_keep, _ = tune_check(conf, check, local_right, cloud_right, 0.5)
    assert (conf < free_keep).sum() >= (conf < dear_keep).sum()


def test_check_rules():
    from edgewise.router.cascade import check_confidence, escalate_checked, needs_check

    assert check_confidence([]) == 0.0 and check_confidence([-1.0, -3.0]) == -2.0
    assert needs_check(-1.0, keep_above=-0.5) and not needs_check(-0.5, keep_above=-0.5)
    assert escalate_checked(-2.0, threshold=-1.0) and not escalate_checked(-1.0, threshold=-1.0)
