"""privacy_level / decide in Chinese and English, with hard negatives.

The held-out sentences below are not in data/privacy/topics.jsonl."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from edgewise.privacy import DEFAULT_POLICY, decide, privacy_level
from edgewise.privacy.topics import CLASSES, default_model

SENSITIVE = [
    "I was diagnosed with celiac disease last week and feel awful.",
    "My psychiatrist switched me to a new antidepressant.",
    "我上周确诊了甲亢，需要吃多久的药？",
    "我最近老是头晕恶心，是不是得了什么病？",
    "I'm 12 weeks pregnant and my feet are swelling.",
    "我怀孕三个月了，可以喝咖啡吗？",
    "My blood sugar was 11.2 this morning even with insulin.",
    "我爸的肝癌复发了，医生建议再做一次化疗。",
    "I got laid off and can't make my mortgage payment next month.",
    "我上个月被裁员了，房贷还不上。",
    "My salary is 90k and I have 20k in credit card debt.",
    "我每个月工资八千，房贷要还四千。",
    "I owe the IRS $7,000 and my account is nearly empty.",
    "我在好几个网贷平台借了钱，现在拆东墙补西墙。",
    "here is my api key sk-abc123def456ghi789jkl, is it leaked?",
    "我的密码是abc12345，帮我登录一下。",
    "db password: hunter22",
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA",
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
    "我的银行卡取款密码就是我生日那六位。",
    "My SSN is 536-22-5678, can you fill the form?",
    "身份证号11010519491231002X，帮我查一下。",
    "我的护照号码是E12345678。",
    "[private] draft a note to my landlord",
    "#private 帮我写一封信",
]
NOT_SENSITIVE = [
    "python health check endpoint", "bank of functions", "password reset flow code review",
    "Write a function that computes loan amortization schedules.",
    "How do I implement a loan calculator in React?", "写一个计算个人所得税的函数。",
    "Explain how HIV attacks the immune system.", "What's a good gift for my mom?",
    "周末一起去爬山吧，天气预报说是晴天。", "The password is too short, fix the validator.",
    "password: string;", "Our app's health score dropped after the release.",
    "帮我写一个银行账户余额查询的单元测试。", "The doctor class needs a toString method.",
    "这个接口的病毒扫描太慢了。", "Summarize the bank's annual report for investors.",
    "我们给患者表加一个索引吧。", "Generate fake salary data for the HR dashboard demo.",
    "Call me at 13812345678 tomorrow.", "请把报告发到 li@example.com。",
]


def test_shipped_model_loads():
    ref = resources.files("edgewise").joinpath("data", "privacy", "topic_model.npz")
    assert ref.is_file()
    p = default_model().proba("hello")
    assert set(p) == set(CLASSES) and abs(sum(p.values()) - 1) < 1e-5


def test_training_data_is_bilingual_and_labelled():
    ref = resources.files("edgewise").joinpath("data", "privacy", "topics.jsonl")
    rows = [json.loads(x) for x in ref.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 500
    assert {(r["label"], r["lang"]) for r in rows} == {(c, lang) for c in CLASSES for lang in ("en", "zh")}
    texts = {r["text"] for r in rows}
    assert not texts & set(SENSITIVE + NOT_SENSITIVE)  # held-out really held out


def test_sensitive_recall():
    missed = [t for t in SENSITIVE if privacy_level([{"role": "user", "content": t}]).level != "sensitive"]
    assert len(missed) <= 1, missed


def test_hard_negatives_not_sensitive():
    wrong = [t for t in NOT_SENSITIVE if privacy_level(t).level == "sensitive"]
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize("text, level, reason", [
    ("我每个月工资八千，房贷要还四千。", "sensitive", "finance topic (p="),
    ("I was diagnosed with celiac disease last week and feel awful.", "sensitive", "health topic (p="),
    ("身份证号11010519491231002X", "sensitive", "CN_ID_CARD"),
    ("-----BEGIN RSA PRIVATE KEY-----", "sensitive", "secret: private key"),
    ("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "sensitive", "secret: GitHub token"),
    ("Call me at 13812345678 tomorrow.", "pii", "CN_MOBILE"),
    ("Contact Dr. Sarah Johnson at +1 (415) 555-0199", "pii", "PHONE_NUMBER"),
    ("我的身份证号是110101199003077777", "sensitive", "CN_ID_CARD"),  # bad check digit, cued
    ("my ssn is 123-45-6789", "sensitive", "US_SSN"),
    ("order number 110101199003077777", "none", None),
    ("请把报告发到 li@example.com。", "pii", "EMAIL"),
    ("Explain how transformers use attention.", "none", None),
])
def test_levels_and_reasons(text, level, reason):
    v = privacy_level([{"role": "user", "content": text}])
    assert v.level == level, v
    if reason:
        assert any(r.startswith(reason) for r in v.reasons), v.reasons
    else:
        assert v.reasons == [] and v.spans == []


def test_private_field_and_parts_and_spans():
    msgs = [{"role": "user", "content": "hello", "private": True}]
    assert privacy_level(msgs).reasons == ["marked private"]
    msgs = [{"role": "system", "content": "be brief"},
            {"role": "user", "content": [{"type": "text", "text": "mail a@b.com"}]}]
    v = privacy_level(msgs)
    assert v.level == "pii" and [(i, s.type) for i, s in v.spans] == [(1, "EMAIL")]


def test_code_is_not_a_topic():
    text = "Fix this:\n```python\nsalary = get_salary(emp)\nloan = bank.loan(salary)\n```"
    assert privacy_level(text).level == "none"


def test_decide_default_and_custom_policy():
    assert DEFAULT_POLICY == {"sensitive": "local", "pii": "redact", "none": "as_routed"}
    assert decide(privacy_level("我的密码是abc12345")) == "local"
    assert decide(privacy_level("call 13812345678")) == "redact"
    assert decide(privacy_level("hello")) == "as_routed"
    assert decide("pii", {"pii": "local"}) == "local"
    assert decide("sensitive", {"pii": "local"}) == "local"
    with pytest.raises(ValueError):
        decide("pii", {"pii": "cloud"})
    with pytest.raises(ValueError):
        decide("secret")


def test_training_script_reproduces_shipped_model(tmp_path, capsys):
    from edgewise.privacy.topics import TopicModel
    from edgewise.privacy.train_topics import main
    main(["--out", str(tmp_path / "m.npz")])
    assert "saved" in capsys.readouterr().out
    fresh, shipped = TopicModel.load(tmp_path / "m.npz"), default_model()
    for text in SENSITIVE[:8] + NOT_SENSITIVE[:8]:
        a, b = fresh.proba(text), shipped.proba(text)
        assert max(abs(a[c] - b[c]) for c in CLASSES) < 0.02, text
