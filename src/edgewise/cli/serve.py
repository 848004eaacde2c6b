"""`edgewise serve`: the remote node (target model, OpenAI API, speculative sessions)."""
from __future__ import annotations

import typer

from edgewise.cli.common import err, load, user_errors


def serve(
    model: str = typer.Option(None, "--model", "-m", help="Target model (default from config: qwen2.5-coder-1.5b)."),
    host: str = typer.Option(None, help="Bind address (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default 8765)."),
    tls: bool = typer.Option(None, "--tls/--no-tls", help="Serve https with the node's self-signed certificate."),
    max_sessions: int = typer.Option(None, "--max-sessions"),
    config: str = typer.Option(None, "--config"),
):
    """Hold the target model and serve /v1 plus the speculative session protocol.

    The token comes from EDGEWISE_TOKEN or the config (server.token), never a flag.
    """
    import uvicorn

    from edgewise.config import require_auth_for_bind
    from edgewise.server.node import build_node, create_node_app

    with user_errors():
        cfg = load(config, **{"server.model": model, "server.host": host, "server.port": port, "server.tls": tls,
                              "server.max_sessions": max_sessions})
        s = cfg.server
        require_auth_for_bind(s.host, s.token, "node")
        node = build_node(cfg, s.model, s.token, progress=True)
        ssl = {}
        if s.tls:
            from edgewise.net.tls import fingerprint, node_cert

            cert, key = node_cert(s.host)
            ssl = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
            err.print(f"certificate {fingerprint(cert.read_bytes())}")
    scheme = "https" if s.tls else "http"
    err.print(f"edgewise node {node.target.name} on {scheme}://{s.host}:{s.port} "
              f"(auth {'on' if s.token else 'off: loopback only'})")
    uvicorn.run(create_node_app(node), host=s.host, port=s.port, log_level="warning", ws="websockets-sansio", **ssl)
