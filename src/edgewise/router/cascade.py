"""Answer-then-escalate routing (a cascade, as in FrugalGPT / AutoMix).

The local main model starts answering; if it was unsure of the start of its
own answer, the request goes to the cloud instead.  Confidence is the 10th
percentile of the token log-probabilities of the answer's first WINDOW
tokens: an answer is only as good as its shakiest stretch.  On the 467
greedy-labelled prompts (bench/router_cascade.py): AUC 0.76 for "the local
answer is correct"; APGR 0.61 held-out against the prompt-only grader's
0.58.  The min over the whole answer does better (0.68) but needs the whole
answer before deciding.  With a node, unsure answers are checked by the big
model instead (below; bench/router_check.py).  The price is latency: an
escalated request first waits for WINDOW local tokens; a kept answer streams
on after them.  Pure functions, no I/O.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

WINDOW = 32  # answer tokens the decision reads
# Escalate below this p10 log-prob.  Tuned on the train split by
# bench/router_check.py with the grader's cost rule (3 x a wrong local
# answer kept + 1 x a right one escalated).  Held-out: 71% to the cloud,
# quality 0.779 (all-local 0.537, all-cloud 0.799).
DEFAULT_THRESHOLD = -0.345
MISS_COST, CLOUD_COST = 3.0, 1.0


def confidence(logprobs: Sequence[float], window: int = WINDOW) -> float:
    """p10 of the log-probs of the answer's first ``window`` tokens; 0.0 (sure) if empty."""
    if len(logprobs) == 0:
        return 0.0
    return float(np.percentile(np.asarray(logprobs[:window], dtype=np.float64), 10))


def escalate(conf: float, threshold: float = DEFAULT_THRESHOLD) -> bool:
    return conf < threshold


# --- the answer check: the node's big model reads the same window -----------
# The statistic is the mean of the big model's log-probs of the local tokens,
# picked on the train split among mean, p10, greedy agreement and agreeing
# prefix (bench/router_check.py; mean and p10 traded places as the set grew:
# they are equivalent within noise).  Thresholds are tuned there on the train
# split with tune_check.  Answers the local model is at least KEEP_ABOVE sure
# of skip the check; checked answers below CHECK_THRESHOLD go to the cloud.
CHECK_THRESHOLD = -0.162
KEEP_ABOVE = -0.192


def check_confidence(logprobs: Sequence[float]) -> float:
    """Mean log-prob the big model gives the local window (0.0 if empty)."""
    return float(np.mean(logprobs)) if len(logprobs) else 0.0


def needs_check(conf: float, keep_above: float = KEEP_ABOVE) -> bool:
    return conf < keep_above


def escalate_checked(check_conf: float, threshold: float = CHECK_THRESHOLD) -> bool:
    return check_conf < threshold


def tune_threshold(conf: np.ndarray, local_right: np.ndarray, cloud_right: np.ndarray) -> float:
    """Threshold minimising MISS_COST x (kept a wrong local answer the cloud gets right)
    + CLOUD_COST x (escalated a right local answer)."""
    best_t, best = 0.0, np.inf
    for t in np.unique(np.concatenate([conf, [conf.min() - 1e-9]])):
        up = conf < t
        cost = MISS_COST * (~up & ~local_right & cloud_right).sum() + CLOUD_COST * (up & local_right).sum()
        if cost < best - 1e-12:
            best_t, best = float(t), cost
    return best_t


def tune_check(conf: np.ndarray, check: np.ndarray, local_right: np.ndarray, cloud_right: np.ndarray,
               check_cost: float) -> tuple[float, float]:
    """(keep_above, check_threshold) minimising the tune_threshold costs plus
    ``check_cost`` (in cloud calls) per checked answer."""
    best, best_cost = (0.0, CHECK_THRESHOLD), np.inf
    keeps = np.unique(np.concatenate([np.percentile(conf, np.linspace(0, 100, 41)), [np.inf]]))
    for keep in keeps:
        checked = conf < keep
        for t in np.unique(np.concatenate([check[checked], [-np.inf, np.inf]])):
            up = checked & (check < t)
            cost = (MISS_COST * (~up & ~local_right & cloud_right).sum() + CLOUD_COST * (up & local_right).sum()
                    + check_cost * checked.sum())
            if cost < best_cost - 1e-12:
                best, best_cost = (float(keep), float(t)), cost
    return best
