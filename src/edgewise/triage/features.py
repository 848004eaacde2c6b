"""Classifier features for a symptom text (pure, no I/O).

Base tokens come from the privacy topic tokenizer (Han unigrams/bigrams,
words, word bigrams, char 4-grams). On top of that:
  negated words   -> "n:" prefix, so "no fever" is not "fever"
  age, max temperature, longest duration -> coarse bucket tokens
  rule concepts and soft cues (cues.py) -> shared bilingual "k:"/"cue:" tokens
  red/amber rule ids -> "red:"/"amber:" tokens (red flags explain most
                     emergencies, so plain words need not push towards it)
"""
from __future__ import annotations

import re

from edgewise.privacy.topics import tokens as base_tokens

from .amber import AMBER_CONCEPTS
from .cues import CUES
from .patterns import CONCEPTS
from .rules import Facts, amber_flags, red_flags
from .text import is_negated

_CUES = {name: re.compile(rx) for name, rx in CUES.items()}

# Changing any of this invalidates the shipped weights: bump it and retrain.
FEATURE_VERSION = 1
# Shared bilingual tokens count 3 times (log1p weight 1.39 vs 0.69 for one
# n-gram): they generalise across languages and wordings, n-grams overfit.
META_REPEAT = 3


def _split_negated(facts: Facts) -> tuple[str, str]:
    t, spans = facts.text, sorted(facts.negated)
    pos, neg, last = [], [], 0
    for a, b in spans:
        a = max(a, last)
        if a >= b:
            continue
        pos.append(t[last:a])
        neg.append(t[a:b])
        last = b
    pos.append(t[last:])
    return " | ".join(pos), " | ".join(neg)


def _age_token(ages: list[float]) -> str:
    if not ages:
        return "age:none"
    a = min(ages)
    for limit, name in ((0.25, "infant3m"), (1, "infant"), (5, "toddler"), (13, "child"),
                        (18, "teen"), (65, "adult"), (80, "senior")):
        if a < limit:
            return "age:" + name
    return "age:old"


def _temp_token(temp: float | None) -> str:
    if temp is None:
        return "temp:none"
    for limit, name in ((37.5, "normal"), (38.0, "low"), (39.0, "fever"), (40.0, "high")):
        if temp < limit:
            return "temp:" + name
    return "temp:veryhigh"


def _duration_token(days: list[float]) -> str:
    if not days:
        return "dur:none"
    d = max(days)
    for limit, name in ((1, "hours"), (3, "1-2d"), (7, "3-6d"), (21, "1-3w"), (90, "3w-3m")):
        if d < limit:
            return "dur:" + name
    return "dur:3m+"


def _cue_tokens(facts: Facts) -> list[str]:
    out = []
    for name, rx in _CUES.items():
        starts = [m.start() for m in rx.finditer(facts.text)]
        if any(not is_negated(s, facts.negated) for s in starts):
            out.append("cue:" + name)
        elif starts:
            out.append("ncue:" + name)
    return out


def features(facts: Facts) -> list[str]:
    pos, neg = _split_negated(facts)
    toks = base_tokens(pos)
    toks += ["n:" + tok for tok in base_tokens(neg) if not tok.startswith(("c:", "b:"))]
    meta = [_age_token(facts.ages), _temp_token(facts.temperature), _duration_token(facts.durations)]
    meta += _cue_tokens(facts)
    meta += ["k:" + c for c in (*CONCEPTS, *AMBER_CONCEPTS) if facts.has(c)]
    meta += ["red:" + r for r in red_flags(facts)]
    meta += ["amber:" + a for a in amber_flags(facts)]
    return toks + meta * META_REPEAT
