"""The routing grader: request text -> tier 1 (tiny local), 2 (local main), 3 (cloud).

A multinomial logistic regression over hashed n-gram and indicator features
(features.py, model from edgewise.algo.linear), trained by train.py on
labels derived from real model outcomes. Pure numpy; a grade costs ~1 ms
plus the privacy check, far inside the 300 ms budget that a 0.5B prefill
alone would blow.

Decision: tier 3 if p(tier3) >= thresholds["tier3"]; otherwise tier 1 if
p(tier1) >= thresholds["tier1"]; otherwise tier 2. `calibrate` moves the
tier-3 threshold per deployment (RouteLLM-style), from the user's own
prompt sample.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from edgewise.algo.linear import LinearModel

from .features import FEATURE_VERSION, features

CLASSES = ("tier1", "tier2", "tier3")
MODEL_FILE = "grader.npz"
DEFAULT_THRESHOLDS = {"tier3": 0.5, "tier1": 0.6}


@dataclass
class Grade:
    tier: int
    scores: dict  # {"tier1": p, "tier2": p, "tier3": p, "thresholds": {...}}
    ms: float
    privacy: str | None = None  # none | pii | sensitive, when the privacy check ran
    privacy_reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"tier": self.tier, "scores": self.scores, "ms": round(self.ms, 3)}
        if self.privacy is not None:
            out["privacy"] = self.privacy
        return out


def request_text(messages: list[dict] | str) -> str:
    """What the grader reads: the last user turn (the request being routed)."""
    if isinstance(messages, str):
        return messages
    from edgewise.privacy.deid import message_texts

    for msg in reversed(messages):
        if isinstance(msg, dict) and msg.get("role", "user") == "user":
            return "\n".join(message_texts(msg))
    return ""


def decide(p: dict[str, float], thresholds: dict[str, float]) -> int:
    if p["tier3"] >= thresholds["tier3"]:
        return 3
    if p["tier1"] >= thresholds["tier1"]:
        return 1
    return 2


def default_path() -> Path:
    ref = resources.files("edgewise").joinpath("data", "router", MODEL_FILE)
    with resources.as_file(ref) as path:
        return Path(path)


class Grader:
    def __init__(self, model: LinearModel, thresholds: dict[str, float] | None = None, meta: dict | None = None):
        if tuple(model.classes) != CLASSES:
            raise ValueError(f"grader classes {model.classes} != {CLASSES}")
        self.model = model
        # config values may arrive as strings or ints from YAML
        given = {k: float(v) for k, v in (thresholds or {}).items()}
        self.thresholds = {**DEFAULT_THRESHOLDS, **(meta or {}).get("thresholds", {}), **given}
        self.meta = meta or {}

    @classmethod
    def load(cls, path: str | Path | None = None, thresholds: dict[str, float] | None = None) -> "Grader":
        with np.load(path or default_path()) as z:
            if int(z["feature_version"]) != FEATURE_VERSION:
                raise ValueError("grader weights were trained with other features: retrain (router/train.py)")
            model = LinearModel.from_arrays(z)
            meta = {"thresholds": {"tier3": float(z["t3"]), "tier1": float(z["t1"])},
                    "train_ids": [str(x) for x in z["train_ids"]]}
        return cls(model, thresholds, meta)

    def save(self, path: str | Path, train_ids: list[str]) -> None:
        np.savez_compressed(path, **self.model.to_arrays(), feature_version=np.array(FEATURE_VERSION),
                            t3=np.array(self.thresholds["tier3"]), t1=np.array(self.thresholds["tier1"]),
                            train_ids=np.array(sorted(train_ids)))

    def warm(self) -> "Grader":
        """Load what the first grade would load lazily (privacy topic model,
        jieba's dictionary, the world first-name dictionary), so `ms` measures
        grading, not loading."""
        from edgewise.privacy.recognizers.name_dict import world_first_names

        world_first_names()
        self.grade([{"role": "user", "content": "warm up 预热一下，谢谢"}])
        return self

    def proba(self, text: str) -> dict[str, float]:
        return self.model.proba(features(text))

    def grade(self, messages: list[dict] | str, privacy: bool = True) -> Grade:
        """Tier for a request; `ms` covers the whole call, privacy check included."""
        t0 = time.perf_counter()
        p = self.proba(request_text(messages))
        tier = decide(p, self.thresholds)
        level, reasons = None, []
        if privacy:
            from edgewise.privacy import privacy_level

            verdict = privacy_level(messages)
            level, reasons = verdict.level, verdict.reasons
        scores = {**{k: round(v, 4) for k, v in p.items()}, "thresholds": dict(self.thresholds)}
        return Grade(tier, scores, (time.perf_counter() - t0) * 1000, level, reasons)


def _threshold_for_share(p3: np.ndarray, share: float) -> float:
    """A threshold that sends round(share * n) of the sample to tier 3."""
    s = np.sort(p3)[::-1]
    k = int(round(min(max(share, 0.0), 1.0) * len(s)))
    if k <= 0:
        return float(np.nextafter(s[0], np.inf))  # nobody reaches it
    if k >= len(s):
        return float(s[-1])
    return float((s[k - 1] + s[k]) / 2) if s[k - 1] > s[k] else float(s[k - 1])


def _threshold_for_under(p3: np.ndarray, need_cloud: np.ndarray, max_rate: float) -> float:
    """Highest threshold whose under-escalation share of the sample is <= max_rate.

    need_cloud holds 1/0 labels or, without labels, p(tier3) itself: then the
    estimate is the expected share of requests that needed the cloud but stay local.
    """
    order = np.argsort(p3, kind="stable")
    s = p3[order]
    missed = np.concatenate([[0.0], np.cumsum(need_cloud[order])]) / len(s)
    # candidates: every distinct score, and one above them all (nobody to the cloud)
    cands = np.concatenate([np.unique(s), [np.nextafter(s[-1], np.inf)]])
    ok = missed[np.searchsorted(s, cands, "left")] <= max_rate + 1e-12
    return float(cands[ok].max())  # cands[0] sends everyone to the cloud: always ok


def calibrate(grader: Grader, prompts: list[str], target_cloud_share: float | None = None,
              max_under_escalation: float | None = None, labels: list[int] | None = None) -> dict[str, float]:
    """Tier-3 threshold for this deployment's own prompt sample.

    target_cloud_share: send that share of the sample to tier 3.
    max_under_escalation: largest share of requests that need tier 3 (label 3)
      but stay local. With labels it is counted; without, it is estimated
      from the grader's own p(tier3), which is only as good as its
      calibration. With both, the stricter threshold wins (quality first).
    """
    if not prompts:
        raise ValueError("calibrate needs at least one prompt")
    if target_cloud_share is None and max_under_escalation is None:
        raise ValueError("give target_cloud_share and/or max_under_escalation")
    p3 = np.array([grader.proba(request_text(p))["tier3"] for p in prompts])
    candidates = []
    if target_cloud_share is not None:
        candidates.append(_threshold_for_share(p3, target_cloud_share))
    if max_under_escalation is not None:
        need = p3 if labels is None else (np.asarray(labels) == 3).astype(float)
        candidates.append(_threshold_for_under(p3, need, max_under_escalation))
    return {**grader.thresholds, "tier3": min(candidates)}
