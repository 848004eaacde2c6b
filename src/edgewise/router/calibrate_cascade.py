"""Per-deployment calibration of the cascade: `edgewise router calibrate` with router.cascade on.

With the cascade on, the cloud share is not the grader's alone: tier-2 answers
the local model (or the node's check) is unsure of go up too.  The router reads
each sample prompt as it would read a request (RouterBackend.reading) and one
threshold moves: the check threshold where the node checked the answer, else
the cascade's threshold on local confidence.  Everything else stays as it was
decided: the grader's tier 3, program checks (agree or not), answers sure
enough to skip the check, tier 1 and sensitive text (never sent).

Pure functions, no I/O: a reading is {"tier", "escalated", "score"}, where
score is the value the moving threshold compares (escalate below it) or None.
"""
from __future__ import annotations

import numpy as np


def movable(reading: dict) -> bool:
    return reading.get("score") is not None


def escalated(readings: list[dict], t: float) -> np.ndarray:
    """Which requests go to the cloud with the moving threshold at ``t``."""
    return np.array([r["score"] < t if movable(r) else bool(r["escalated"]) for r in readings], bool)


def candidates(readings: list[dict]) -> list[float]:
    """Thresholds that give every distinct outcome: none of the movable scores below,
    then each next score too (midpoints), then all of them."""
    s = np.unique([r["score"] for r in readings if movable(r)])
    if s.size == 0:
        raise ValueError("no sample prompt reached the cascade (all went to tier 1, tier 3 or stayed "
                         "private, or no cloud is configured): nothing to calibrate")
    mids = ((s[:-1] + s[1:]) / 2).tolist()
    return [float(s[0]) - 1.0, *mids, float(s[-1]) + 1.0]


def for_share(readings: list[dict], share: float) -> float:
    """The threshold whose cloud share of the sample is nearest ``share`` (the lower on ties)."""
    goal = min(max(share, 0.0), 1.0) * len(readings)
    return min(candidates(readings), key=lambda t: (abs(escalated(readings, t).sum() - goal), t))


def under_escalation(readings: list[dict], labels: list[int], t: float) -> float:
    """Share of the sample that needed the cloud (label 3) but stays local."""
    return float(((np.asarray(labels) == 3) & ~escalated(readings, t)).mean())


def for_under(readings: list[dict], labels: list[int], max_rate: float) -> float:
    """The lowest threshold (fewest escalations) whose under-escalation is <= max_rate;
    the highest one if none reaches it (the fixed decisions already miss more)."""
    cands = candidates(readings)
    ok = [t for t in cands if under_escalation(readings, labels, t) <= max_rate + 1e-12]
    return ok[0] if ok else cands[-1]


def check_targets(share: float | None, max_under: float | None, labels: list[int] | None) -> None:
    """Raise ValueError for targets the sample cannot be calibrated to."""
    if share is None and max_under is None:
        raise ValueError("give a cloud share and/or a maximum under-escalation")
    if max_under is not None and labels is None:
        raise ValueError("with the cascade on, --max-under-escalation needs labelled prompts "
                         "(JSON lines with \"label\": 1|2|3)")


def calibrate(readings: list[dict], share: float | None = None, max_under: float | None = None,
              labels: list[int] | None = None) -> dict:
    """{"threshold", "cloud_share", "movable"[, "under_escalation"]} on the sample.
    With both targets the stricter (more escalation) wins, as for the grader."""
    if not readings:
        raise ValueError("calibrate needs at least one prompt")
    check_targets(share, max_under, labels)
    picks = []
    if share is not None:
        picks.append(for_share(readings, share))
    if max_under is not None:
        picks.append(for_under(readings, labels, max_under))
    t = max(picks)
    out = {"threshold": t, "cloud_share": round(float(escalated(readings, t).mean()), 4),
           "movable": sum(map(movable, readings))}
    if labels is not None:
        out["under_escalation"] = round(under_escalation(readings, labels, t), 4)
    return out
