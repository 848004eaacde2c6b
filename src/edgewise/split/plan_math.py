"""How many layers to keep on the edge: the per-token time and memory model
behind `edgewise plan`.  Pure arithmetic, no I/O.

Per generated token, with k of L layers local:

    local  = k * local_ms_per_layer + local_fixed_ms       (embeddings, LM head, sampling)
    wire   = round_trips * rtt + bytes_per_token / bandwidth + overhead_ms
    remote = (L - k) * remote_ms_per_layer
    total  = local + wire + remote     (the stages run one after another)

k = L is "do not split": no wire and no remote term.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Costs:
    n_layers: int
    local_ms_per_layer: float
    remote_ms_per_layer: float
    local_fixed_ms: float = 0.0
    rtt_ms: float = 0.0
    bandwidth_mbps: float = 1000.0  # megabits per second
    bytes_per_token: float = 0.0  # both directions together
    round_trips: float = 1.0  # per token
    overhead_ms: float = 0.0  # per token, RPC protocol work beyond the wire
    layer_mb: float = 0.0  # weights of one layer
    kv_mb_per_layer: float = 0.0  # KV cache of one layer at the configured context
    fixed_mb: float = 0.0  # embeddings, LM head, runtime

    def __post_init__(self) -> None:
        if self.n_layers < 1:
            raise ValueError("n_layers must be >= 1")
        if self.bandwidth_mbps <= 0:
            raise ValueError("bandwidth must be positive")
        for name in ("local_ms_per_layer", "remote_ms_per_layer", "local_fixed_ms", "rtt_ms", "bytes_per_token",
                     "round_trips", "overhead_ms", "layer_mb", "kv_mb_per_layer", "fixed_mb"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")


@dataclass(frozen=True)
class Breakdown:
    local_layers: int
    local_ms: float
    wire_ms: float
    remote_ms: float
    memory_mb: float

    @property
    def total_ms(self) -> float:
        return self.local_ms + self.wire_ms + self.remote_ms

    @property
    def tps(self) -> float:
        return 1000.0 / self.total_ms if self.total_ms > 0 else float("inf")


@dataclass(frozen=True)
class Recommendation:
    local_layers: int
    feasible: bool
    reason: str
    table: list[Breakdown] = field(default_factory=list)

    def remote_layers(self, n_layers: int) -> int:
        return n_layers - self.local_layers


def wire_ms(c: Costs) -> float:
    transfer = c.bytes_per_token * 8 / (c.bandwidth_mbps * 1e6) * 1000
    return c.round_trips * c.rtt_ms + transfer + c.overhead_ms


def memory_mb(c: Costs, local_layers: int) -> float:
    return c.fixed_mb + local_layers * (c.layer_mb + c.kv_mb_per_layer)


def breakdown(c: Costs, local_layers: int) -> Breakdown:
    if not 0 <= local_layers <= c.n_layers:
        raise ValueError(f"local_layers must be in [0, {c.n_layers}]")
    remote = c.n_layers - local_layers
    local = local_layers * c.local_ms_per_layer + c.local_fixed_ms
    wire = wire_ms(c) if remote else 0.0
    return Breakdown(local_layers, local, wire, remote * c.remote_ms_per_layer, memory_mb(c, local_layers))


def max_local_for_memory(c: Costs, cap_mb: float) -> int | None:
    """Most local layers that fit; None when even zero does not."""
    fits = [k for k in range(c.n_layers + 1) if memory_mb(c, k) <= cap_mb]
    return max(fits) if fits else None


def recommend(c: Costs, target_tps: float | None = None, mem_cap_mb: float | None = None) -> Recommendation:
    """Keep as many layers local as the constraints allow (less on the node,
    deeper hidden states on the wire); with no constraint, the fastest.

    Infeasible constraints still return the closest choice, with feasible=False.
    """
    table = [breakdown(c, k) for k in range(c.n_layers + 1)]
    fits = [b for b in table if mem_cap_mb is None or b.memory_mb <= mem_cap_mb]
    fast = [b for b in fits if target_tps is None or b.tps >= target_tps]
    if target_tps is None and mem_cap_mb is None:
        best = min(table, key=lambda b: (round(b.total_ms, 6), -b.local_layers))
        return Recommendation(best.local_layers, True, "fastest", table)
    if fast:
        best = max(fast, key=lambda b: b.local_layers)
        why = " and ".join(x for x in (
            f"{target_tps:g} tok/s" if target_tps is not None else "",
            f"{mem_cap_mb:g} MB" if mem_cap_mb is not None else "") if x)
        return Recommendation(best.local_layers, True, f"most local layers within {why}", table)
    if not fits:
        return Recommendation(0, False, f"even with every layer remote the edge needs "
                                        f"{table[0].memory_mb:.0f} MB > {mem_cap_mb:g} MB", table)
    best = min(fits, key=lambda b: (b.total_ms, -b.local_layers))
    return Recommendation(best.local_layers, False, f"no split reaches {target_tps:g} tok/s; the fastest that fits "
                                                    f"gives {best.tps:.1f}", table)
