"""Auth, vocabulary, limits and malformed frames on a real node."""
from __future__ import annotations

import subprocess
import sys

import msgpack
import pytest

from edgewise.edge.node_link import NodeAuthError, NodeError, NodeLink
from tests.speculative.conftest import TOKEN

pytestmark = pytest.mark.slow


def test_wrong_token_is_a_clear_error(node):
    with pytest.raises(NodeAuthError, match="refused the token"):
        NodeLink(node, "wrong").connect()
    with pytest.raises(NodeAuthError):
        NodeLink(node, None).connect()


def test_cli_wrong_token_exits_nonzero_without_local_fallback(node):
    r = subprocess.run([sys.executable, "-m", "edgewise.cli.main", "run", "--mode", "speculative", "--server", node,
                        "-n", "4", "hi"], env={"EDGEWISE_TOKEN": "nope", "PATH": "/usr/bin:/bin",
                                              "HOME": __import__("os").environ["HOME"]},
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "refused the token" in r.stderr
    assert r.stdout.strip() == ""


def test_vocabulary_mismatch_is_refused(node):
    link = NodeLink(node, TOKEN)
    link.connect()
    with pytest.raises(NodeError, match="vocabulary mismatch"):
        link.call({"t": "open", "v": 1, "vocab": "49152:deadbeef", "seed": 0})


def _opened(node):
    from edgewise.engine.llama import Engine  # noqa: F401 - fingerprint comes from the node's own answer

    link = NodeLink(node, TOKEN)
    link.connect()
    return link


def _target_vocab(draft):
    return draft.fingerprint


def test_draft_longer_than_limit_is_refused(node, draft):
    link = _opened(node)
    link.call({"t": "open", "v": 1, "vocab": _target_vocab(draft), "seed": 0})
    link.call({"t": "prefill", "round": 0, "tokens": [1, 2, 3]})
    with pytest.raises(NodeError, match="exceeds the node's limit"):
        link.call({"t": "verify", "round": 1, "base": 3, "draft": list(range(100, 140))})


def test_verify_before_open_and_garbage_frames_get_error_and_close(node):
    import httpx

    link = _opened(node)
    with pytest.raises(NodeError, match="first frame must be 'open'"):
        link.call({"t": "prefill", "round": 0, "tokens": [1]})
    for junk in (b"\xc1\xff\x00", msgpack.packb([1, 2, 3]), msgpack.packb({"t": "verify", "round": "x"})):
        link = _opened(node)
        link.ws.send(junk)
        f = msgpack.unpackb(link.ws.recv(timeout=10))
        assert f["t"] == "error"
    assert httpx.get(node + "/health").status_code == 200  # the node survived


def test_retried_round_is_idempotent(node, draft):
    link = _opened(node)
    link.call({"t": "open", "v": 1, "vocab": draft.fingerprint, "seed": 0})
    prompt = draft.tokenize("def add(a, b):")
    link.call({"t": "prefill", "round": 0, "tokens": prompt})
    frame = {"t": "verify", "round": 1, "base": len(prompt), "draft": draft.tokenize("\n    return")}
    first = link.call(frame)
    again = link.call(frame)
    assert first == again


def test_a_new_prefill_starts_a_new_round_sequence(node, draft):
    """Round ids make retries idempotent within a request; a new request's round with the
    same id must be judged afresh, never answered from the previous request's cache."""
    link = _opened(node)
    link.call({"t": "open", "v": 1, "vocab": draft.fingerprint, "seed": 0})
    first_prompt = draft.tokenize("def add(a, b):")
    link.call({"t": "prefill", "round": 0, "tokens": first_prompt})
    old = link.call({"t": "verify", "round": 1, "base": len(first_prompt), "draft": draft.tokenize("\n    return")})
    second_prompt = draft.tokenize("The capital of France is")
    link.call({"t": "prefill", "round": 0, "tokens": second_prompt})
    new = link.call({"t": "verify", "round": 1, "base": len(second_prompt), "draft": draft.tokenize(" Paris")})
    assert new != old and new["committed"] == len(second_prompt) + new["accepted"] + 1
