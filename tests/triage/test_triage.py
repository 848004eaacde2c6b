"""Public API: output schema, language, conservative levels, held-out quality,
and no network I/O (health text is sensitive, so triage is local only)."""
from __future__ import annotations

import json
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import edgewise.triage.weights as weights
from edgewise.triage import LEVELS, assess, triage
from edgewise.triage.train import DATA_DIR, load_cases, metrics

SCHEMA = {"level": str, "red_flags": list, "advice": str, "disclaimer": str}
# Advice must pre-sort, never diagnose: none of these may appear in it.
DIAGNOSES = ["stroke", "heart attack", "infection", "appendicitis", "meningitis", "sepsis", "cancer",
             "fracture", "allergy", "asthma", "diabetes", "pneumonia", "中风", "心梗", "感染",
             "阑尾炎", "脑膜炎", "骨折", "肺炎", "癌"]


@pytest.mark.parametrize("text", ["my father has chest pain and can't breathe", "流鼻涕两天，不发烧",
                                  "Burning when I pee", "想自杀"])
def test_schema(text):
    out = triage(text)
    assert set(out) == set(SCHEMA)
    for key, typ in SCHEMA.items():
        assert isinstance(out[key], typ)
    assert out["level"] in LEVELS
    assert all(isinstance(f, str) for f in out["red_flags"])
    json.dumps(out, ensure_ascii=False)


def test_disclaimer_follows_language():
    en, zh = triage("I have a mild cold"), triage("我有点感冒")
    assert "not a diagnosis" in en["disclaimer"] and "911" in en["disclaimer"]
    assert "不是诊断" in zh["disclaimer"] and "120" in zh["disclaimer"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh["advice"])


@pytest.mark.parametrize("text", ["crushing chest pain and sweating", "我不想活了", "bleeding won't stop",
                                  "a mild cold", "发烧五天", "the cut keeps bleeding", "吐血"])
def test_advice_never_names_a_diagnosis(text):
    out = triage(text)
    body = (out["advice"] + out["disclaimer"]).lower()
    assert not [d for d in DIAGNOSES if d in body]


def test_red_flag_overrides_model():
    out = triage("Mild cold for two days. Also my lips are turning blue.")
    assert out["level"] == "emergency" and "severe_breathing_difficulty" in out["red_flags"]


def test_amber_lifts_self_care():
    a = assess("Mild burning when I pee since this morning")
    assert "urinary_symptoms" in a["amber_flags"] and a["level"] != "self-care"


def test_empty_text_rejected():
    with pytest.raises(ValueError):
        triage("   ")


def test_no_network_io(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("triage attempted network I/O")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(weights, "_default", None)  # reload the model under the guard too
    for text in ("胸痛，喘不上气", "a mild cold for 3 days", "Burning when I pee"):
        assert triage(text)["level"] in LEVELS


def test_model_matches_feature_code():
    """Fails if the tokenizer or features changed since training: retrain."""
    import numpy as np

    from edgewise.triage.weights import MODEL_FILE, feature_signature

    with np.load(DATA_DIR / MODEL_FILE) as z:
        assert int(z["signature"]) == feature_signature()


def test_thresholds_are_conservative():
    _, th = weights.default_model()
    assert th.emergency <= 0.5 and th.clinic <= 0.5


@pytest.fixture(scope="module", params=["heldout", "heldout_blind", "heldout_probe", "heldout_probe2",
                                                  "heldout_probe3", "heldout_probe4", "heldout_probe5",
                                                  "heldout_probe6", "heldout_probe7", "heldout_probe8",
                                                  "heldout_probe9", "heldout_probe10", "heldout_probe11",
                                                  "heldout_probe12", "heldout_probe13", "heldout_probe14",
                                                  "heldout_probe15", "heldout_probe16",
                                                  "heldout_probe17", "heldout_probe18",
                                                  "heldout_probe19", "heldout_probe20", "heldout_probe21",
                                                  "heldout_probe22", "heldout_probe23", "heldout_probe24",
                                                  "heldout_probe25", "heldout_probe26", "heldout_probe27",
                                                  "heldout_probe28", "heldout_probe29", "heldout_probe30"])
def heldout_metrics(request):
    cases = load_cases(DATA_DIR / f"{request.param}.jsonl")
    return metrics([c.level for c in cases], [assess(c.text)["level"] for c in cases])


def test_heldout_accuracy(heldout_metrics):
    assert heldout_metrics["n"] >= 60
    assert heldout_metrics["accuracy"] >= 0.75


def test_heldout_no_emergency_undertriage(heldout_metrics):
    assert heldout_metrics["emergency_under_triage"] == 0


def test_training_emergencies_never_undertriaged():
    cases = load_cases(DATA_DIR / "vignettes.jsonl")
    assert len(cases) >= 300
    missed = [c.text for c in cases if c.level == "emergency" and assess(c.text)["level"] != "emergency"]
    assert missed == []


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_any_text_gives_a_valid_answer(text):
    out = triage(text)
    assert out["level"] in LEVELS and set(out) == set(SCHEMA)


@pytest.mark.parametrize("text", [
    "What are the signs of meningitis in a baby? Nothing has happened, I just want to be prepared.",
    "万一有人心脏骤停该怎么办？单位要做急救培训，现在都好好的",
])
def test_a_general_question_is_information(text):
    out = triage(text)
    assert out["level"] == "self-care" and out["red_flags"] == []
    assert "emergency" in out["advice"] or "急救" in out["advice"]


@pytest.mark.parametrize("text", [
    "if this is serious tell me, my dad has crushing chest pain and is sweating",
    "just asking, what if my kid swallowed a button battery? he did it 10 minutes ago",
    "万一是中风怎么办，我妈嘴歪了，说话不清楚",
])
def test_a_case_asked_as_a_question_stays_an_emergency(text):
    assert triage(text)["level"] == "emergency"
