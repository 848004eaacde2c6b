"""Answer-then-escalate routing (a cascade, as in FrugalGPT / AutoMix).

The local main model answers first; if it was unsure of its own answer, the
request goes to the cloud instead.  With a node, the node's big model reads
the local answer (edge/answer_check.py) and its reading decides instead:
answers the local model is sure of skip the check, checked answers the big
model finds unlikely go to the cloud.

What the decision reads is a window of answer tokens: the first 32 (a kept
answer streams on sooner) or the whole answer (0, the default: it routes
better).  Each window has its own rule below, picked and tuned on the train
split of the 501 greedy-labelled prompts by bench/router_check.py (figures
there and in the README).  The price is latency: an escalated request first
waits for the window's local tokens.  Pure functions, no I/O.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

MISS_COST, CLOUD_COST = 3.0, 1.0  # a wrong answer kept vs a right one sent to the cloud
WHOLE = 0  # window: the whole answer ...
MAX_READ = 256  # ... up to this many tokens: a long answer is judged on its start, not waited out


@dataclass(frozen=True)
class Rule:
    """Statistics and thresholds for one window (log-prob units)."""
    window: int
    local_stat: str  # of the local model's own log-probs
    threshold: float  # cascade alone: escalate below
    check_stat: str  # of the big model's log-probs of the local tokens
    keep_above: float  # local confidence at or above this skips the check
    check_threshold: float  # checked: escalate below


# bench/router_check.py, train split (352 items); held-out figures in the README
RULES = {
    32: Rule(32, "p10", -0.463, "gap", -0.195, -1.372),
    WHOLE: Rule(WHOLE, "p10", -0.338, "gap", -0.077, -1.951),
}
DEFAULT_WINDOW = WHOLE


def rule(window: int) -> Rule:
    """The tuned rule for ``window``; an untuned window borrows the 32-token rule."""
    return RULES[window] if window in RULES else replace(RULES[32], window=window)


def read_limit(r: Rule) -> int:
    """Local answer tokens to read before deciding."""
    return r.window or MAX_READ


def from_config(c: dict) -> Rule:
    """``router.cascade`` settings: window (0 = whole answer) plus any of Rule's fields."""
    unknown = set(c) - {"check", "window", *Rule.__dataclass_fields__}
    if unknown:
        raise ValueError(f"router.cascade: unknown setting(s) {sorted(unknown)}")
    window = int(c.get("window", DEFAULT_WINDOW))
    if window < 0:
        raise ValueError("router.cascade.window must be >= 0 (0 = the whole answer)")
    r = replace(rule(window), **{k: c[k] for k in ("local_stat", "check_stat") if k in c},
                **{k: float(c[k]) for k in ("threshold", "keep_above", "check_threshold") if k in c})
    for s in (r.local_stat, r.check_stat):
        summarise([0.0], s)  # an unknown statistic fails here, at start-up
    return r


def check_values(scored: dict, stat: str) -> list[float] | None:
    """The per-token values a check statistic reads from the node's ``scored`` reply:
    "gap" reads log p(local token) - log p(the big model's own pick), 0 where they
    agree, so an answer is judged by the big model's surest disagreement rather
    than by tokens it was merely unsure of; the others read log p(local token).
    None if the reply lacks what the statistic needs (an older node)."""
    lp = scored.get("logprobs")
    if stat == "agree":
        return scored.get("agree")
    if stat != "gap":
        return lp
    top = scored.get("argmax_logprobs")
    if lp is None or top is None or len(top) != len(lp):
        return None
    return [a - b for a, b in zip(lp, top)]


def summarise(values: Sequence[float], stat: str, window: int = WHOLE) -> float:
    """mean / p10 / min / agree (mean of 0-1 flags) / gap (min of check_values' gaps) of
    the first ``window`` values (0 = all); 0.0 if empty."""
    a = np.asarray(values[:window] if window else values, dtype=np.float64)
    if a.size == 0:
        return 0.0
    if stat in ("mean", "agree"):
        return float(a.mean())
    if stat == "p10":
        return float(np.percentile(a, 10))
    if stat in ("min", "gap"):
        return float(a.min())
    raise ValueError(f"unknown statistic {stat!r}")


def confidence(logprobs: Sequence[float], r: Rule = RULES[DEFAULT_WINDOW]) -> float:
    """How sure the local model was of its answer (0.0 = sure)."""
    return summarise(logprobs, r.local_stat, r.window)


def escalate(conf: float, r: Rule = RULES[DEFAULT_WINDOW]) -> bool:
    return conf < r.threshold


def check_confidence(scored: dict, r: Rule = RULES[DEFAULT_WINDOW]) -> float | None:
    """How likely the big model finds the local answer's tokens, from the node's
    ``scored`` reply; None if the reply cannot answer the rule's statistic."""
    values = check_values(scored, r.check_stat)
    return None if values is None else summarise(values, r.check_stat, r.window)


def needs_check(conf: float, r: Rule = RULES[DEFAULT_WINDOW]) -> bool:
    return conf < r.keep_above


def escalate_checked(check_conf: float, r: Rule = RULES[DEFAULT_WINDOW]) -> bool:
    return check_conf < r.check_threshold


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
    best, best_cost = (0.0, 0.0), np.inf
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
