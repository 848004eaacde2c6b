"""Split inference over a latency proxy: plain llama.cpp RPC, the edgewise
tunnel (TLS + token), the U-shape, and the whole model locally.

The edge's model worker is pinned to core 0; the node (rpc-server), the
latency proxy (standing in for the network) and the tunnel client to core 1;
one compute thread each.  Every configuration has its own node and worker,
loaded once; runs are interleaved (config x RTT x repetition) and the
median is reported, because other jobs may share the machine.  Reports
tok/s, round trips per token (slope of ms/token over RTT, and the tunnel's
request/reply turns), bytes per generated token each way, tunnel overhead
against plain RPC at the same RTT, edge memory, whether the tokens equal
the local run with the same (generic) kernels; and, in an untimed run,
which ggml RPC commands the upstream bytes belong to.

    .venv/bin/python bench/split.py [--model qwen2.5-coder-1.5b] [--rtts 0,20,50,100] [--tokens 24] [--reps 3]
"""
from __future__ import annotations

import argparse
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.common import machine, table, write  # noqa: E402

TOKEN = "bench-token"
PROMPT = "Write a Python function that checks whether a number is prime."
EDGE_CPUS, NODE_CPUS = {0}, {1}
RPC_CMDS = ["ALLOC_BUFFER", "GET_ALIGNMENT", "GET_MAX_SIZE", "BUFFER_GET_BASE", "FREE_BUFFER", "BUFFER_CLEAR",
            "SET_TENSOR", "SET_TENSOR_HASH", "GET_TENSOR", "COPY_TENSOR", "GRAPH_COMPUTE", "GET_DEVICE_MEMORY",
            "INIT_TENSOR", "GET_ALLOC_SIZE", "HELLO", "DEVICE_COUNT", "GRAPH_RECOMPUTE", "MEMSET_TENSOR"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, plain: bool, cache: str) -> subprocess.Popen:
    env = dict(os.environ, EDGEWISE_TOKEN=TOKEN, EDGEWISE_THREADS="1")
    args = ["taskset", "-c", ",".join(map(str, NODE_CPUS)), sys.executable, "-m", "edgewise.split", "rpc-server",
            "--port", str(port), "--cache-dir", cache] + (["--plain"] if plain else [])
    from edgewise.split.proc import child_setup

    p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, 
                         preexec_fn=lambda: child_setup(die_with_parent=True))
    from edgewise.split.ggml import wait_listening

    wait_listening("127.0.0.1", port, timeout=60)
    return p


class Run:
    """A model worker driven token by token (the SplitBackend's worker, without recovery)."""

    def __init__(self, path: str, n_layers: int, endpoint: str | None, remote: int = 0, tail: int = 0,
                 repack: bool = False):
        from edgewise.split.proc import WorkerProc

        opts = {"n_ctx": 1024, "n_threads": 1, "n_batch": 512, "flash_attn": False, "use_mmap": True,
                "use_mlock": False, "cache_type_k": "f16", "cache_type_v": "f16"}
        self.w = WorkerProc(cpus=EDGE_CPUS)
        msg = {"op": "load", "path": path, "opts": opts, "repack": repack}
        if endpoint:
            msg.update(endpoint=endpoint, n_layers=n_layers, remote=remote, tail=tail)
        t = time.perf_counter()
        self.load = self.w.call(msg, timeout=900)
        self.load_s = time.perf_counter() - t

    def generate(self, prompt: list[int], n: int, mark=lambda: None) -> tuple[list[int], float]:
        """(tokens, ms per token after the first); ``mark`` runs once the prompt is done."""
        out = self.w.call({"op": "start", "prompt": prompt, "replay": [], "params": {"temperature": 0.0},
                           "rng": None, "reuse": False}, 600)
        toks = [out["tok"]]
        mark()
        t = time.perf_counter()
        for _ in range(n - 1):
            toks.append(self.w.call({"op": "next", "tok": toks[-1]}, 600)["tok"])
        return toks, (time.perf_counter() - t) * 1000 / (n - 1)

    def close(self) -> dict:
        mem = self.w.call({"op": "stats"}, 30)
        self.w.close()
        return mem


class Tap:
    """Loopback forwarder that parses the client->server ggml RPC stream
    ([cmd u8][size u64][payload]) and tallies bytes per command."""

    def __init__(self, target: int):
        self.target, self.by_cmd, self.count, self.tensors, self.down = target, {}, {}, {}, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.paused = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            c, _ = self.sock.accept()
            s = socket.create_connection(("127.0.0.1", self.target))
            for x in (c, s):
                x.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._up, args=(c, s), daemon=True).start()
            threading.Thread(target=self._down, args=(s, c), daemon=True).start()

    @staticmethod
    def _close(*socks):
        for x in socks:
            try:
                x.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            x.close()

    def _up(self, src, dst):
        buf = b""
        while data := _recv(src):
            dst.sendall(data)
            buf += data
            while len(buf) >= 9:
                cmd, size = buf[0], struct.unpack("<Q", buf[1:9])[0]
                if len(buf) < 9 + size:
                    break
                if not self.paused:
                    self._tally(cmd, buf[9:9 + size])
                buf = buf[9 + size:]
        self._close(src, dst)  # ggml serves one client at a time: the next one waits for this close

    def _tally(self, cmd: int, payload: bytes) -> None:
        name = RPC_CMDS[cmd] if cmd < len(RPC_CMDS) else str(cmd)
        self.by_cmd[name] = self.by_cmd.get(name, 0) + 9 + len(payload)
        self.count[name] = self.count.get(name, 0) + 1
        if name == "SET_TENSOR":  # | rpc_tensor (296 B, name at 228) | cache flag | offset | data |
            tensor = payload[228:292].split(b"\0", 1)[0].decode(errors="replace")
            self.tensors[tensor] = self.tensors.get(tensor, 0) + len(payload) - 305

    def _down(self, src, dst):
        while data := _recv(src):
            dst.sendall(data)
            if not self.paused:
                self.down += len(data)
        self._close(src, dst)


def _recv(s) -> bytes:
    try:
        return s.recv(1 << 20)
    except OSError:
        return b""


def wire_breakdown(path, n_layers, plain_port, remote, prompt, n) -> dict:
    """Steady-state traffic per generated token, by RPC command and by tensor set."""
    tap = Tap(plain_port)
    r = Run(path, n_layers, f"127.0.0.1:{tap.port}", remote, 0)
    tok = r.w.call({"op": "start", "prompt": prompt, "replay": [], "params": {"temperature": 0.0}, "rng": None},
                   600)["tok"]
    for i in range(n + 2):
        tap.paused = i < 2  # the first decode graphs differ from the steady state
        tok = r.w.call({"op": "next", "tok": tok}, 600)["tok"]
    tap.paused = True
    r.close()
    return {"tokens": n, "up_by_command_per_token": {k: round(v / n, 1) for k, v in sorted(tap.by_cmd.items())},
            "messages_per_token": {k: round(v / n, 2) for k, v in sorted(tap.count.items())},
            "set_tensor_data_per_token": {k: round(v / n, 1) for k, v in sorted(tap.tensors.items())},
            "down_per_token": round(tap.down / n, 1)}


def measure(name: str, run: Run, proxy, rtt: int, prompt, n, stats=None) -> dict:
    """One run at one RTT: tok/s, and bytes and turns per generated token (prompt excluded)."""
    if proxy:
        proxy.delay = rtt / 2000
    snap = {}

    def mark():
        snap["b"] = dict(proxy.bytes) if proxy else None
        snap["t"] = stats.snapshot() if stats else None

    toks, ms = run.generate(prompt, n, mark)
    row = {"config": name, "rtt_ms": rtt, "ms_per_token": ms, "tokens": toks}
    if proxy:
        row["up_bytes_per_token"] = round((proxy.bytes["up"] - snap["b"]["up"]) / (n - 1))
        row["down_bytes_per_token"] = round((proxy.bytes["down"] - snap["b"]["down"]) / (n - 1))
    if stats:
        row["turns_per_token"] = round((stats.snapshot()["turns"] - snap["t"]["turns"]) / (n - 1), 2)
    return row


def median_rows(runs: list[dict]) -> list[dict]:
    """One row per (config, RTT): the median ms/token over repetitions."""
    out = []
    for key in dict.fromkeys((r["config"], r["rtt_ms"]) for r in runs):
        pts = [r for r in runs if (r["config"], r["rtt_ms"]) == key]
        ms = float(np.median([r["ms_per_token"] for r in pts]))
        row = {**pts[0], "ms_per_token": round(ms, 1), "tok_s": round(1000 / ms, 2), "reps": len(pts),
               "spread_ms": round(max(r["ms_per_token"] for r in pts) - min(r["ms_per_token"] for r in pts), 1),
               "same_tokens": all(r["tokens"] == pts[0]["tokens"] for r in pts)}
        row["tokens"] = pts[0]["tokens"]
        out.append(row)
    return out


def slope(rows) -> float:
    """Effective round trips per token: d(ms/token)/d(RTT)."""
    x = np.array([r["rtt_ms"] for r in rows])
    y = np.array([r["ms_per_token"] for r in rows])
    return float(np.polyfit(x, y, 1)[0]) if len(set(x)) > 1 else float("nan")


def plot(rows, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2))
    xs = sorted({r["rtt_ms"] for r in rows})
    for cfg in dict.fromkeys(r["config"] for r in rows):
        pts = [r for r in rows if r["config"] == cfg]
        if cfg.startswith("local"):  # no network: a flat line for reference
            ax.plot([xs[0], xs[-1]], [pts[0]["tok_s"]] * 2, linestyle="--", label=cfg)
        else:
            ax.plot([r["rtt_ms"] for r in pts], [r["tok_s"] for r in pts], marker="o", label=cfg)
    ax.set_xlabel("round-trip time (ms)")
    ax.set_ylabel("tokens / s")
    ax.set_title(title, fontsize=9)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    if os.environ.get("SPLIT_BENCH_DEBUG"):
        import faulthandler

        faulthandler.dump_traceback_later(float(os.environ["SPLIT_BENCH_DEBUG"]), exit=True)
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="qwen2.5-coder-1.5b")
    ap.add_argument("--rtts", default="0,20,50,100")
    ap.add_argument("--tokens", type=int, default=24)
    ap.add_argument("--head", type=int, default=4, help="local layers before the remote block")
    ap.add_argument("--tail", type=int, default=4, help="local tail for the U-shape")
    ap.add_argument("--reps", type=int, default=3, help="interleaved repetitions (the median is reported)")
    a = ap.parse_args()
    rtts = [int(x) for x in a.rtts.split(",")]

    tmp = tempfile.mkdtemp(prefix="ew-split-bench-")
    os.environ.update(XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data")  # throwaway pins and cert
    os.sched_setaffinity(0, NODE_CPUS)  # proxy ("the network") and tunnel client off the edge's compute core
    from edgewise.engine.chat import chat_tokens
    from edgewise.engine.llama import Engine, EngineOptions
    from edgewise.net.proxy import LatencyProxy
    from edgewise.split.gguf import model_info
    from edgewise.split.tunnel import TunnelClient
    from edgewise.store import resolve

    path = str(resolve(a.model))
    L = model_info(path).n_layers
    voc = Engine(path, EngineOptions(n_ctx=512), vocab_only=True)
    prompt = chat_tokens(voc, [{"role": "user", "content": PROMPT}])
    info = {"machine": machine(), "model": a.model, "n_layers": L, "tokens": a.tokens,
            "layout": {"split": f"local 0-{a.head - 1}, remote {a.head}-{L - 1}, LM head local",
                       "u-shape": f"local 0-{a.head - 1}, remote {a.head}-{L - a.tail - 1}, local {L - a.tail}-{L - 1}"
                                  f" + LM head"},
            "pinning": "edge worker core 0; node, latency proxy and tunnel client core 1; 1 compute thread each",
            "loadavg_start": os.getloadavg(), "reps": a.reps}
    cache = f"{tmp}/cache"
    # one node per configuration (ggml serves one client at a time), all loaded, runs interleaved
    configs = [("plain", True, 0), ("tunnel", False, 0), ("u-shape", False, a.tail)]
    ports = {name: free_port() for name, _, _ in configs}
    servers = [start_server(ports[name], plain, cache) for name, plain, _ in configs]
    runs, mem, loads, extra, live = [], {}, {}, {}, {}
    try:
        print("loading: local (repacked and generic kernels), then one split worker per configuration", flush=True)
        live["local"] = (Run(path, L, None, repack=True), None, None)  # what `edgewise run` does
        live["local-generic"] = (Run(path, L, None), None, None)  # the split's kernels: the exactness reference
        for name, plain, tail in configs:
            proxy = LatencyProxy("127.0.0.1", ports[name]).start()
            client = None if plain else TunnelClient(f"127.0.0.1:{proxy.port}", TOKEN).start()
            ep = client.endpoint if client else f"127.0.0.1:{proxy.port}"
            live[name] = (Run(path, L, ep, L - a.head - tail, tail), proxy, client)
        for name, (r, _, _) in live.items():
            loads[name] = r.load_s
            r.generate(prompt, 4)  # warm-up: first graphs, allocations, page faults
        for rep in range(a.reps):
            for rtt in rtts:
                for name, (r, proxy, client) in live.items():
                    if name.startswith("local") and rtt != rtts[0]:
                        continue
                    runs.append(measure(name, r, proxy, rtt, prompt, a.tokens, client.stats if client else None))
                    print(f"  rep {rep} {name:>8} RTT {rtt:>3} ms: {1000 / runs[-1]['ms_per_token']:6.2f} tok/s",
                          flush=True)
        for name, (r, proxy, client) in live.items():
            mem[name] = r.close()
            if proxy:
                proxy.stop()
        print("wire breakdown (plain RPC, untimed) ...", flush=True)
        extra = wire_breakdown(path, L, ports["plain"], L - a.head, prompt, 32)
    finally:
        for s in servers:
            s.kill()
    rows = median_rows(runs)
    ref = next(r for r in rows if r["config"] == "local-generic")["tokens"]
    for row in rows:
        row["same_tokens"] = row["same_tokens"] and row.pop("tokens") == ref
    summary = []
    for cfg in dict.fromkeys(r["config"] for r in rows):
        pts = [r for r in rows if r["config"] == cfg]
        rt = round(slope(pts), 2) if len(pts) > 1 else None
        summary.append({"config": cfg, "round_trips_per_token": rt, "load_s": round(loads[cfg], 1),
                        "edge_rss_mb": round(mem[cfg]["rss"] / 1e6), "edge_anon_mb": round(mem[cfg]["rss_anon"] / 1e6)})
    for row in rows:
        base = next((p for p in rows if p["config"] == "plain" and p["rtt_ms"] == row["rtt_ms"]), None)
        if base and row["config"] == "tunnel":
            row["tunnel_overhead_pct"] = round(100 * (1 - row["tok_s"] / base["tok_s"]), 1)
    info.update(loadavg_end=os.getloadavg(), rows=rows, summary=summary, wire=extra, load_s=loads)
    cols = ["config", "rtt_ms", "tok_s", "ms_per_token", "spread_ms", "up_bytes_per_token", "down_bytes_per_token",
            "turns_per_token", "tunnel_overhead_pct", "same_tokens"]
    print(table(rows, cols))
    print(table(summary, ["config", "round_trips_per_token", "load_s", "edge_rss_mb", "edge_anon_mb"]))
    for k in ("up_by_command_per_token", "messages_per_token", "set_tensor_data_per_token", "down_per_token"):
        print(f"{k}: {extra.get(k)}")
    out = write("split", info)
    replot(out)


def replot(out: Path) -> None:
    import json

    info = json.loads(out.read_text())
    m = info["machine"]
    plot(info["rows"], out.with_suffix(".png"),
         f"split inference, {info['model']}, {m['cpu']} x{m['cores']}, node/edge 1 core each, "
         f"load {info['loadavg_start'][0]:.1f} ({m['date'][:10]})")
    print(f"wrote {out} and {out.with_suffix('.png')}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--replot"]:
        replot(Path(__file__).resolve().parent / "results" / "split.json")
    else:
        main()
