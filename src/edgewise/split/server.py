"""The node side of split inference: ggml's RPC server behind the tunnel."""
from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from edgewise.config import LOOPBACK_HOSTS, ConfigError, cache_dir, require_auth_for_bind

RISK_FLAG = "--i-know-this-exposes-an-unauthenticated-rpc-server"


@dataclass
class RpcServer:
    host: str
    port: int
    plain: bool
    auth: bool
    fingerprint: str | None
    cache_dir: str | None
    tunnel: object | None = None


def default_cache_dir() -> Path:
    return cache_dir() / "rpc"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def check_bind(host: str, token: str | None, plain: bool, allow_unauthenticated: bool) -> None:
    """Tunnel mode: a token unless loopback.  Plain mode: loopback unless the
    user explicitly accepts that anyone who can connect can use the server."""
    if plain:
        if host not in LOOPBACK_HOSTS and not allow_unauthenticated:
            raise ConfigError(
                f"refusing to expose ggml's raw RPC server on {host}: it has no authentication and no "
                f"encryption, and anyone who reaches it can run code paths on this machine. Drop --plain to "
                f"serve it through the TLS + token tunnel, or pass {RISK_FLAG}")
        return
    require_auth_for_bind(host, token, "rpc server")


def start(host: str, port: int, token: str | None, cache: str | None = None, threads: int = 0,
          plain: bool = False, allow_unauthenticated: bool = False, log=lambda msg: None) -> RpcServer:
    """Start ggml (and the tunnel unless ``plain``); returns once listening.

    ggml serves one client at a time; a second edge waits until the first
    disconnects.  ``cache`` keeps weights ggml received (tensors over 10 MB,
    ggml's threshold) so a restart of the edge does not resend them.
    """
    import os

    from edgewise.split import ggml

    check_bind(host, token, plain, allow_unauthenticated)
    threads = threads or os.cpu_count() or 1
    if cache:
        Path(cache).mkdir(parents=True, exist_ok=True)
    if plain:
        ggml.start_rpc_server(host, port, threads, cache)
        return RpcServer(host, port, True, False, None, cache)
    from edgewise.net.tls import fingerprint, node_cert
    from edgewise.split.tunnel import TunnelServer

    inner = free_port()
    ggml.start_rpc_server("127.0.0.1", inner, threads, cache)
    cert, key = node_cert(host)
    tunnel = TunnelServer(host, port, inner, token, str(cert), str(key), log=log).start()
    return RpcServer(host, tunnel.port, False, bool(token), fingerprint(cert.read_bytes()), cache, tunnel)


def serve_forever() -> None:
    threading.Event().wait()
