"""The planning arithmetic of `edgewise plan`."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edgewise.split.plan_math import Costs, breakdown, max_local_for_memory, memory_mb, recommend, wire_ms

# 1.5B-like figures measured on this machine: ~2.2 ms/layer, 83 ms + RTT per token over RPC
BASE = Costs(n_layers=28, local_ms_per_layer=2.0, remote_ms_per_layer=1.0, local_fixed_ms=5.0, rtt_ms=20.0,
             bandwidth_mbps=100.0, bytes_per_token=25_000, round_trips=1.0, overhead_ms=3.0, layer_mb=30.0,
             kv_mb_per_layer=2.0, fixed_mb=300.0)


def test_breakdown_terms():
    b = breakdown(BASE, 4)
    assert b.local_ms == pytest.approx(4 * 2.0 + 5.0)
    assert b.wire_ms == pytest.approx(20.0 + 25_000 * 8 / 100e6 * 1000 + 3.0)  # 2 ms transfer
    assert b.remote_ms == pytest.approx(24 * 1.0)
    assert b.total_ms == pytest.approx(13 + 25 + 24)
    assert b.tps == pytest.approx(1000 / 62)
    assert b.memory_mb == pytest.approx(300 + 4 * 32)


def test_all_local_has_no_wire():
    b = breakdown(BASE, 28)
    assert b.wire_ms == 0 and b.remote_ms == 0
    assert b.total_ms == pytest.approx(28 * 2 + 5)


def test_fastest_without_constraints():
    # remote is faster per layer but the wire costs 25 ms: all-remote 5+25+28=58 < all-local 61
    r = recommend(BASE)
    assert r.feasible and r.local_layers == 0 and r.reason == "fastest"
    slow_link = Costs(**{**BASE.__dict__, "rtt_ms": 100.0})
    assert recommend(slow_link).local_layers == 28  # then do not split at all


def test_target_tps_keeps_most_local_layers_that_reach_it():
    assert recommend(BASE, target_tps=15.0).local_layers == 28  # the laptop alone is fast enough: no split
    slow = Costs(**{**BASE.__dict__, "local_ms_per_layer": 3.0})  # 58 + 2k ms per token
    r = recommend(slow, target_tps=15.0)  # <= 66.7 ms per token
    assert r.feasible and r.local_layers == 4
    assert breakdown(slow, 4).tps >= 15.0 > breakdown(slow, 5).tps


def test_memory_cap():
    assert memory_mb(BASE, 0) == 300
    assert max_local_for_memory(BASE, 300 + 5 * 32) == 5
    assert max_local_for_memory(BASE, 299) is None
    r = recommend(BASE, mem_cap_mb=300 + 5 * 32 + 1)
    assert r.feasible and r.local_layers == 5


def test_both_constraints_and_infeasible_cases():
    r = recommend(BASE, target_tps=15.0, mem_cap_mb=300 + 3 * 32)
    assert r.feasible and r.local_layers == 3  # 61 ms + k: fast enough, memory decides
    r = recommend(BASE, target_tps=100.0)
    assert not r.feasible and "no split reaches" in r.reason
    assert r.local_layers == 0  # the fastest choice is still returned
    r = recommend(BASE, mem_cap_mb=10)
    assert not r.feasible and "even with every layer remote" in r.reason


def test_invalid_inputs():
    with pytest.raises(ValueError):
        Costs(n_layers=0, local_ms_per_layer=1, remote_ms_per_layer=1)
    with pytest.raises(ValueError):
        Costs(n_layers=4, local_ms_per_layer=-1, remote_ms_per_layer=1)
    with pytest.raises(ValueError):
        Costs(n_layers=4, local_ms_per_layer=1, remote_ms_per_layer=1, bandwidth_mbps=0)
    with pytest.raises(ValueError):
        breakdown(BASE, 29)


@given(rtt=st.floats(0, 500), local=st.floats(0.01, 50), remote=st.floats(0.01, 50), k=st.integers(0, 28))
def test_time_grows_with_rtt_and_is_sum_of_parts(rtt, local, remote, k):
    c = Costs(**{**BASE.__dict__, "rtt_ms": rtt, "local_ms_per_layer": local, "remote_ms_per_layer": remote})
    b = breakdown(c, k)
    assert b.total_ms == pytest.approx(b.local_ms + b.wire_ms + b.remote_ms)
    if k < 28:
        assert b.wire_ms == pytest.approx(wire_ms(c))
        more = breakdown(Costs(**{**c.__dict__, "rtt_ms": rtt + 10}), k)
        assert more.total_ms > b.total_ms


@given(target=st.floats(1, 200), cap=st.floats(0, 2000))
def test_recommendation_respects_constraints_when_feasible(target, cap):
    r = recommend(BASE, target_tps=target, mem_cap_mb=cap)
    b = breakdown(BASE, r.local_layers)
    if r.feasible:
        assert b.tps >= target and b.memory_mb <= cap
        for k in range(r.local_layers + 1, 29):  # nothing with more local layers also satisfies both
            o = breakdown(BASE, k)
            assert not (o.tps >= target and o.memory_mb <= cap)
