"""Cost-quality metrics of a router on items with known per-tier correctness.

Inputs are arrays over n items: p (n, 3) grader probabilities, correct
(n, 3) bools (did tier t's model answer item i correctly), labels (n,)
cheapest correct tier (3 if none).

Definitions follow RouteLLM (Ong et al. 2024):
  quality       share of items answered correctly by the tier they go to
  weak, strong  quality of all-local-main (tier 2) and all-cloud (tier 3)
  PGR(x)        (quality - weak) / (strong - weak)
  APGR          area under quality vs cloud share, normalised by the same
                area of the weak and strong baselines (0.5 ~ random router)
  CPT(x%)       cloud share needed to reach x% of the gap
Under-escalation: items that needed tier 3 (label 3: no local tier was
correct) but stayed local, so got a wrong answer; as a share of all items.
"""
from __future__ import annotations

import numpy as np


def route(p: np.ndarray, t3: float, t1: float) -> np.ndarray:
    """Tiers (1..3) for every row, with the grader's decision rule."""
    return np.where(p[:, 2] >= t3, 3, np.where(p[:, 0] >= t1, 1, 2))


def quality(tiers: np.ndarray, correct: np.ndarray) -> float:
    return float(correct[np.arange(len(tiers)), tiers - 1].mean())


def sweep(score: np.ndarray, local: np.ndarray, correct: np.ndarray) -> list[dict]:
    """Quality vs cloud share as the tier-3 threshold falls from +inf to min(score).

    score: p(tier3) per item; local: the tier (1 or 2) each item gets when
    not sent to the cloud. Ties in score move together (one step).
    """
    points = []
    for t in np.concatenate([[np.inf], np.unique(score)[::-1]]):
        tiers = np.where(score >= t, 3, local)
        points.append({"threshold": float(t), "cloud_share": float((tiers == 3).mean()),
                       "quality": quality(tiers, correct)})
    return points


def auc(points: list[dict]) -> float:
    x = np.array([pt["cloud_share"] for pt in points])
    y = np.array([pt["quality"] for pt in points])
    return float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))


def apgr(points: list[dict], weak: float, strong: float) -> float:
    """RouteLLM's APGR; the sweep spans cloud share 0..1, so baseline areas are weak and strong."""
    if strong == weak:
        return float("nan")
    return (auc(points) - weak) / (strong - weak)


def cpt(points: list[dict], weak: float, strong: float, frac: float) -> float | None:
    """Smallest cloud share whose quality reaches weak + frac * (strong - weak).

    Linear between sweep points; None if the curve never gets there.
    """
    goal = weak + frac * (strong - weak)
    prev = None
    for pt in points:
        if pt["quality"] >= goal - 1e-12:
            if prev is None or pt["quality"] == prev["quality"]:
                return pt["cloud_share"]
            f = (goal - prev["quality"]) / (pt["quality"] - prev["quality"])
            return prev["cloud_share"] + max(0.0, f) * (pt["cloud_share"] - prev["cloud_share"])
        prev = pt
    return None


def under_escalation(tiers: np.ndarray, labels: np.ndarray) -> float:
    return float(((labels == 3) & (tiers < 3)).mean())


def oracle_score(correct: np.ndarray) -> np.ndarray:
    """A perfect router's ranking: first the items only the cloud gets right."""
    gain = correct[:, 2].astype(int) - correct[:, 1].astype(int)
    return gain + 0.0


def summary(score: np.ndarray, local: np.ndarray, correct: np.ndarray) -> dict:
    weak, strong = quality(np.full(len(score), 2), correct), quality(np.full(len(score), 3), correct)
    pts = sweep(score, local, correct)
    out = {"weak": weak, "strong": strong, "apgr": apgr(pts, weak, strong), "points": pts}
    for frac in (0.5, 0.8, 0.95):
        out[f"cpt{int(frac * 100)}"] = cpt(pts, weak, strong, frac)
    return out


def bootstrap_apgr(score: np.ndarray, local: np.ndarray, correct: np.ndarray, n: int = 1000,
                   seed: int = 0) -> tuple[float, float]:
    """95% interval of APGR over resampled items (resamples with no gap are skipped)."""
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n):
        idx = rng.integers(0, len(score), len(score))
        s = summary(score[idx], local[idx], correct[idx])
        if s["strong"] > s["weak"]:
            vals.append(s["apgr"])
    if not vals:
        return float("nan"), float("nan")
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def cost(tiers: np.ndarray, tokens: np.ndarray, prices: dict[int, tuple[float, float]]) -> float:
    """Dollars for routing: tokens (n, 3, 2) = (prompt, completion) per item and tier;
    prices[tier] = ($ per 1M input, $ per 1M output)."""
    total = 0.0
    for i, t in enumerate(tiers):
        pin, pout = prices[int(t)]
        total += (tokens[i, t - 1, 0] * pin + tokens[i, t - 1, 1] * pout) / 1e6
    return total
