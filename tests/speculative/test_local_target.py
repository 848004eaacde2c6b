"""auto with the target's weights also on this machine: the planner runs it
locally when that is measured faster (here: equal speed, and the node is a
long round trip away), and a node that dies mid-request is finished on the
local copy with the target's exact output."""
from __future__ import annotations

import urllib.parse

import pytest

from edgewise.net.proxy import LatencyProxy
from tests.speculative.conftest import remote_text, spec_tokens
from tests.speculative.test_resilience import MSGS, killed_for_good

pytestmark = pytest.mark.slow


def test_far_node_plans_the_local_target_and_output_is_the_targets(draft, node, local_target):
    ref, n_ref = remote_text(node, MSGS, 24)
    port = urllib.parse.urlparse(node).port
    proxy = LatencyProxy("127.0.0.1", port, delay_ms=250).start()  # 500 ms RTT
    try:
        text, tokens, dec, _ = spec_tokens(draft, f"http://127.0.0.1:{proxy.port}", MSGS, 24, auto=True,
                                           local_target=local_target)
    finally:
        proxy.stop()
    assert dec.planner.rtt_ms > 400 and dec.planner.local_ms > 0
    assert dec.stats.plans == ["local_target"] and dec.stats.local_target == len(tokens)
    assert dec.stats.rounds == 0 and dec.stats.streamed == 0  # the node generated nothing
    assert text == ref and len(tokens) == n_ref


def test_near_node_is_used_when_the_local_target_is_slower(draft, node, local_target):
    text, _, dec, _ = spec_tokens(draft, node, MSGS, 16, auto=True, local_target=local_target,
                                  setup=lambda d: setattr(d.planner, "local_ms", 10_000.0))
    assert dec.stats.local_target == 0 and dec.stats.plans[0] == "remote_stream"
    assert text == remote_text(node, MSGS, 16)[0]


def test_node_staying_down_finishes_exactly_on_the_local_target(draft, qwen15, local_target):
    (ref, n_ref), (text, tokens, dec, notices) = killed_for_good(draft, 60, local_target=local_target)
    assert dec.stats.fell_back and "local copy of the target" in notices[0]
    assert text == ref and len(tokens) == n_ref  # unchanged: the same weights finished it
