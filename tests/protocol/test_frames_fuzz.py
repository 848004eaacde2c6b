"""The frame decoder never crashes: any input is a valid frame or a ProtocolError."""
from __future__ import annotations

import msgpack
from hypothesis import given, settings
from hypothesis import strategies as st

from edgewise.protocol import frames as F

values = st.recursive(
    st.none() | st.booleans() | st.integers(-(1 << 64), 1 << 64) | st.floats() | st.text(max_size=20)
    | st.binary(max_size=20),
    lambda c: st.lists(c, max_size=5) | st.dictionaries(st.text(max_size=8), c, max_size=5), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data):
    try:
        F.decode(data)
    except F.ProtocolError:
        pass


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(F.CLIENT_FRAMES)), st.dictionaries(
    st.sampled_from(["v", "vocab", "model", "session", "seed", "round", "tokens", "split", "base", "draft", "q",
                     "sampling", "id"]), values, max_size=8))
def test_structured_garbage(kind, fields):
    try:
        f = F.decode(msgpack.packb({"t": kind, **fields}, use_bin_type=True))
    except F.ProtocolError:
        return
    except (ValueError, OverflowError):  # msgpack cannot pack some inputs: not our decoder
        return
    assert f["t"] == kind


def test_valid_verify_round_trips():
    frame = {"t": "verify", "round": 3, "base": 10, "draft": [1, 2], "q": [[[1, 5], [0.5, 0.5]], [[2], [1.0]]],
             "sampling": {"temperature": 0.7, "top_k": 40, "top_p": 0.9}}
    f = F.decode(F.encode(frame))
    assert f["draft"] == [1, 2] and f["q"][0] == ([1, 5], [0.5, 0.5]) and f["sampling"]["top_k"] == 40


def test_text_frames_and_oversize_are_rejected():
    import pytest

    with pytest.raises(F.ProtocolError):
        F.decode("text")
    with pytest.raises(F.ProtocolError, match="larger"):
        F.decode(b"\x00" * (F.MAX_FRAME + 1))
