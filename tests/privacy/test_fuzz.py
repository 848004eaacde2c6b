"""Property tests: scan never crashes, offsets are exact, redact/restore round-trips."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgewise.privacy import PrivacySession, StreamRestorer, redact, restore, scan

# EDGEWISE_FUZZ_EXAMPLES=3000 for a longer hunt (default keeps the suite fast).
SETTINGS = settings(max_examples=int(os.environ.get("EDGEWISE_FUZZ_EXAMPLES", "150")),
                    deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments that make collisions likely: PII, placeholder look-alikes, brackets.
FRAGMENTS = [
    "13812345678", "+86 139 1234 5678", "11010519491231002X", "4111 1111 1111 1111",
    "6222021234567890128", "a.b@example.com", "536-22-5678", "8.8.8.8", "2001:db8::1",
    "+1 (415) 555-0199", "+44 20 7946 0958", "415-555-0199", "<PHONE_NUMBER_1>", "phone number 2",
    "张伟", "我叫", "王先生", "姓名：", "John Smith", "My name is ", "Dr. ", "北京市朝阳区建国路88号",
    "1600 Main Street", "出生日期：1990-01-01", "<PERSON_1>", "[CN_MOBILE_2]", "PERSON_1",
    "person 2", "<EMAIL_1", "EMAIL_", "_1>", "< ", " >", "<", ">", "[", "]", "{", "}", "【", "】",
    "_", "-", " ", "\n", "```", "`", "0x1F", "订单号", "ID", "2", "12", "ſ", "K", "İ", "：",
]
mixed = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=14).map("".join)
anything = st.one_of(st.text(max_size=300), mixed)


@SETTINGS
@given(anything)
def test_scan_offsets_valid(text):
    spans = scan(text)
    last = 0
    for sp in spans:
        assert text[sp.start:sp.end] == sp.text
        assert sp.start >= last and sp.end > sp.start
        last = sp.end


@SETTINGS
@given(anything)
def test_restore_inverts_redact(text):
    session = PrivacySession()
    redacted, mapping = redact(text, session)
    assert restore(redacted, session) == text
    for ph, value in mapping.items():
        assert ph in redacted and value in text


@SETTINGS
@given(anything, st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_stream_matches_restore(text, cuts):
    session = PrivacySession()
    redacted, _ = redact(text, session)
    points = sorted({c % (len(redacted) + 1) for c in cuts})
    pieces = [redacted[a:b] for a, b in zip([0, *points], [*points, len(redacted)])]
    sr = StreamRestorer(session)
    assert "".join(sr.feed(p) for p in pieces) + sr.flush() == restore(redacted, session) == text
