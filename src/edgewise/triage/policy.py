"""Turn rule hits and class probabilities into a level (pure, no I/O).

Conservative on purpose: thresholds are asymmetric, so a text the model is
unsure about goes to the more urgent level, and red flags always win.
"""
from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("self-care", "clinic", "emergency")


@dataclass(frozen=True)
class Thresholds:
    emergency: float = 0.35  # P(emergency) at or above this -> emergency
    clinic: float = 0.40     # P(clinic) + P(emergency) at or above this -> clinic


def model_level(proba: dict[str, float], th: Thresholds) -> str:
    if proba["emergency"] >= th.emergency:
        return "emergency"
    if proba["clinic"] + proba["emergency"] >= th.clinic:
        return "clinic"
    return "self-care"


def decide(proba: dict[str, float], th: Thresholds, red: list[str], amber: list[str]) -> str:
    """Red flag -> emergency; amber flag -> at least clinic; else the model."""
    if red:
        return "emergency"
    level = model_level(proba, th)
    if amber and level == "self-care":
        return "clinic"
    return level


def more_urgent(a: str, b: str) -> bool:
    return LEVELS.index(a) > LEVELS.index(b)
