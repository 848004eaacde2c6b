"""Wire a Gateway from config: the local engine loads in the background so
/health can answer 503 meanwhile; upstreams are added at once."""
from __future__ import annotations

from edgewise.config import Config, ConfigError
from edgewise.edge.backends.local import LocalBackend
from edgewise.edge.backends.upstream import UpstreamBackend
from edgewise.edge.gateway.app import Gateway
from edgewise.edge.privacy_gate import PrivateBackend


def build_gateway(cfg: Config) -> Gateway:
    gw = Gateway(api_key=cfg.gateway.api_key, max_queue=cfg.gateway.max_queue)
    choice = cfg.gateway.backend
    names = {b.name for b in cfg.backends}
    if choice not in ("local", "speculative", "auto", "router", *names):
        raise ConfigError(f"gateway.backend {choice!r}: use local, speculative, auto, router or one of "
                          f"{sorted(names)}")
    local = LocalBackend(name="local")
    policy = cfg.privacy.get("policy")
    for b in cfg.backends:  # every remote path goes through the privacy gate
        gw.add(PrivateBackend(UpstreamBackend(b), lambda: local if local.ready() else None, policy),
               default=(choice == b.name))

    def load(g: Gateway) -> None:
        from edgewise.engine import load_engine

        local.engine = load_engine(cfg.model, cfg.engine, progress=False)
        g.add(local, default=(choice == "local"))
        if choice in ("speculative", "auto", "router"):
            from edgewise.edge import modes

            g.add(modes.for_gateway(cfg, choice, local, g), default=True)

    gw.load_async(load)
    return gw
