"""`edgewise run` and `edgewise chat`: answer on the terminal.

Only answer text goes to stdout; diagnostics go to stderr, so the output can
be piped.
"""
from __future__ import annotations

import sys
import threading

import typer

from edgewise.cli.common import err, fail, is_tty, load, user_errors


def _request(messages, max_tokens, temperature, seed, top_p=1.0, top_k=0):
    from edgewise.edge.gateway.schemas import ChatRequest

    return ChatRequest(model="edgewise", messages=messages, max_tokens=max_tokens, temperature=temperature,
                       seed=seed, top_p=top_p, top_k=top_k)


def _stream(backend, req) -> str:
    """Print the answer as it arrives; returns the whole text."""
    from edgewise.edge.gateway.errors import APIError

    out = []
    try:
        gen = backend.open(req, threading.Event())
        for d in gen:
            if d.text:
                sys.stdout.write(d.text)
                sys.stdout.flush()
                out.append(d.text)
    except APIError as e:
        fail(e.message)
    for line in gen.meta.get("notices", []):
        err.print(f"[yellow]{line}[/]")
    return "".join(out)


def _backend(config, mode, model, server, draft_len, rpc=None, remote_layers=None, local_tail=0, threads=None,
             ctx=None, local_target=None):
    from edgewise.edge.backends.factory import build

    overrides = {"remote.url": server, "engine.n_threads": threads, "engine.n_ctx": ctx,
                 "remote.local_target": local_target}
    cfg = load(config, **overrides)
    return cfg, build(cfg, mode, model, draft_len=draft_len, rpc=rpc, remote_layers=remote_layers,
                      local_tail=local_tail, show_provisional=is_tty())


def run(
    prompt: str = typer.Argument(..., help="The user message."),
    model: str = typer.Option(None, "--model", "-m", help="Local model (the draft in speculative mode)."),
    max_tokens: int = typer.Option(256, "--max-tokens", "-n", min=1),
    temperature: float = typer.Option(0.0, "--temperature", "-t", min=0.0, max=2.0),
    top_p: float = typer.Option(1.0, "--top-p"),
    top_k: int = typer.Option(0, "--top-k"),
    seed: int = typer.Option(None, "--seed"),
    mode: str = typer.Option("local", help="local | remote | speculative | auto"),
    server: str = typer.Option(None, help="Remote node URL http[s]://host:port (or config remote.url)."),
    draft_len: str = typer.Option("auto", "--draft-len", help="Draft tokens per round: N or auto."),
    rpc: str = typer.Option(None, "--rpc", help="Split inference: HOST:PORT of the edgewise rpc tunnel."),
    remote_layers: int = typer.Option(None, "--remote-layers", help="Split: layers run remotely."),
    local_tail: int = typer.Option(0, "--local-tail", help="Split: last layers kept local (U-shape)."),
    threads: int = typer.Option(None, "--threads", help="Engine threads (config engine.n_threads)."),
    ctx: int = typer.Option(None, "--ctx", help="Context size (config engine.n_ctx)."),
    local_target: str = typer.Option(None, "--local-target",
                                     help="auto: the target model, run here when measured faster than the node."),
    config: str = typer.Option(None, "--config", help="Config file."),
):
    """Answer one prompt, streaming only the answer text to stdout."""
    with user_errors():
        _, backend = _backend(config, mode, model, server, draft_len, rpc, remote_layers, local_tail, threads, ctx,
                              local_target)
        _stream(backend, _request([{"role": "user", "content": prompt}], max_tokens, temperature, seed, top_p, top_k))
    sys.stdout.write("\n")


def chat(
    model: str = typer.Option(None, "--model", "-m"),
    max_tokens: int = typer.Option(512, "--max-tokens", "-n", min=1),
    temperature: float = typer.Option(0.7, "--temperature", "-t", min=0.0, max=2.0),
    seed: int = typer.Option(None, "--seed"),
    mode: str = typer.Option("local", help="local | remote | speculative | auto"),
    server: str = typer.Option(None),
    draft_len: str = typer.Option("auto", "--draft-len"),
    system: str = typer.Option(None, help="System prompt."),
    local_target: str = typer.Option(None, "--local-target", help="auto: the target model, run here when faster."),
    config: str = typer.Option(None, "--config"),
):
    """Interactive chat with history.  /reset clears it, /exit or Ctrl-D quits."""
    with user_errors():
        _, backend = _backend(config, mode, model, server, draft_len, local_target=local_target)
        history = [{"role": "system", "content": system}] if system else []
        while True:
            try:
                line = input("> " if sys.stdin.isatty() else "")
            except EOFError:
                break
            if line.strip() in ("/exit", "/quit"):
                break
            if line.strip() == "/reset":
                history = history[:1] if system else []
                continue
            if not line.strip():
                continue
            history.append({"role": "user", "content": line})
            answer = _stream(backend, _request(history, max_tokens, temperature, seed))
            sys.stdout.write("\n")
            history.append({"role": "assistant", "content": answer})
