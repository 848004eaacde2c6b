"""Medical pre-triage: sort a symptom description into self-care / clinic / emergency.

    from edgewise.triage import triage
    triage("my father has chest pain and can't breathe")
    # {"level": "emergency", "red_flags": [...], "advice": ..., "disclaimer": ...}

Health text is `sensitive`, so triage always runs locally: it makes no network
call and has no remote backend. Hard red-flag rules (bilingual, negation
aware) force `emergency`; below them a small bilingual classifier shipped in
edgewise/data/triage/ picks the level, biased towards the more urgent one.
It pre-sorts only and never diagnoses.
"""
from __future__ import annotations

from .advice import advice, disclaimer
from .features import features
from .general import general_question
from .policy import LEVELS, decide
from .rules import Facts, amber_flags, red_flags
from .text import language
from .weights import default_model

MAX_CHARS = 4000  # enough for any description; bounds regex work

__all__ = ["triage", "assess", "LEVELS"]


def assess(text: str, model=None) -> dict:
    """triage() plus internals (probabilities, amber flags, language) for evaluation."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("describe the symptoms in a non-empty text")
    facts = Facts(text[:MAX_CHARS])
    clf, th = model or default_model()
    proba = clf.proba(features(facts))
    red, amber = red_flags(facts), amber_flags(facts)
    level, general = decide(proba, th, red, amber), general_question(facts.text)
    if general:  # information, not a case: no red flag is happening
        level, red, amber = "self-care", [], []
    return {"level": level, "red_flags": red, "amber_flags": amber, "proba": proba, "language": language(text),
            "general": general}


def triage(text: str) -> dict:
    """Pre-triage one symptom description (zh or en), locally, with no network I/O.

    Returns {"level", "red_flags", "advice", "disclaimer"}; advice and
    disclaimer follow the language of the text.
    """
    a = assess(text)
    lang = a["language"]
    return {"level": a["level"], "red_flags": a["red_flags"],
            "advice": advice("general" if a["general"] else a["level"], lang, a["red_flags"]),
            "disclaimer": disclaimer(lang)}
