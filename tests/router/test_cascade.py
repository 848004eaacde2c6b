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
