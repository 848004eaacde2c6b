"""Build the backend a CLI command or the gateway asks for, from config."""
from __future__ import annotations

from edgewise.config import Config, ConfigError

MODES = ("local", "remote", "speculative", "auto")


def local_backend(cfg: Config, model: str | None = None, progress: bool = True):
    from edgewise.edge.backends.local import LocalBackend
    from edgewise.engine import load_engine

    return LocalBackend(load_engine(model or cfg.model, cfg.engine, progress=progress))


def build(cfg: Config, mode: str = "local", model: str | None = None, progress: bool = True, rpc: str | None = None,
          remote_layers: int | None = None, local_tail: int = 0, **opts):
    """``mode`` picks what answers: the local engine, the remote node, or both together.
    ``rpc`` switches to split inference (layers on a remote ggml RPC server)."""
    if rpc:
        return split_backend(cfg, model, rpc, remote_layers, local_tail)
    if mode == "local":
        return local_backend(cfg, model, progress)
    if mode not in MODES:
        raise ConfigError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    from edgewise.edge import modes

    return modes.build(cfg, mode, model, progress=progress, **opts)


def split_backend(cfg: Config, model: str | None, rpc: str, remote_layers: int | None, local_tail: int):
    """Split inference behind the privacy gate: hidden states leave the laptop, so a
    sensitive prompt runs on the local model instead."""
    from edgewise.edge.backends.local import LocalBackend
    from edgewise.edge.privacy_gate import PrivateBackend
    from edgewise.engine import load_engine
    from edgewise.split.backend import SplitBackend

    if remote_layers is None:
        raise ConfigError("--rpc needs --remote-layers N (see `edgewise plan` for a recommendation)")
    name = model or cfg.model
    holder = {}

    def local():
        if "b" not in holder:
            holder["b"] = LocalBackend(load_engine(name, cfg.engine, progress=False))
        return holder["b"]
    return PrivateBackend(SplitBackend(cfg, name, rpc, remote_layers, local_tail), local,
                          cfg.privacy.get("policy"))
