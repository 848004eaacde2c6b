"""One configuration for every edgewise command.

Precedence, lowest to highest: built-in defaults < YAML file < environment
variables < command-line flags.  The file lives at
``$XDG_CONFIG_HOME/edgewise/config.yaml`` (``--config`` or ``EDGEWISE_CONFIG``
override it).  Secrets (tokens, API keys) come from the environment or the
file, never only from flags, because ``ps`` shows flags.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_MODEL = "qwen2.5-coder-0.5b"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


class ConfigError(ValueError):
    """A config file or value that cannot be used; the message says why."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EngineConfig(_Section):
    n_ctx: int = 4096
    n_threads: int | None = None  # None: all cores
    n_batch: int = 512
    flash_attn: bool = False
    use_mmap: bool = True
    use_mlock: bool = False
    cache_type_k: str = "f16"  # f16 | q8_0 | q4_0 (llama.cpp KV cache types)
    cache_type_v: str = "f16"


class GatewayConfig(_Section):
    host: str = "127.0.0.1"
    port: int = 8000
    api_key: str | None = None  # or EDGEWISE_API_KEY
    backend: str = "local"  # local | speculative | auto | router | a backends[] name
    max_queue: int = 64


class BackendConfig(_Section):
    """A generic OpenAI-compatible upstream (the cloud tier, another node)."""

    name: str
    url: str  # http[s]://host:port[/v1]
    model: str = "edgewise"
    api_key: str | None = None
    api_key_env: str | None = None  # read the key from this env var
    timeout_s: float = 120.0

    def key(self) -> str | None:
        if self.api_key_env and os.environ.get(self.api_key_env):
            return os.environ[self.api_key_env]
        return self.api_key


class ServerConfig(_Section):
    host: str = "127.0.0.1"
    port: int = 8765
    model: str = "qwen2.5-coder-1.5b"
    token: str | None = None  # or EDGEWISE_TOKEN
    # auto mode: the target model (a registry name or GGUF path) to run on this
    # machine when the planner measures it faster than the node; None: never
    local_target: str | None = None
    tls: bool = False
    max_sessions: int = 4
    session_ttl_s: float = 300.0
    max_draft: int = 16


class RemoteConfig(_Section):
    """The edgewise node this edge pairs with (speculative, remote modes)."""

    url: str | None = None  # http[s]://host:port
    token: str | None = None  # or EDGEWISE_TOKEN


class Config(_Section):
    model: str = DEFAULT_MODEL
    engine: EngineConfig = Field(default_factory=EngineConfig)
    gateway: GatewayConfig = Field(default_factory=GatewayConfig)
    server: ServerConfig = Field(default_factory=ServerConfig)
    remote: RemoteConfig = Field(default_factory=RemoteConfig)
    backends: list[BackendConfig] = Field(default_factory=list)
    router: dict[str, Any] = Field(default_factory=dict)
    privacy: dict[str, Any] = Field(default_factory=dict)
    prices: dict[str, Any] = Field(default_factory=dict)
    path: str | None = None  # where it was read from

    def backend(self, name: str) -> BackendConfig:
        for b in self.backends:
            if b.name == name:
                return b
        raise ConfigError(f"no backend named {name!r} in config (have: {[b.name for b in self.backends]})")


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(Path.home(), ".config")
    return Path(base) / "edgewise"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "edgewise"


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "edgewise"


def default_config_path() -> Path:
    return config_dir() / "config.yaml"


# Environment variables and the config keys they override.
ENV_KEYS = {
    "EDGEWISE_MODEL": ("model",),
    "EDGEWISE_API_KEY": ("gateway", "api_key"),
    "EDGEWISE_TOKEN": ("server", "token"),
    "EDGEWISE_THREADS": ("engine", "n_threads"),
    "EDGEWISE_CTX": ("engine", "n_ctx"),
    "EDGEWISE_SERVER": ("remote", "url"),
}


def _set(d: dict, keys: tuple[str, ...], value: Any) -> None:
    for k in keys[:-1]:
        if not isinstance(d.get(k), dict):
            d[k] = {}
        d = d[k]
    d[keys[-1]] = value


def load_config(path: str | os.PathLike | None = None, overrides: dict | None = None) -> Config:
    """Read the file (if any), apply env vars, then flag overrides.

    ``overrides`` maps dotted keys ("engine.n_ctx") to values; None values are
    ignored so unset flags do not clobber the file.
    """
    path = path or os.environ.get("EDGEWISE_CONFIG")
    explicit = path is not None
    p = Path(path) if path else default_config_path()
    raw: dict = {}
    if p.exists():
        try:
            raw = yaml.safe_load(p.read_text()) or {}
        except yaml.YAMLError as e:
            raise ConfigError(f"config file {p} is not valid YAML: {e}") from None
        if not isinstance(raw, dict):
            raise ConfigError(f"config file {p} must be a mapping at the top level")
    elif explicit:
        raise ConfigError(f"config file {p} does not exist")
    for env, keys in ENV_KEYS.items():
        if os.environ.get(env):
            _set(raw, keys, os.environ[env])
    # One token serves both sides: the node checks it and the edge sends it.
    if os.environ.get("EDGEWISE_TOKEN"):
        _set(raw, ("remote", "token"), os.environ["EDGEWISE_TOKEN"])
    for dotted, value in (overrides or {}).items():
        if value is not None:
            _set(raw, tuple(dotted.split(".")), value)
    raw["path"] = str(p) if p.exists() else None
    try:
        return Config.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ConfigError(f"config {p}: {where}: {first['msg']}") from None


def require_auth_for_bind(host: str, secret: str | None, what: str) -> None:
    """Auth is optional only on loopback; any other bind needs a key or token."""
    if host not in LOOPBACK_HOSTS and not secret:
        raise ConfigError(
            f"refusing to bind {what} to {host} without a key: set "
            f"{'EDGEWISE_API_KEY' if what == 'gateway' else 'EDGEWISE_TOKEN'} or the config file"
        )
