"""`edgewise rpc-server`, `edgewise plan`, `edgewise audit`: split inference.

Only results go to stdout (plan and audit tables); diagnostics go to stderr.
"""
from __future__ import annotations

import typer

from edgewise.cli.common import err, fail, load, user_errors

RISK_FLAG = "--i-know-this-exposes-an-unauthenticated-rpc-server"


def _log(msg: str) -> None:
    err.print(f"[dim]{msg}[/]")


def rpc_server(
    host: str = typer.Option("127.0.0.1", help="Bind address of the tunnel (or of ggml itself with --plain)."),
    port: int = typer.Option(50052, help="Port."),
    cache_dir: str = typer.Option(None, "--cache-dir",
                                  help="Keep received weights here so edges need not resend them "
                                       "(default: the edgewise cache folder /rpc; 'none' disables)."),
    threads: int = typer.Option(None, "--threads", help="CPU threads for the layers (default: all cores)."),
    plain: bool = typer.Option(False, "--plain", help="Serve ggml's raw RPC protocol: no TLS, no token."),
    allow_unauthenticated: bool = typer.Option(False, RISK_FLAG,
                                               help="Allow --plain on a non-loopback address."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log connections."),
    config: str = typer.Option(None, "--config"),
):
    """Run layers for split inference: ggml's RPC server behind a TLS + token tunnel.

    The token comes from EDGEWISE_TOKEN or the config (server.token), never a flag.
    """
    from edgewise.split import server

    with user_errors():
        cfg = load(config)
        token = cfg.server.token
        cache = None if (cache_dir or "").lower() == "none" else (cache_dir or str(server.default_cache_dir()))
        if not verbose:
            from edgewise.split.ggml import quiet_stdout

            quiet_stdout()  # ggml printf()s every connection
        log = (lambda m: err.print(f"[dim]{m}[/]")) if verbose else (lambda m: None)
        s = server.start(host, port, token, cache, threads or cfg.engine.n_threads or 0, plain,
                         allow_unauthenticated, log)
    if s.plain:
        err.print(f"[yellow]ggml RPC server (plain: no TLS, no token) on {s.host}:{s.port}[/]")
    else:
        err.print(f"edgewise rpc server on {s.host}:{s.port} (TLS, auth {'on' if s.auth else 'off: loopback only'})")
        if not s.auth:
            err.print("[yellow]no token: do not forward this port (ssh -R, frp, ngrok) "
                      "without setting EDGEWISE_TOKEN[/]")
        err.print(f"certificate {s.fingerprint}", soft_wrap=True)
    err.print(f"weight cache: {s.cache_dir or 'off'}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        raise typer.Exit(0)


def plan(
    model: str = typer.Option(None, "--model", "-m", help="Model to plan for (default from config)."),
    rpc: str = typer.Option(..., "--rpc", help="HOST:PORT of the edgewise rpc server."),
    remote_layers: int = typer.Option(None, "--remote-layers",
                                      help="Layers to load remotely for the measurement (default: all)."),
    target_tps: float = typer.Option(None, "--target-tps", help="Keep as many layers local as this speed allows."),
    mem_cap_mb: float = typer.Option(None, "--mem-cap-mb", help="Edge memory budget for the model, MB."),
    tokens: int = typer.Option(16, "--tokens", help="Tokens to time per measurement."),
    config: str = typer.Option(None, "--config"),
):
    """Measure this machine, the link and the node; recommend how many layers to keep local."""
    from edgewise.split import plan as planner

    if target_tps is not None and target_tps <= 0:
        fail("--target-tps must be positive")
    with user_errors():
        cfg = load(config)
        m = planner.measure(cfg, model or cfg.model, rpc, remote_layers, tokens, log=_log)
        typer.echo(planner.report(m, target_tps, mem_cap_mb))


def audit(
    model: str = typer.Option(None, "--model", "-m", help="Model whose hidden states to attack."),
    remote_layers: int = typer.Option(..., "--remote-layers", help="Layers the server would run."),
    local_tail: int = typer.Option(0, "--local-tail", help="Last layers kept local (U-shape)."),
    sweep: bool = typer.Option(False, "--sweep", help="Attack a range of split depths, not just this one."),
    text: str = typer.Option(None, "--text", help="File with the text to test (default: a built-in sample)."),
    max_tokens: int = typer.Option(64, "--max-tokens", help="Tokens of the text to attack."),
    shortlist: int = typer.Option(32, "--shortlist", help="Candidates per position for exact matching."),
    probe_tokens: int = typer.Option(2048, "--probe-tokens", help="Public-text tokens to fit the linear probes."),
    json_out: str = typer.Option(None, "--json", help="Also write the results to this JSON file."),
    config: str = typer.Option(None, "--config"),
):
    """What a server holding the public weights recovers from the hidden states it receives."""
    from edgewise.split import audit as auditor

    with user_errors():
        cfg = load(config)
        sample = open(text, encoding="utf-8").read() if text else auditor.SAMPLE_TEXT
        res = auditor.run(model or cfg.model, remote_layers, local_tail, sample, sweep=sweep, max_tokens=max_tokens,
                          shortlist=shortlist, threads=cfg.engine.n_threads, probe_tokens=probe_tokens, log=_log)
        typer.echo(auditor.report(res))
        if json_out:
            import json

            with open(json_out, "w") as f:
                json.dump(res, f, indent=2)
