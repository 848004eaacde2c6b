"""Auto mode's planner: which way to produce the target's tokens, from live
measurements (the cost model is algo/draft_len.py).

Candidates give the target's own output: the node streaming alone
(remote_stream), speculation (local draft, remote verify) and, when one is
configured, the target model run on this machine (local_target).  Answering
with a smaller model instead is the tier router's decision, not this one.

Measured here:
  rtt_ms          median of pings at session open
  node step       announced by the node at open (it times itself), then the
                  inter-arrival time of streamed tokens
  verify ms/pass  from verdicts (the node announces its verify as sequential:
                  one pass per emitted token, VerifyCost(lazy=True))
  draft, local target ms/token
                  timed once on this machine (time_step), then from drafting
                  and from the local target's own decoding
  alpha           running acceptance (AcceptanceTracker)

A request is planned before its first token (plan_request: steady-state
cost x tokens left + one RTT for node modes) and re-planned at every streamed
chunk or speculative round.  Switching needs a clear margin (HYSTERESIS)
because a switch costs a draft catch-up the steady-state model ignores.
local_target is chosen only at the start of a request (moving a running
request onto it would re-prefill everything).
"""
from __future__ import annotations

from edgewise.algo.draft_len import (AcceptanceTracker, Measurements, VerifyCost, plan_request,
                                     stream_chunk_len)

HYSTERESIS = 0.10  # switch mid-request only for a >= 10% predicted gain
HORIZON = 256  # tokens a request is assumed to still produce when planning it
SPEC = ("spec_sync", "spec_pipelined")


class Planner:
    def __init__(self, gamma_max: int = 8, has_local_target: bool = False):
        self.gamma_max = gamma_max
        self.has_local_target = has_local_target
        self.tracker = AcceptanceTracker()
        self.rtt_ms = 0.0
        self.t_draft_ms: float | None = None
        self.pass_ms: float | None = None  # node ms per verify pass
        self.step_ms: float | None = None  # node ms per streamed token
        self.local_ms: float | None = None  # local target ms per token
        self.lazy_verify = True  # the node verifies one decode per token, stopping at a rejection

    # -- measurements --------------------------------------------------------
    def on_open(self, opened: dict, rtt_ms: float) -> None:
        self.rtt_ms = rtt_ms
        self.lazy_verify = opened.get("verify", "sequential") == "sequential"
        announced = float(opened.get("step_ms") or 0.0)
        if announced > 0:
            self.pass_ms = self.pass_ms or announced
            self.step_ms = self.step_ms or announced

    def on_draft(self, ms: float) -> None:
        self.t_draft_ms = _ewma(self.t_draft_ms, ms)

    def on_verdict(self, accepted: int, drafted: int, passes: int, ms: float) -> None:
        self.tracker.update(accepted, drafted)
        if passes:
            self.pass_ms = _ewma(self.pass_ms, ms / passes)

    def on_streamed(self, gap_ms: float) -> None:
        self.step_ms = _ewma(self.step_ms, gap_ms)

    def on_local(self, gap_ms: float) -> None:
        """Real per-token time of the local target (the one-off timing is only a first guess)."""
        self.local_ms = _ewma(self.local_ms, gap_ms)

    def measurements(self) -> Measurements:
        node = self.step_ms or self.pass_ms or 50.0
        return Measurements(alpha=self.tracker.alpha, rtt_ms=self.rtt_ms, t_draft_ms=self.t_draft_ms or 30.0,
                            verify=VerifyCost(0.0, self.pass_ms or node, self.lazy_verify), t_remote_step_ms=node,
                            t_local_target_ms=self.local_ms if self.has_local_target else None,
                            gamma_max=self.gamma_max)

    # -- decisions -------------------------------------------------------------
    def first(self, max_tokens: int) -> str:
        """remote_stream | spec | local_target for a new request."""
        mode, _ = plan_request(self.measurements(), min(max_tokens, HORIZON))
        return _kind(mode)

    def next(self, current: str, left: int) -> str:
        """Re-plan mid-request between remote_stream and spec."""
        m = self.measurements()
        m = Measurements(**{**m.__dict__, "t_local_target_ms": None})
        mode, total = plan_request(m, min(left, HORIZON))
        best = _kind(mode)
        if best == current:
            return current
        now = min(v for k, v in total.items() if _kind(k) == current)
        return best if total[mode] < (1 - HYSTERESIS) * now else current

    def chunk_len(self) -> int:
        return stream_chunk_len(self.rtt_ms, self.step_ms or self.pass_ms or 50.0)


def _ewma(old: float | None, new: float) -> float:
    return new if old is None else 0.8 * old + 0.2 * new


def _kind(mode: str) -> str:
    return "spec" if mode in SPEC else mode
