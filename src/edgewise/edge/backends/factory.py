"""Build the backend a CLI command or the gateway asks for, from config."""
from __future__ import annotations

from edgewise.config import Config, ConfigError

MODES = ("local", "remote", "speculative", "auto")


def local_backend(cfg: Config, model: str | None = None, progress: bool = True):
    from edgewise.edge.backends.local import LocalBackend
    from edgewise.engine import load_engine

    return LocalBackend(load_engine(model or cfg.model, cfg.engine, progress=progress))


def build(cfg: Config, mode: str = "local", model: str | None = None, progress: bool = True, **opts):
    """``mode`` picks what answers: the local engine, the remote node, or both together."""
    if mode == "local":
        return local_backend(cfg, model, progress)
    if mode not in MODES:
        raise ConfigError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    from edgewise.edge import modes

    return modes.build(cfg, mode, model, progress=progress, **opts)
