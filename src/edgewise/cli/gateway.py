"""`edgewise gateway`: the OpenAI-compatible HTTP server on the laptop."""
from __future__ import annotations

import typer

from edgewise.cli.common import err, load, user_errors


def gateway(
    host: str = typer.Option(None, help="Bind address (default from config: 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default from config: 8000)."),
    model: str = typer.Option(None, "--model", "-m", help="Local model to serve."),
    backend: str = typer.Option(None, help="What answers 'edgewise': local | <upstream name> | speculative | router."),
    threads: int = typer.Option(None, "--threads", help="Engine threads."),
    ctx: int = typer.Option(None, "--ctx", help="Context size."),
    config: str = typer.Option(None, "--config", help="Config file."),
):
    """Serve /v1/chat/completions, /v1/models, /health and /metrics."""
    import uvicorn

    from edgewise.config import require_auth_for_bind
    from edgewise.edge.gateway.app import create_app
    from edgewise.edge.gateway.setup import build_gateway

    with user_errors():
        cfg = load(config, **{"gateway.host": host, "gateway.port": port, "model": model, "gateway.backend": backend,
                                   "engine.n_threads": threads, "engine.n_ctx": ctx})
        require_auth_for_bind(cfg.gateway.host, cfg.gateway.api_key, "gateway")
        gw = build_gateway(cfg)
    err.print(f"edgewise gateway on http://{cfg.gateway.host}:{cfg.gateway.port} (backend: {cfg.gateway.backend})")
    uvicorn.run(create_app(gw), host=cfg.gateway.host, port=cfg.gateway.port, log_level="warning")
