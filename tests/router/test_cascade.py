"""The cascade's pure parts: statistics, per-window rules, escalation, threshold tuning."""
from __future__ import annotations

import numpy as np
import pytest

from edgewise.router.cascade import (RULES, WHOLE, Rule, check_confidence, confidence, escalate, escalate_checked,
                                     from_config, needs_check, rule, summarise, tune_threshold)


def test_summarise_statistics_and_windows():
    v = [-0.01] * 9 + [-5.0]
    assert summarise([], "min") == 0.0
    assert summarise(v, "min") == -5.0 and summarise(v, "mean") == pytest.approx(np.mean(v))
    assert summarise(v, "p10") == pytest.approx(np.percentile(v, 10))
    assert summarise([1, 0, 1, 1], "agree") == 0.75
    assert summarise(v, "min", 9) == -0.01  # the window stops before the shaky token
    assert summarise(v, "min", WHOLE) == -5.0
    with pytest.raises(ValueError, match="unknown statistic"):
        summarise(v, "median")


def test_the_default_reads_the_whole_answer():
    r = RULES[WHOLE]
    sure, shaky_late = [-0.01] * 80, [-0.01] * 64 + [-6.0] * 16
    assert not escalate(confidence(sure, r), r)
    assert escalate(confidence(shaky_late, r), r)  # late slips count when the whole answer is read
    assert escalate(r.threshold - 1e-6, r) and not escalate(r.threshold, r)


def test_the_whole_answer_is_read_up_to_a_cap():
    from edgewise.router.cascade import MAX_READ, read_limit

    assert read_limit(RULES[WHOLE]) == MAX_READ >= 160  # the tuning set's longest answers fit
    assert read_limit(rule(32)) == 32


def test_a_32_token_window_decides_from_the_start_only():
    r = rule(32)
    sure_start = [-0.01] * 32 + [-6.0] * 50  # shaky later: already decided, keep streaming
    assert confidence(sure_start, r) == pytest.approx(-0.01)
    assert confidence([-6.0] * 5 + [-0.01] * 27, r) < confidence([-0.01] * 32, r)
    assert rule(64).window == 64 and rule(64).threshold == r.threshold  # untuned: borrows the 32 rule


def test_from_config():
    assert from_config({}) == RULES[WHOLE]
    assert from_config({"check": True, "window": 32}) == RULES[32]
    r = from_config({"window": 16, "threshold": -1, "check_stat": "mean"})
    assert (r.window, r.threshold, r.check_stat) == (16, -1.0, "mean")
    for bad, msg in (({"window": -1}, ">= 0"), ({"windw": 3}, "unknown setting"),
                     ({"local_stat": "median"}, "unknown statistic")):
        with pytest.raises(ValueError, match=msg):
            from_config(bad)


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
    r = Rule(WHOLE, "min", -1.0, "mean", -0.5, -1.0)
    assert check_confidence({"logprobs": []}, r) == 0.0 and check_confidence({"logprobs": [-1.0, -3.0]}, r) == -2.0
    # the shipped whole-answer check reads the surest disagreement: a token the big model was
    # merely unsure of (-3.0 against its own pick's -2.9) counts less than a confident miss
    scored = {"logprobs": [-1.0, -3.0], "argmax_logprobs": [-0.1, -2.9]}
    assert RULES[WHOLE].check_stat == "gap" and abs(check_confidence(scored, RULES[WHOLE]) + 0.9) < 1e-9
    assert check_confidence({"logprobs": [-1.0]}, RULES[WHOLE]) is None  # an older node: no check
    assert needs_check(-1.0, r) and not needs_check(-0.5, r)
    assert escalate_checked(-2.0, r) and not escalate_checked(-1.0, r)
