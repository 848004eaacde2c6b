"""`edgewise plan`: measure, then recommend how many layers to keep local.

Measurements (all real): the local model's ms per token on this CPU, the
link's RTT and bandwidth through the tunnel (echo mode, ggml untouched),
and one split run with N remote layers for the node's ms per layer and
the bytes and round trips per token.  Per-layer local time is the local
token time shared by weight bytes (CPU decoding reads every weight once
per token, so time follows bytes).
"""
from __future__ import annotations

import statistics
import threading
import time
from dataclasses import asdict

from edgewise.split.plan_math import Costs, breakdown, recommend

PROMPT = "Write a Python function that parses an ISO 8601 date and returns the weekday."


def link(rpc: str, token: str | None, pings: int = 20, payload: int = 4 << 20) -> tuple[float, float]:
    """(RTT ms, bandwidth Mbit/s) through the tunnel's echo mode."""
    from edgewise.split.tunnel import ECHO, TunnelClient

    s = TunnelClient(rpc, token).connect(ECHO)
    try:
        rtts = []
        for _ in range(pings):
            t = time.perf_counter()
            s.sendall(b"x" * 64)
            _read(s, 64)
            rtts.append((time.perf_counter() - t) * 1000)
        rtt = statistics.median(rtts)
        data = bytes(payload)
        t = time.perf_counter()
        threading.Thread(target=s.sendall, args=(data,), daemon=True).start()
        _read(s, payload)
        secs = max(time.perf_counter() - t - rtt / 1000, 1e-6)
    finally:
        s.close()
    return rtt, payload * 8 / secs / 1e6


def _read(s, n: int) -> None:
    got = 0
    while got < n:
        chunk = s.recv(min(1 << 20, n - got))
        if not chunk:
            raise ConnectionError("echo closed early")
        got += len(chunk)


def _rss() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def mem_available_mb() -> float:
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    return 0.0


def local_ms_per_token(path: str, opts, tokens: int) -> tuple[float, int]:
    """Whole model on this CPU: (ms per generated token, resident bytes)."""
    from edgewise.engine import Engine

    before = _rss()
    eng = Engine(path, opts)
    try:
        tok = eng.tokenize(PROMPT, add_bos=True)
        logits = eng.prefill(tok)
        t = time.perf_counter()
        for _ in range(tokens):
            logits = eng.eval([int(logits[:eng.vocab_size].argmax())])[0]
        ms = (time.perf_counter() - t) * 1000 / tokens
        return ms, _rss() - before
    finally:
        eng.close()


def split_run(cfg, model: str, rpc: str, remote: int, tokens: int) -> dict:
    """One split load: ms per token, bytes and turns per token, edge memory."""
    from edgewise.edge.gateway.schemas import ChatRequest
    from edgewise.split.backend import SplitBackend

    b = SplitBackend(cfg, model, rpc, remote, 0, progress=False)
    try:
        req = ChatRequest(model="edgewise", messages=[{"role": "user", "content": PROMPT}], max_tokens=tokens + 1,
                          temperature=0.0)
        gen = b.open(req, threading.Event())
        it = iter(gen)
        next(it)  # the prompt is done once the first token is out
        s0, t0 = b.tunnel.stats.snapshot(), time.perf_counter()
        for _ in it:
            pass
        n = max(gen.completion_tokens - 1, 1)
        ms = (time.perf_counter() - t0) * 1000 / n
        s1 = b.tunnel.stats.snapshot()
        mem = b.worker_stats()
    finally:
        b.close()
    return {"ms_per_token": ms, "bytes_per_token": (s1["up"] - s0["up"] + s1["down"] - s0["down"]) / n,
            "up_per_token": (s1["up"] - s0["up"]) / n, "down_per_token": (s1["down"] - s0["down"]) / n,
            "turns_per_token": (s1["turns"] - s0["turns"]) / n, "edge_rss": mem.get("rss", 0)}


def measure(cfg, model: str, rpc: str, remote_layers: int | None = None, tokens: int = 16, log=print) -> dict:
    from edgewise.engine import EngineOptions
    from edgewise.split.gguf import model_info
    from edgewise.store import resolve

    path = str(resolve(model, progress=True))
    info = model_info(path)
    L = info.n_layers
    n = remote_layers or L
    token = cfg.remote.token or cfg.server.token
    log(f"link to {rpc} ...")
    rtt, bw = link(rpc, token)
    log(f"RTT {rtt:.1f} ms, {bw:.0f} Mbit/s; local model ...")
    opts = EngineOptions.from_config(cfg.engine)
    local_ms, local_rss = local_ms_per_token(path, opts, tokens)
    log(f"local {local_ms:.1f} ms/token; split with {n} remote layers (loads the node) ...")
    sp = split_run(cfg, model, rpc, n, tokens)
    layers = sum(info.layer_bytes(i) for i in range(L))
    per_byte = local_ms / (layers + info.output_bytes)
    lms, fixed = per_byte * layers / L, per_byte * info.output_bytes
    wire = sp["turns_per_token"] * rtt + sp["bytes_per_token"] * 8 / (bw * 1e6) * 1000
    local_part = (L - n) * lms + fixed
    rms = max(0.0, (sp["ms_per_token"] - local_part - wire) / n)
    kv = info.tensors["blk.0.attn_k.weight"].shape[-1] * opts.n_ctx * 2 * 2  # K and V, f16
    embd = info.tensors["token_embd.weight"].nbytes
    outs = info.output_bytes if info.output_name != "token_embd.weight" else info.tensors["output_norm.weight"].nbytes
    runtime = max(0, local_rss - info.total_bytes - L * kv)
    return {"model": model, "rpc": rpc, "n_layers": L, "remote_layers_measured": n, "rtt_ms": rtt,
            "bandwidth_mbps": bw, "local_ms_per_token": local_ms, "local_ms_per_layer": lms, "local_fixed_ms": fixed,
            "split": sp, "remote_ms_per_layer": rms, "layer_mb": layers / L / 1e6, "kv_mb_per_layer": kv / 1e6,
            "fixed_mb": (embd + outs + runtime) / 1e6, "local_rss_mb": local_rss / 1e6,
            "mem_available_mb": mem_available_mb()}


def costs(m: dict) -> Costs:
    return Costs(n_layers=m["n_layers"], local_ms_per_layer=m["local_ms_per_layer"],
                 remote_ms_per_layer=m["remote_ms_per_layer"], local_fixed_ms=m["local_fixed_ms"],
                 rtt_ms=m["rtt_ms"], bandwidth_mbps=m["bandwidth_mbps"],
                 bytes_per_token=m["split"]["bytes_per_token"], round_trips=m["split"]["turns_per_token"],
                 layer_mb=m["layer_mb"], kv_mb_per_layer=m["kv_mb_per_layer"], fixed_mb=m["fixed_mb"])


def report(m: dict, target_tps: float | None = None, mem_cap_mb: float | None = None) -> str:
    c = costs(m)
    L, sp = m["n_layers"], m["split"]
    r = recommend(c, target_tps, mem_cap_mb)
    lines = [
        f"model {m['model']}: {L} layers, {m['layer_mb']:.1f} MB/layer (+{m['kv_mb_per_layer']:.1f} MB KV), "
        f"{m['fixed_mb']:.0f} MB fixed",
        f"edge:  {m['local_ms_per_token']:.1f} ms/token whole model = {m['local_ms_per_layer']:.2f} ms/layer + "
        f"{m['local_fixed_ms']:.1f} ms LM head; {m['mem_available_mb']:.0f} MB RAM available",
        f"link:  RTT {m['rtt_ms']:.1f} ms, {m['bandwidth_mbps']:.0f} Mbit/s",
        f"split: {sp['ms_per_token']:.1f} ms/token with {m['remote_layers_measured']} remote layers; "
        f"{sp['bytes_per_token'] / 1024:.1f} KiB and {sp['turns_per_token']:.1f} round trips per token",
        f"node:  {m['remote_ms_per_layer']:.2f} ms/layer (includes ggml RPC protocol overhead)",
        "",
        f"{'local':>5} {'remote':>6} {'local ms':>9} {'wire ms':>8} {'remote ms':>9} {'tok/s':>6} {'edge MB':>8}",
    ]
    shown = sorted({0, 1, 2, 4, L // 4, L // 2, 3 * L // 4, L - 1, L, r.local_layers})
    for k in (k for k in shown if 0 <= k <= L):
        b = breakdown(c, k)
        mark = "  <-" if k == r.local_layers else ""
        lines.append(f"{k:>5} {L - k:>6} {b.local_ms:>9.1f} {b.wire_ms:>8.1f} {b.remote_ms:>9.1f} {b.tps:>6.1f} "
                     f"{b.memory_mb:>8.0f}{mark}")
    lines.append("")
    k = r.local_layers
    verdict = "recommend" if r.feasible else "cannot meet the constraints; closest"
    if k == L:
        lines.append(f"{verdict}: do not split, run the whole model locally ({r.reason})")
    else:
        lines.append(f"{verdict}: keep {k} layers local, {L - k} remote ({r.reason}):")
        lines.append(f"  edgewise run --rpc {m['rpc']} --remote-layers {L - k} PROMPT")
        lines.append("  (--local-tail M keeps the last M of the local layers after the remote block: U-shape)")
    if k == 0:
        lines.append("note: with no local layer first, the node receives the raw token embeddings and reads "
                     "every token; see `edgewise audit` - deeper splits do not hide the text either")
    return "\n".join(lines)


def as_json(m: dict, target_tps=None, mem_cap_mb=None) -> dict:
    r = recommend(costs(m), target_tps, mem_cap_mb)
    return {**m, "recommendation": {"local_layers": r.local_layers, "feasible": r.feasible, "reason": r.reason},
            "table": [asdict(b) for b in r.table]}
