"""Which layers run where, and the llama.cpp parameters that say so.

Layers [0, head) run on the edge CPU, [head, head + remote) on the node,
[L - tail, L) on the edge again (U-shape).  llama.cpp offloads the *last*
n_gpu_layers slots (the output norm + LM head count as slot L) and splits
them over the device list in order by tensor_split, so with devices
[node, edge-loopback] we ask for remote + tail + 1 slots split
[remote, tail + 1]: the LM head always lands on the edge, even when tail
is 0, and the node never sees logits.
"""
from __future__ import annotations

from dataclasses import dataclass

from edgewise.config import ConfigError


@dataclass(frozen=True)
class Layout:
    n_layers: int
    remote: int
    tail: int = 0

    def __post_init__(self) -> None:
        if self.remote < 1:
            raise ConfigError(f"--remote-layers must be at least 1 (got {self.remote})")
        if self.tail < 0:
            raise ConfigError(f"--local-tail must be >= 0 (got {self.tail})")
        if self.remote + self.tail > self.n_layers:
            raise ConfigError(f"the model has {self.n_layers} layers; cannot run {self.remote} remotely "
                              f"and keep {self.tail} as a local tail")

    @property
    def head(self) -> int:
        return self.n_layers - self.remote - self.tail

    @property
    def n_gpu_layers(self) -> int:
        return self.remote + self.tail + 1

    @property
    def tensor_split(self) -> list[float]:
        return [float(self.remote), float(self.tail + 1)]

    @property
    def remote_range(self) -> tuple[int, int]:
        return self.head, self.head + self.remote

    def describe(self) -> str:
        a, b = self.remote_range
        tail = f", local {b}-{self.n_layers - 1} + LM head" if self.tail else ", LM head local"
        head = f"local 0-{a - 1}, " if self.head else ""
        return f"{head}remote {a}-{b - 1}{tail} (of {self.n_layers} layers)"

    def warnings(self) -> list[str]:
        out = []
        if self.head == 0:
            out.append("no local layers before the remote ones: the server receives the raw token embeddings, "
                       "from which it reads every token exactly")
        return out
