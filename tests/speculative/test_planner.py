"""The auto-mode planner on measured constants (no models, no network)."""
from __future__ import annotations

import numpy as np
import pytest

from edgewise.algo.draft_len import plan_request
from edgewise.edge.planner import Planner


def planner(rtt=0.0, step=190.0, draft=90.0, local=None, lazy=True) -> Planner:
    p = Planner(has_local_target=local is not None)
    p.on_open({"step_ms": step, "verify": "sequential" if lazy else "batched"}, rtt)
    p.t_draft_ms, p.local_ms = draft, local
    return p


@pytest.mark.parametrize("rtt", [0, 20, 50, 100, 200])
def test_sequential_node_streams_at_every_rtt(rtt):
    # this testbed: verify costs a target step per emitted token, so speculation never pays
    assert planner(rtt).first(48) == "remote_stream"


def test_announced_step_is_used_before_any_measurement():
    p = Planner()
    p.on_open({"step_ms": 123.0}, 5.0)
    m = p.measurements()
    assert m.t_remote_step_ms == 123.0 and m.verify.b_ms == 123.0 and m.verify.lazy and m.rtt_ms == 5.0


def test_far_node_loses_to_an_equally_fast_local_target():
    assert planner(rtt=200, local=190.0).first(48) == "local_target"
    assert planner(rtt=200, local=260.0).first(48) == "remote_stream"  # slower local copy: the RTT is worth it
    assert planner(rtt=200, local=260.0).first(2) == "local_target"  # ... unless the answer is tiny


def test_batched_fast_verify_with_a_quick_draft_speculates():
    p = planner(rtt=2, step=40.0, draft=2.0, lazy=False)
    p.pass_ms = 4.0  # a node whose verify pass is cheap compared with its decode step
    for _ in range(50):
        p.on_verdict(4, 4, 1, 4.0)  # high acceptance
    assert p.first(100) == "spec"


def test_replan_needs_a_clear_margin():
    """Mid-request, the mode flips only for a >= 10% predicted gain (a switch has costs the model omits)."""
    seen = set()
    for draft in np.linspace(1, 400, 200):
        p = planner(rtt=0, step=100.0, draft=float(draft), lazy=False)
        p.pass_ms = 30.0
        _, total = plan_request(p.measurements(), 100)
        spec, stream = min(total["spec_sync"], total["spec_pipelined"]), total["remote_stream"]
        want_from_stream = "spec" if spec < 0.9 * stream else "remote_stream"
        want_from_spec = "remote_stream" if stream < 0.9 * spec else "spec"
        assert p.next("remote_stream", 100) == want_from_stream
        assert p.next("spec", 100) == want_from_spec
        seen.add((want_from_stream, want_from_spec))
    assert seen == {("spec", "spec"), ("remote_stream", "spec"), ("remote_stream", "remote_stream")}


def test_local_target_measurements_follow_real_decoding():
    p = planner(local=100.0)
    for _ in range(30):
        p.on_local(300.0)
    assert p.local_ms == pytest.approx(300.0, rel=0.01)


@pytest.mark.parametrize("rtt,step,want", [(0, 190, 16), (200, 190, 36), (100, 20, 167)])
def test_chunk_keeps_replanning_under_three_percent(rtt, step, want):
    p = planner(rtt=rtt, step=step)
    assert p.chunk_len() == want
