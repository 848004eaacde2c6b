"""Draft-length chooser, acceptance tracker, mode cost model and crossovers."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgewise.algo.draft_len import (
    MODES, AcceptanceTracker, Measurements, VerifyCost, choose_gamma, choose_mode, plan_request, stream_chunk_len,
    crossover_draft_ms, crossover_rtt, fit_verify_cost, mode_costs, ms_per_token, round_time,
)

FLAT = VerifyCost(30.0, 0.0)      # GPU: verifying g tokens costs one step
LINEAR = VerifyCost(30.0, 25.0)   # CPU: each extra token costs a step


def naive_ms_per_token(alpha, g, t_d, r, verify, pipelined):
    """Independent restatement of the module docstring formulas."""
    e = g + 1 if alpha == 1 else (1 - alpha ** (g + 1)) / (1 - alpha)
    a, b = g * t_d, r + verify.a_ms + verify.b_ms * g
    if not pipelined:
        return (a + b) / e
    h = alpha ** (g + 1)
    return (h * max(a, b) + (1 - h) * (a + b)) / e


def best_cost(alpha, t_d, r, verify, gamma_max, pipelined):
    return min(ms_per_token(alpha, g, t_d, r, verify, pipelined) for g in range(1, gamma_max + 1))


# --- verify cost ----------------------------------------------------------------

def test_verify_cost_and_fit():
    assert LINEAR(4) == 130.0 and FLAT(7) == 30.0
    fit = fit_verify_cost([1, 2, 4, 8], [35.0, 40.0, 50.0, 70.0])
    assert fit.a_ms == pytest.approx(30.0) and fit.b_ms == pytest.approx(5.0)
    assert fit_verify_cost([1, 4, 8], [31.0, 30.0, 29.0]) == VerifyCost(30.0, 0.0)
    assert fit_verify_cost([4, 4], [20.0, 22.0]) == VerifyCost(21.0, 0.0)
    with pytest.raises(ValueError):
        fit_verify_cost([], [])
    with pytest.raises(ValueError):
        fit_verify_cost([1, 2], [1.0])


def test_round_time():
    assert round_time(20.0, 40.0, 0.0) == 60.0    # synchronous: A + B
    assert round_time(20.0, 40.0, 1.0) == 40.0    # always a hit: max(A, B)
    assert round_time(20.0, 40.0, 0.25) == 40.0 + 0.75 * 20.0


def test_ms_per_token_hand_computed():
    # A = 20, B = 30 + 10 = 40, E = 1.75, h = 0.125
    assert ms_per_token(0.5, 2, 10.0, 30.0, VerifyCost(10.0)) == pytest.approx(60 / 1.75)
    assert ms_per_token(0.5, 2, 10.0, 30.0, VerifyCost(10.0), True) == pytest.approx(57.5 / 1.75)
    with pytest.raises(ValueError):
        ms_per_token(0.5, 0, 10.0, 30.0, FLAT)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 1), st.integers(1, 12), st.floats(0.1, 50), st.floats(0, 300),
       st.floats(1, 100), st.floats(0, 50), st.booleans())
def test_ms_per_token_matches_docstring(alpha, g, t_d, r, a, b, pipelined):
    verify = VerifyCost(a, b)
    got = ms_per_token(alpha, g, t_d, r, verify, pipelined)
    assert got == pytest.approx(naive_ms_per_token(alpha, g, t_d, r, verify, pipelined), rel=1e-9)
    assert ms_per_token(alpha, g, t_d, r, verify, True) <= ms_per_token(alpha, g, t_d, r, verify) + 1e-9


# --- choose_gamma ---------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.floats(0, 1), st.floats(0.1, 50), st.floats(0, 300), st.floats(1, 100),
       st.floats(0, 50), st.integers(1, 12), st.booleans())
def test_choose_gamma_is_brute_force_argmin(alpha, t_d, r, a, b, gamma_max, pipelined):
    verify = VerifyCost(a, b)
    g = choose_gamma(alpha, t_d, r, verify, gamma_max, pipelined)
    assert 1 <= g <= gamma_max
    costs = [naive_ms_per_token(alpha, k, t_d, r, verify, pipelined) for k in range(1, gamma_max + 1)]
    assert costs[g - 1] <= min(costs) * (1 + 1e-9)


def test_alpha_near_zero_gives_one():
    for verify in (FLAT, LINEAR):
        for pipelined in (False, True):
            assert choose_gamma(0.0, 5.0, 200.0, verify, 8, pipelined) == 1
            assert choose_gamma(0.02, 5.0, 200.0, verify, 8, pipelined) == 1


def test_high_alpha_and_high_rtt_draft_longer():
    short = choose_gamma(0.9, 5.0, 2.0, FLAT, 16)
    long = choose_gamma(0.9, 5.0, 200.0, FLAT, 16)
    assert long > short and long >= 10
    assert choose_gamma(0.9, 5.0, 200.0, FLAT, 16) > choose_gamma(0.5, 5.0, 200.0, FLAT, 16)


def test_flat_gpu_verify_drafts_longer_than_linear_cpu():
    for r in (5.0, 50.0):
        gpu = choose_gamma(0.8, 10.0, r, FLAT, 12)
        cpu = choose_gamma(0.8, 10.0, r, LINEAR, 12)
        assert gpu > cpu


cost_st = dict(alpha=st.floats(0, 0.99), t_d=st.floats(0.1, 50), a=st.floats(1, 100),
               b=st.floats(0, 50), r=st.floats(0, 300))


@settings(max_examples=300, deadline=None)
@given(**cost_st, dr=st.floats(0, 300))
def test_gamma_monotone_in_rtt(alpha, t_d, a, b, r, dr):
    verify = VerifyCost(a, b)
    assert choose_gamma(alpha, t_d, r + dr, verify, 12) >= choose_gamma(alpha, t_d, r, verify, 12)


@settings(max_examples=300, deadline=None)
@given(**cost_st, db=st.floats(0, 50), dt=st.floats(0, 50))
def test_gamma_antitone_in_verify_slope_and_draft_time(alpha, t_d, a, b, r, db, dt):
    g = choose_gamma(alpha, t_d, r, VerifyCost(a, b), 12)
    assert choose_gamma(alpha, t_d, r, VerifyCost(a, b + db), 12) <= g
    assert choose_gamma(alpha, t_d + dt, r, VerifyCost(a, b), 12) <= g


def test_choose_gamma_validation():
    with pytest.raises(ValueError):
        choose_gamma(0.5, 1.0, 1.0, FLAT, 0)


# --- AcceptanceTracker -------------------------------------------------------------------

def simulate_rounds(rng, alpha, gamma, rounds):
    """n accepted per round under i.i.d. acceptance (stops at first reject)."""
    out = []
    for _ in range(rounds):
        n = 0
        while n < gamma and rng.random() < alpha:
            n += 1
        out.append(n)
    return out


def test_tracker_prior_and_validation():
    tr = AcceptanceTracker(prior_mean=0.7)
    assert tr.alpha == pytest.approx(0.7)
    tr.update(0, 0)
    assert tr.alpha == pytest.approx(0.7)
    for bad in ((3, 2), (-1, 2)):
        with pytest.raises(ValueError):
            tr.update(*bad)
    for kwargs in ({"prior_mean": 1.5}, {"prior_strength": 0.0}, {"decay": 0.0}):
        with pytest.raises(ValueError):
            AcceptanceTracker(**kwargs)


@pytest.mark.parametrize("alpha", [0.2, 0.6, 0.9])
def test_tracker_is_unbiased_where_naive_ratio_is_not(alpha):
    rng = np.random.default_rng(0)
    gamma = 5
    ns = simulate_rounds(rng, alpha, gamma, 4000)
    tr = AcceptanceTracker(decay=1.0)
    for n in ns:
        tr.update(n, gamma)
    assert tr.alpha == pytest.approx(alpha, abs=0.015)
    naive = sum(ns) / (gamma * len(ns))
    assert alpha - naive > 0.05


def test_tracker_follows_drift():
    rng = np.random.default_rng(1)
    tr = AcceptanceTracker()
    for n in simulate_rounds(rng, 0.9, 4, 300):
        tr.update(n, 4)
    assert tr.alpha == pytest.approx(0.9, abs=0.06)
    for n in simulate_rounds(rng, 0.3, 4, 300):
        tr.update(n, 4)
    assert tr.alpha == pytest.approx(0.3, abs=0.08)


# --- modes -------------------------------------------------------------------------------

def test_local_target_wins_when_fast():
    m = Measurements(alpha=0.8, rtt_ms=50, t_draft_ms=5, verify=FLAT, t_remote_step_ms=30,
                     t_local_target_ms=20)
    mode, table = choose_mode(m)
    assert mode == "local_target" and set(table) == set(MODES)
    assert table["spec_sync"].gamma >= 1 and table["local_target"].gamma == 0
    assert table["spec_pipelined"].ms_per_token <= table["spec_sync"].ms_per_token


def test_speculation_wins_on_lan_with_good_draft():
    m = Measurements(alpha=0.9, rtt_ms=2, t_draft_ms=2, verify=FLAT, t_remote_step_ms=30)
    mode, table = choose_mode(m)
    assert mode.startswith("spec") and table[mode].ms_per_token < 15
    assert "local_target" not in table


def test_streaming_wins_on_wan():
    m = Measurements(alpha=0.5, rtt_ms=200, t_draft_ms=10, verify=FLAT, t_remote_step_ms=30)
    assert choose_mode(m)[0] == "remote_stream"


def test_mode_edge_cases():
    with pytest.raises(ValueError):
        choose_mode(Measurements(alpha=0.5))
    tie = Measurements(alpha=0.5, t_remote_step_ms=30, t_local_target_ms=30)
    assert choose_mode(tie)[0] == "local_target"
    only_spec = Measurements(alpha=0.7, rtt_ms=10, t_draft_ms=3, verify=LINEAR)
    assert set(mode_costs(only_spec)) == {"spec_sync", "spec_pipelined"}


# --- crossovers ----------------------------------------------------------------------------

def test_crossover_rtt_sync_closed_form():
    m = Measurements(alpha=0.8, t_draft_ms=4, verify=VerifyCost(30, 2), t_remote_step_ms=30)
    want = max(30 * (1 - 0.8 ** (g + 1)) / 0.2 - 4 * g - 30 - 2 * g for g in range(1, 9))
    assert crossover_rtt(m) == pytest.approx(want)


def test_crossover_none_when_speculation_cannot_win():
    m = Measurements(alpha=0.0, t_draft_ms=4, verify=VerifyCost(30), t_remote_step_ms=30)
    assert crossover_rtt(m) is None and crossover_rtt(m, pipelined=True) is None
    assert crossover_draft_ms(m) is None
    with pytest.raises(ValueError):
        crossover_rtt(Measurements(alpha=0.5, t_draft_ms=4, verify=FLAT))


@settings(max_examples=300, deadline=None)
@given(**cost_st, t_s=st.floats(5, 100), pipelined=st.booleans())
def test_crossover_rtt_is_the_boundary(alpha, t_d, a, b, r, t_s, pipelined):
    m = Measurements(alpha=alpha, t_draft_ms=t_d, verify=VerifyCost(a, b), t_remote_step_ms=t_s)
    r_star = crossover_rtt(m, pipelined)
    cost = lambda rtt: best_cost(alpha, t_d, rtt, m.verify, m.gamma_max, pipelined)
    if r_star is None:
        assert cost(0.0) >= t_s * (1 - 1e-9)
        return
    d = 1e-6 * max(1.0, r_star)
    assert cost(max(0.0, r_star - d)) < t_s <= cost(r_star + d)


@settings(max_examples=300, deadline=None)
@given(**cost_st, t_s=st.floats(5, 100), pipelined=st.booleans())
def test_crossover_draft_is_the_boundary(alpha, t_d, a, b, r, t_s, pipelined):
    m = Measurements(alpha=alpha, rtt_ms=r, verify=VerifyCost(a, b), t_remote_step_ms=t_s)
    td_star = crossover_draft_ms(m, pipelined)
    cost = lambda td: best_cost(alpha, td, r, m.verify, m.gamma_max, pipelined)
    if td_star is None:
        assert cost(0.0) >= t_s * (1 - 1e-9)
        return
    d = 1e-6 * max(1.0, td_star)
    assert cost(max(0.0, td_star - d)) < t_s <= cost(td_star + d)


def test_pipelining_raises_the_rtt_crossover():
    m = Measurements(alpha=0.85, t_draft_ms=8, verify=FLAT, t_remote_step_ms=40)
    assert crossover_rtt(m, pipelined=True) > crossover_rtt(m)


# --- per-request plan and re-plan interval --------------------------------------------------

def test_plan_request_charges_the_round_trip_once():
    # equal steady-state speed: the node's first reply costs one RTT, the local target none
    m = Measurements(alpha=0.5, rtt_ms=100, t_remote_step_ms=40, t_local_target_ms=40)
    mode, total = plan_request(m, 50)
    assert mode == "local_target"
    assert total["remote_stream"] - total["local_target"] == pytest.approx(100)
    # a faster node wins once the request is long enough to repay the RTT
    m = Measurements(alpha=0.5, rtt_ms=100, t_remote_step_ms=38, t_local_target_ms=40)
    assert plan_request(m, 20)[0] == "local_target"
    assert plan_request(m, 80)[0] == "remote_stream"
    with pytest.raises(ValueError):
        plan_request(Measurements(alpha=0.5), 10)


def test_plan_request_agrees_with_choose_mode_without_fixed_costs():
    rng = np.random.default_rng(3)
    for _ in range(200):
        m = Measurements(alpha=float(rng.uniform(0.1, 0.95)), rtt_ms=0.0, t_draft_ms=float(rng.uniform(1, 60)),
                         verify=VerifyCost(float(rng.uniform(0, 60)), float(rng.uniform(0, 60))),
                         t_remote_step_ms=float(rng.uniform(5, 80)))
        assert plan_request(m, 100)[0] == choose_mode(m)[0]


@pytest.mark.parametrize("rtt,step", [(0, 50), (20, 48), (200, 48), (1, 0.5), (500, 5)])
def test_stream_chunk_bounds_the_replan_overhead(rtt, step):
    n = stream_chunk_len(rtt, step)
    assert 16 <= n <= 1024
    if 16 < n < 1024:
        assert rtt <= 0.03 * step * n  # one extra round trip per chunk is <= 3% of its decode time
        assert rtt > 0.03 * step * (n - 1)  # and the chunk is no longer than needed
    assert stream_chunk_len(0, 50) == 16 and stream_chunk_len(10_000, 1) == 1024


def test_lazy_sequential_verify_never_beats_streaming_the_same_target():
    """One decode per emitted token: speculation pays the same target time plus drafting and RTT."""
    rng = np.random.default_rng(11)
    for _ in range(300):
        step = float(rng.uniform(5, 100))
        m = Measurements(alpha=float(rng.uniform(0.01, 0.99)), rtt_ms=float(rng.uniform(0, 200)),
                         t_draft_ms=float(rng.uniform(0.1, 60)), verify=VerifyCost(0.0, step, lazy=True),
                         t_remote_step_ms=step, gamma_max=16)
        table = mode_costs(m)
        assert table["spec_sync"].ms_per_token >= step - 1e-9
        assert table["spec_pipelined"].ms_per_token >= step - 1e-9
        assert choose_mode(m)[0] == "remote_stream"
        assert crossover_rtt(m) is None and crossover_rtt(m, pipelined=True) is None


def test_lazy_verify_costs_expected_passes():
    v = VerifyCost(2.0, 10.0, lazy=True)
    assert v(4, 1.0) == pytest.approx(2 + 10 * 5)  # all accepted: 4 drafts + the previous bonus
    assert v(4, 0.0) == pytest.approx(2 + 10 * 1)  # all rejected: only the catch-up pass
    assert v(3, 0.5) == pytest.approx(2 + 10 * (1 + 0.5 + 0.25 + 0.125))
    assert VerifyCost(2.0, 10.0)(4, 0.3) == pytest.approx(42)  # batched: alpha does not matter
