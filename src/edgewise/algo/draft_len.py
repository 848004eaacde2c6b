"""Cost model for speculative decoding: draft length and mode choice.

Pure functions of measured constants; all times in milliseconds.

Symbols
  alpha   per-token acceptance probability (AcceptanceTracker estimate)
  g       draft length gamma, chosen in [1, g_max]
  t_d     draft time per drafted token (local)
  t_v(g)  target verify time for a block of g drafts = a + b*g
          (batched verify; CPU: b ~ one decode step per token; GPU: b ~ 0, flat)
          or, for a lazy sequential verifier (edgewise's node: one decode
          per token, stopping at the first rejection), a + b*E(alpha, g):
          it decodes the previous round's bonus token plus every accepted
          draft, E(alpha, g) passes on average.  Then verify costs exactly
          a target step per emitted token, so speculation can never beat
          the same target streaming (sync: (g*t_d + r)/E + b >= b).
  r       network round-trip time
  A = g*t_d          drafting time per round
  B = r + t_v(g)     round trip plus verification

Tokens emitted per round (i.i.d. acceptance; g accepted tokens + 1 bonus):
  E(alpha, g) = 1 + alpha + ... + alpha^g = (1 - alpha^(g+1)) / (1 - alpha)
  (= g + 1 at alpha = 1)

Synchronous round (draft, send, verify, reply; nothing overlaps):
  T_sync(g) = A + B = g*t_d + r + t_v(g)

Pipelined round: while round k is on the wire and being verified, the draft
keeps drafting round k+1 assuming round k is fully accepted and that the
target's bonus token equals the draft's own next token. That guess holds
with probability h = alpha^(g+1) (g accepts plus one more match). On a hit
the drafting was hidden behind the round trip; on a miss the continuation
is discarded and the draft restarts from the corrected token, costing a
full synchronous round:
  T_pipe(g) = h*max(A, B) + (1 - h)*(A + B) = max(A, B) + (1 - h)*min(A, B)
Approximations: i.i.d. acceptance; the bonus-token match is modelled as one
more acceptance (exact for greedy under the i.i.d. model, approximate when
sampling); the draft's catch-up on the corrected token is folded into t_d;
when A < B the draft idles instead of drafting beyond g.
T_sync is T_pipe with h = 0.

Cost per token and choice of g:
  ms_per_token(g) = T(g) / E(alpha, g)
  g* = argmin over g in [1, g_max] of ms_per_token(g)  (ties -> smaller g)
which is the g that maximises expected tokens per second E / T.

Modes (ms per generated token, steady state):
  local_target    t_local_target_step
  remote_stream   t_remote_step: tokens stream back with no per-token round
                  trip, so r is paid once, in TTFT (~ r + remote prefill)
  spec_sync       T_sync(g*) / E(alpha, g*)
  spec_pipelined  T_pipe(g*) / E(alpha, g*)

Per request (plan_request): predicted total ms for the next n tokens is
  n * ms_per_token(mode) + r for modes that need the node before their
  first token (every mode but local_target; r once, for the first reply).
Re-planning while the target streams costs one round trip per chunk; a
chunk of ceil(r / (f * t_s)) tokens keeps that under a fraction f of the
chunk's decode time (stream_chunk_len).

Crossover (speculation vs remote streaming with step t_s): speculation with
draft length g wins iff T(g) < t_s * E(alpha, g). T grows with r and with
t_d, so there is a largest r (and a largest t_d) below which some g wins;
crossover_rtt / crossover_draft_ms return it (None if it never wins). For
the synchronous model: r* = max_g [t_s*E(alpha, g) - g*t_d - t_v(g)].
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from edgewise.algo.speculative import expected_tokens_per_round

MODES = ("local_target", "remote_stream", "spec_sync", "spec_pipelined")


@dataclass(frozen=True)
class VerifyCost:
    """t_v(g) = a_ms + b_ms * g, or a_ms + b_ms * E(alpha, g) when ``lazy``."""

    a_ms: float
    b_ms: float = 0.0
    lazy: bool = False

    def __call__(self, gamma: int, alpha: float = 1.0) -> float:
        n = expected_tokens_per_round(alpha, gamma) if self.lazy else gamma
        return self.a_ms + self.b_ms * n


def fit_verify_cost(gammas: Sequence[int], times_ms: Sequence[float]) -> VerifyCost:
    """Least-squares fit of t_v(g) = a + b*g with b clamped to >= 0.

    With a single distinct g the slope is unidentifiable; assume flat (b=0).
    """
    g = np.asarray(gammas, dtype=np.float64)
    t = np.asarray(times_ms, dtype=np.float64)
    if g.size == 0 or g.shape != t.shape:
        raise ValueError("need equal-length, non-empty gammas and times")
    if np.unique(g).size < 2:
        return VerifyCost(float(t.mean()), 0.0)
    b, a = np.polyfit(g, t, 1)
    if b < 0.0:  # noise on a flat (GPU) profile; negative cost is not physical
        return VerifyCost(float(t.mean()), 0.0)
    return VerifyCost(float(a), float(b))


def round_time(draft_ms: float, wire_ms: float, hit: float) -> float:
    """max(A, B) + (1 - hit) * min(A, B); hit = 0 gives the sync A + B."""
    return max(draft_ms, wire_ms) + (1.0 - hit) * min(draft_ms, wire_ms)


def _hit(alpha: float, gamma: int, pipelined: bool) -> float:
    return alpha ** (gamma + 1) if pipelined else 0.0


def ms_per_token(alpha: float, gamma: int, t_draft_ms: float, rtt_ms: float,
                 verify: VerifyCost, pipelined: bool = False) -> float:
    """Expected ms per emitted token for one draft length (see module doc)."""
    if gamma < 1:
        raise ValueError("gamma must be >= 1")
    t = round_time(gamma * t_draft_ms, rtt_ms + verify(gamma, alpha), _hit(alpha, gamma, pipelined))
    return t / expected_tokens_per_round(alpha, gamma)


def choose_gamma(alpha: float, t_draft_ms: float, rtt_ms: float, verify: VerifyCost,
                 gamma_max: int = 8, pipelined: bool = False) -> int:
    """g in [1, gamma_max] maximising expected tokens/s; ties -> smaller g."""
    if gamma_max < 1:
        raise ValueError("gamma_max must be >= 1")
    best, best_cost = 1, np.inf
    for g in range(1, gamma_max + 1):
        cost = ms_per_token(alpha, g, t_draft_ms, rtt_ms, verify, pipelined)
        if cost < best_cost:
            best, best_cost = g, cost
    return best


class AcceptanceTracker:
    """Decayed Beta-Bernoulli estimate of the per-token acceptance alpha.

    A round with n accepted out of g drafted observed n successes and, if
    n < g, exactly one failure; tokens after the first rejection were never
    tested. Counting them as failures (n / g) would bias alpha low.
    Counts decay by `decay` per round so the estimate follows drift; the
    prior (prior_strength pseudo-trials at prior_mean) never decays, so an
    idle tracker stays sane.
    """

    def __init__(self, prior_mean: float = 0.6, prior_strength: float = 8.0,
                 decay: float = 0.97) -> None:
        if not (0.0 <= prior_mean <= 1.0 and prior_strength > 0.0 and 0.0 < decay <= 1.0):
            raise ValueError("need prior_mean in [0,1], prior_strength > 0, decay in (0,1]")
        self.prior_mean = prior_mean
        self.prior_strength = prior_strength
        self.decay = decay
        self.successes = 0.0
        self.trials = 0.0

    def update(self, n_accepted: int, n_drafted: int) -> None:
        if not 0 <= n_accepted <= n_drafted:
            raise ValueError("need 0 <= n_accepted <= n_drafted")
        if n_drafted == 0:
            return
        rejected = 1 if n_accepted < n_drafted else 0
        self.successes = self.decay * self.successes + n_accepted
        self.trials = self.decay * self.trials + n_accepted + rejected

    @property
    def alpha(self) -> float:
        a0 = self.prior_mean * self.prior_strength
        return (a0 + self.successes) / (self.prior_strength + self.trials)


@dataclass(frozen=True)
class Measurements:
    """Measured constants (ms). None marks a mode as unavailable."""

    alpha: float
    rtt_ms: float = 0.0
    t_draft_ms: float | None = None          # local draft, per token
    verify: VerifyCost | None = None         # remote target verify of g drafts
    t_remote_step_ms: float | None = None    # remote target decode step (streaming)
    t_local_target_ms: float | None = None   # local target decode step
    gamma_max: int = 8


@dataclass(frozen=True)
class ModeCost:
    mode: str
    ms_per_token: float
    gamma: int = 0  # draft length for speculative modes, else 0


def _spec_cost(m: Measurements, pipelined: bool) -> ModeCost:
    g = choose_gamma(m.alpha, m.t_draft_ms, m.rtt_ms, m.verify, m.gamma_max, pipelined)
    ms = ms_per_token(m.alpha, g, m.t_draft_ms, m.rtt_ms, m.verify, pipelined)
    return ModeCost("spec_pipelined" if pipelined else "spec_sync", ms, g)


def mode_costs(m: Measurements) -> dict[str, ModeCost]:
    """Predicted steady-state ms/token of every available mode."""
    out: dict[str, ModeCost] = {}
    if m.t_local_target_ms is not None:
        out["local_target"] = ModeCost("local_target", m.t_local_target_ms)
    if m.t_remote_step_ms is not None:
        out["remote_stream"] = ModeCost("remote_stream", m.t_remote_step_ms)
    if m.t_draft_ms is not None and m.verify is not None:
        out["spec_sync"] = _spec_cost(m, pipelined=False)
        out["spec_pipelined"] = _spec_cost(m, pipelined=True)
    return out


def choose_mode(m: Measurements) -> tuple[str, dict[str, ModeCost]]:
    """Fastest mode; ties go to the earlier entry of MODES (simpler mode)."""
    table = mode_costs(m)
    if not table:
        raise ValueError("no mode is available with these measurements")
    best = min(table.values(), key=lambda c: (c.ms_per_token, MODES.index(c.mode)))
    return best.mode, table


def plan_request(m: Measurements, n_tokens: int) -> tuple[str, dict[str, float]]:
    """Mode with the least predicted time (ms) for the next ``n_tokens``."""
    table = mode_costs(m)
    if not table:
        raise ValueError("no mode is available with these measurements")
    total = {k: c.ms_per_token * max(1, n_tokens) + (0.0 if k == "local_target" else m.rtt_ms)
             for k, c in table.items()}
    return min(total, key=lambda k: (total[k], MODES.index(k))), total


def stream_chunk_len(rtt_ms: float, step_ms: float, overhead: float = 0.03, lo: int = 16, hi: int = 1024) -> int:
    """Tokens per streamed chunk so that one re-plan round trip costs at most
    ``overhead`` of the chunk's decode time."""
    if step_ms <= 0:
        return hi
    return int(min(hi, max(lo, math.ceil(rtt_ms / (overhead * step_ms)))))


def _solve_round_time(target: float, other: float, hit: float) -> float | None:
    """x >= 0 with round_time(x, other, hit) == target; None if even x=0 fails.

    round_time is continuous and increasing in x: slope (1 - hit) below
    `other`, slope 1 above it.
    """
    if other >= target:
        return None
    if other * (2.0 - hit) >= target:  # crossing is in the x <= other branch
        return (target - other) / (1.0 - hit)
    return target - (1.0 - hit) * other


def _crossover(m: Measurements, pipelined: bool, solve_for_rtt: bool) -> float | None:
    if m.verify is None or m.t_remote_step_ms is None:
        raise ValueError("crossover needs verify and t_remote_step_ms")
    if solve_for_rtt and m.t_draft_ms is None:
        raise ValueError("crossover_rtt needs t_draft_ms")
    best = None
    for g in range(1, m.gamma_max + 1):
        target = m.t_remote_step_ms * expected_tokens_per_round(m.alpha, g)
        hit = _hit(m.alpha, g, pipelined)
        if solve_for_rtt:
            x = _solve_round_time(target, g * m.t_draft_ms, hit)
            value = None if x is None else x - m.verify(g, m.alpha)
        else:
            x = _solve_round_time(target, m.rtt_ms + m.verify(g, m.alpha), hit)
            value = None if x is None else x / g
        if value is not None and value > 0.0 and (best is None or value > best):
            best = value
    return best


def crossover_rtt(m: Measurements, pipelined: bool = False) -> float | None:
    """Largest RTT (ms) below which speculation beats remote streaming.

    Uses every field of `m` except rtt_ms. None: speculation never wins.
    """
    return _crossover(m, pipelined, solve_for_rtt=True)


def crossover_draft_ms(m: Measurements, pipelined: bool = False) -> float | None:
    """Largest draft ms/token below which speculation beats remote streaming
    at m.rtt_ms. Uses every field of `m` except t_draft_ms. None: never."""
    return _crossover(m, pipelined, solve_for_rtt=False)
