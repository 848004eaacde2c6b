"""Reversible de-identification: numbering, collisions, mangled placeholders,
OpenAI-style messages and tool calls."""
from __future__ import annotations

import copy
import json
import re

import pytest

from edgewise.privacy import (PrivacySession, Recognizer, Registry, redact, redact_messages,
                              restore, restore_report, restore_tool_calls)

from .synth import TEST_SEEDS, generate


def test_roundtrip_on_synthetic_corpus():
    pos, neg = generate(TEST_SEEDS[0], per_type=20, negatives=100)
    for case in pos + neg:
        s = PrivacySession()
        red, mapping = redact(case.text, s)
        assert restore(red, s) == case.text
        for _, value in case.expected:
            if value in mapping.values():
                assert value not in red


def test_placeholders_typed_numbered_and_stable():
    s = PrivacySession()
    red, m = redact("我叫张伟，手机13812345678，备用13912345678，再说一次13812345678", s)
    assert red == "我叫<PERSON_1>，手机<CN_MOBILE_1>，备用<CN_MOBILE_2>，再说一次<CN_MOBILE_1>"
    assert m == {"<PERSON_1>": "张伟", "<CN_MOBILE_1>": "13812345678", "<CN_MOBILE_2>": "13912345678"}
    red2, _ = redact("张伟 again: 13912345678, new a@b.com", s)  # next turn, same session
    assert red2 == "<PERSON_1> again: <CN_MOBILE_2>, new <EMAIL_1>"


def test_existing_placeholder_text_is_never_reused():
    s = PrivacySession()
    text = "literal <PERSON_1> and [cn_mobile 1] and EMAIL_1; 我叫张伟 13812345678 a@b.com"
    red, m = redact(text, s)
    assert set(m) == {"<PERSON_2>", "<CN_MOBILE_2>", "<EMAIL_2>"}
    assert restore(red, s) == text
    answer = "Hi <PERSON_2>, I kept <PERSON_1> as you wrote it."
    assert restore_report(answer, s) == ("Hi 张伟, I kept <PERSON_1> as you wrote it.", [])


@pytest.mark.parametrize("mangled", [
    "<PERSON_1>", "<person_1>", "< PERSON_1 >", "<person 1>", "<Person1>", "[PERSON_1]",
    "{PERSON_1}", "【PERSON_1】", "<PERSON-1>", "PERSON_1", "person_1", "［PERSON_1］",
])
def test_mangled_placeholders_restore(mangled):
    s = PrivacySession()
    redact("我叫张伟", s)
    assert restore(f"你好，{mangled}！", s) == "你好，张伟！"


def test_compound_type_names_tolerate_spaces():
    s = PrivacySession()
    redact("call 13812345678", s)
    for form in ("<CN MOBILE 1>", "[cn-mobile-1]", "<CN_MOBILE 1>", "CN_MOBILE_1"):
        assert restore(form, s) == "13812345678"


def test_bare_forms_need_word_boundaries():
    s = PrivacySession()
    redact("我叫张伟", s)
    assert restore("XPERSON_1 PERSON_12 PERSON_1x person 1", s) == "XPERSON_1 PERSON_12 PERSON_1x person 1"


def test_unknown_placeholders_left_and_reported():
    s = PrivacySession()
    redact("我叫张伟", s)
    text, unknown = restore_report("<PERSON_1> met <PERSON_7> at <ADDRESS_3>; <FOO_BAR_2> ok", s)
    assert text == "张伟 met <PERSON_7> at <ADDRESS_3>; <FOO_BAR_2> ok"
    assert unknown == ["<PERSON_7>", "<ADDRESS_3>", "<FOO_BAR_2>"]
    assert restore("<PERSON_7>", s) == "<PERSON_7>"


MESSAGES = [
    {"role": "system", "content": "You are helpful."},
    {"role": "user", "content": [{"type": "text", "text": "我是王芳，电话 139 1234 5678"},
                                 {"type": "image_url", "image_url": {"url": "http://x/y.png"}}]},
    {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
        "name": "dial", "arguments": json.dumps({"to": "王芳", "phone": "13912345678"})}}]},
    {"role": "tool", "tool_call_id": "c1", "content": "dialled 13912345678, mail wf@example.com"},
    {"role": "user", "content": "thanks, 王芳 says hi"},
]


def test_redact_messages_walks_everything_in_order():
    s = PrivacySession()
    original = copy.deepcopy(MESSAGES)
    out = redact_messages(MESSAGES, s)
    assert MESSAGES == original  # input untouched
    assert out[1]["content"][0]["text"] == "我是<PERSON_1>，电话 <CN_MOBILE_1>"
    assert out[1]["content"][1] == MESSAGES[1]["content"][1]
    args = json.loads(out[2]["tool_calls"][0]["function"]["arguments"])
    assert args == {"to": "<PERSON_1>", "phone": "<CN_MOBILE_2>"}  # \\u escapes decoded first
    assert out[3]["content"] == "dialled <CN_MOBILE_2>, mail <EMAIL_1>"
    assert out[4]["content"] == "thanks, <PERSON_1> says hi"


def test_redact_messages_is_deterministic():
    a = redact_messages(MESSAGES, PrivacySession())
    b = redact_messages(MESSAGES, PrivacySession())
    assert a == b
    longer = MESSAGES + [{"role": "user", "content": "new: li@example.org, 王芳"}]
    c = redact_messages(longer, PrivacySession())
    assert c[:len(a)] == a and c[-1]["content"] == "new: <EMAIL_2>, <PERSON_1>"


def test_legacy_function_call_and_non_json_arguments():
    msgs = [{"role": "assistant", "content": "", "function_call": {
        "name": "f", "arguments": "not json 13812345678"}}]
    s = PrivacySession()
    out = redact_messages(msgs, s)
    assert out[0]["function_call"]["arguments"] == "not json <CN_MOBILE_1>"


class Quoted(Recognizer):
    """A value that needs JSON escaping when restored into arguments."""
    entity = "QUOTED"
    patterns = (re.compile(r'SECRET\("[^"]*"\)'),)
    base_score = 0.9


def test_restore_tool_calls_escapes_json():
    s = PrivacySession(Registry([Quoted()]))
    _, m = redact('use SECRET("a\\b") now', s)
    ph = next(iter(m))
    calls = [{"id": "1", "type": "function",
              "function": {"name": "f", "arguments": json.dumps({"v": ph, "w": f"[{ph[1:-1]}]"})}}]
    out = restore_tool_calls(calls, s)
    assert json.loads(out[0]["function"]["arguments"]) == {"v": 'SECRET("a\\b")', "w": 'SECRET("a\\b")'}
    assert calls[0]["function"]["arguments"] != out[0]["function"]["arguments"]


def test_mapping_lives_in_session_only():
    s = PrivacySession()
    redact("a@b.com", s)
    assert s.mapping == {"<EMAIL_1>": "a@b.com"}
    assert restore("<EMAIL_1>", PrivacySession()) == "<EMAIL_1>"
