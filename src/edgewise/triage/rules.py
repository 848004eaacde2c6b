"""Red-flag and amber rules over symptom text (pure, no I/O).

A red flag forces `emergency` whatever the classifier says; an amber flag
means "at least clinic". Matching is negation-aware ("no chest pain",
"否认胸痛" do not count) and subject-agnostic ("my father has ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .amber import AMBER, AMBER_CONCEPTS
from .hazard_words import HAZARD_CONCEPTS
from .hazards import HAZARD_FLAGS
from .patterns import CONCEPTS, MASKS, RED_FLAGS
from .text import ages, durations_days, is_negated, max_temperature, negated_spans, normalise

_COMPILED = {name: re.compile(rx) for name, rx in {**CONCEPTS, **AMBER_CONCEPTS, **HAZARD_CONCEPTS}.items()}
ALL_RED_FLAGS = {**RED_FLAGS, **HAZARD_FLAGS}
_MASK = re.compile(MASKS)
FEVER_C = 38.0


@dataclass
class Facts:
    """Normalised text plus lazily evaluated concepts; shared with the features."""
    raw: str
    text: str = field(init=False)
    unmasked: str = field(init=False)
    negated: list[tuple[int, int]] = field(init=False)

    def __post_init__(self):
        t = normalise(self.raw)
        self.unmasked = t
        # Blank benign phrases with same-length spaces so offsets stay valid.
        self.text = _MASK.sub(lambda m: " " * len(m.group()), t)
        self.negated = negated_spans(self.text)
        self._hits: dict[str, bool] = {}

    @cached_property
    def ages(self) -> list[float]:
        return ages(self.text)

    @cached_property
    def temperature(self) -> float | None:
        return max_temperature(self.text)

    @cached_property
    def durations(self) -> list[float]:
        return durations_days(self.text)

    def evidence(self, concept: str) -> str | None:
        """First non-negated match of a concept, or None."""
        for m in _COMPILED[concept].finditer(self.text):
            if not is_negated(m.start(), self.negated):
                return m.group()
        return None

    def has(self, concept: str) -> bool:
        if concept not in self._hits:
            self._hits[concept] = self._compute(concept)
        return self._hits[concept]

    def _compute(self, concept: str) -> bool:
        if concept == "fever_any":
            t = self.temperature
            return self.has("fever") or (t is not None and t >= FEVER_C)
        if concept == "infant":
            return any(a < 0.25 for a in self.ages)
        if concept == "infant_6m":
            return any(a < 0.5 for a in self.ages)
        if concept == "vulnerable_age":  # under 5 or 65 and over: less reserve
            return any(a < 5 or a >= 65 for a in self.ages) or self.has("age_words")
        if concept == "days_4":
            return any(d >= 4 for d in self.durations)
        if concept == "days_14":
            return any(d >= 14 for d in self.durations)
        if concept == "low_sugar":  # read before masking: "blood sugar" and 血糖 are blanked for the bleeding rules
            return bool(_COMPILED["low_sugar"].search(self.unmasked))
        return self.evidence(concept) is not None


def _fired(facts: Facts, table: dict) -> list[str]:
    return [rule for rule, alternatives in table.items()
            if any(all(facts.has(c) for c in alt) for alt in alternatives)]


def red_flags(text: str | Facts) -> list[str]:
    """Red-flag ids that fire, in table order (empty list: no red flag)."""
    facts = text if isinstance(text, Facts) else Facts(text)
    return _fired(facts, ALL_RED_FLAGS)


def amber_flags(text: str | Facts) -> list[str]:
    facts = text if isinstance(text, Facts) else Facts(text)
    return _fired(facts, AMBER)
