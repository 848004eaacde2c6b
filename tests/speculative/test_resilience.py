"""Kill the node mid-generation: the edge reconnects, replays the committed
tokens and finishes with the target's exact output; if the node stays down
it finishes locally with a notice."""
from __future__ import annotations

import threading
import time

import pytest

from tests.conftest import free_port, stop
from tests.speculative.conftest import remote_text, spec_tokens, start_node

pytestmark = pytest.mark.slow
MSGS = [{"role": "user", "content": "Write a Python class for a bank account with deposit and withdraw methods."}]


class Rounds:
    """Counts drafted blocks so the kill lands mid-generation, whatever the machine's speed."""

    def __init__(self):
        self.n = 0

    def __call__(self, _text):
        self.n += 1


def _kill_after(proc, rounds: Rounds, at: int, then=None):
    def run():
        while rounds.n < at:
            time.sleep(0.01)
        proc.kill()
        proc.wait()
        if then:
            then()
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def test_node_killed_and_restarted_resumes_exactly(draft, qwen15):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    first = start_node(port)
    ref, n_ref = remote_text(url, MSGS, 80)
    box = {}
    rounds = Rounds()
    killer = _kill_after(first, rounds, 5, then=lambda: box.setdefault("second", start_node(port)))
    try:
        text, tokens, dec, notices = spec_tokens(draft, url, MSGS, 80, retries=8, backoff_s=0.5, on_draft=rounds)
        killer.join()
        assert dec.stats.reconnects >= 1, "the node was not killed mid-generation"
        assert not dec.stats.fell_back and notices == []
        assert text == ref and len(tokens) == n_ref  # nothing lost, nothing duplicated
    finally:
        killer.join()
        stop(first)
        if "second" in box:
            stop(box["second"])


def killed_for_good(draft, n: int, **kw):
    """Generate while the node is killed mid-way and never restarted.
    Returns the node's own reference (text, tokens) and spec_tokens' result."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    node = start_node(port)
    ref = remote_text(url, MSGS, n)
    rounds = Rounds()
    killer = _kill_after(node, rounds, 5)
    try:
        return ref, spec_tokens(draft, url, MSGS, n, retries=2, backoff_s=0.1, on_draft=rounds, **kw)
    finally:
        killer.join()
        stop(node)


def test_node_staying_down_falls_back_to_local_with_notice(draft, qwen15):
    (ref, _), (text, tokens, dec, notices) = killed_for_good(draft, 60)
    assert dec.stats.fell_back
    assert notices and "continuing on the local model" in notices[0]
    assert len(tokens) == 60 or text  # finished locally
    common = 0
    while common < min(len(text), len(ref)) and text[common] == ref[common]:
        common += 1
    assert common > 5, (dec.stats, text[:50])  # committed before the kill: the target's output, kept
