"""The process that holds the split model.

llama.cpp aborts the whole process (SIGABRT) when an RPC server vanishes
mid-call, so the engine lives here, never in the gateway or CLI process.
The parent drives it one step at a time over a socketpair:

    {"op": "load", ...}            -> {"ok": True, "n_layers": L, "rss": bytes}
    {"op": "start", prompt, replay, params, rng}
                                   -> {"tok": t, "rng": state}   (first new token)
    {"op": "next", "tok": t}       -> {"tok": t, "rng": state}
    {"op": "stats"}                -> {"rss": bytes, "rss_anon": bytes}

``replay`` holds tokens already shown to the user before a restart; the
worker evaluates them after the prompt, so the KV cache (local and remote)
is rebuilt and the next token continues exactly where the old worker died.
The sampling RNG state travels with every token for the same reason.
"""
from __future__ import annotations

import os
import sys
import traceback
from multiprocessing.connection import Connection

import numpy as np


def _mem() -> dict:
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "RssAnon:", "RssFile:")):
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0]) * 1024
    return {"rss": out.get("VmRSS", 0), "rss_anon": out.get("RssAnon", 0), "rss_file": out.get("RssFile", 0)}


def load(msg: dict):
    from edgewise.engine.llama import Engine, EngineOptions, silence_llama_logs
    from edgewise.split import ggml
    from edgewise.split.layout import Layout
    from edgewise.split.server import free_port

    silence_llama_logs()
    opts = EngineOptions(**msg["opts"])
    repack = msg.get("repack", False)  # generic kernels everywhere: same numbers wherever a layer runs
    if not msg.get("endpoint"):
        with ggml.model_params(repack=repack):  # local fallback: whole model on the CPU
            return Engine(msg["path"], opts, name=msg.get("name"))
    layout = Layout(msg["n_layers"], msg["remote"], msg["tail"])
    # The tail (and LM head) go to a second RPC server in this process, on loopback.
    tail_port = free_port()
    ggml.start_rpc_server("127.0.0.1", tail_port, opts.n_threads or os.cpu_count() or 1)
    devs = [ggml.rpc_device(msg["endpoint"]), ggml.rpc_device(f"127.0.0.1:{tail_port}")]
    with ggml.model_params(devs, repack):
        return Engine(msg["path"], opts, name=msg.get("name"), n_gpu_layers=layout.n_gpu_layers,
                      tensor_split=layout.tensor_split)


class Stepper:
    """Picks tokens exactly as edgewise.engine.generate does."""

    def __init__(self, engine):
        self.engine = engine
        self.params = None
        self.rng = None

    def start(self, msg: dict) -> dict:
        from edgewise.algo.sampling import SamplingParams

        self.params = SamplingParams(**msg["params"])
        self.rng = np.random.default_rng(self.params.seed)
        if msg.get("rng") is not None:
            self.rng.bit_generator.state = msg["rng"]
        logits = self.engine.prefill(msg["prompt"], reuse=msg.get("reuse", True))
        if msg.get("replay"):
            logits = self.engine.eval(msg["replay"])[-1]
        return self._pick(logits)

    def next(self, tok: int) -> dict:
        return self._pick(self.engine.eval([tok])[0])

    def _pick(self, logits) -> dict:
        from edgewise.engine.generate import pick

        tok = pick(logits, self.params, self.rng, self.engine.vocab_size)
        return {"tok": tok, "rng": self.rng.bit_generator.state}


def serve(conn: Connection) -> None:
    stepper = None
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        op = msg["op"]
        try:
            if op == "load":
                stepper = Stepper(load(msg))
                out = {"ok": True, "n_layers": stepper.engine.n_layers, **_mem()}
            elif op == "start":
                out = stepper.start(msg)
            elif op == "next":
                out = stepper.next(msg["tok"])
            elif op == "stats":
                out = _mem()
            elif op == "exit":
                return
            else:
                out = {"error": f"unknown op {op!r}"}
        except Exception as e:  # report, keep serving: the parent decides
            traceback.print_exc()
            out = {"error": f"{type(e).__name__}: {e}"}
        conn.send(out)


def main() -> None:
    from edgewise.split.ggml import quiet_stdout

    quiet_stdout()
    serve(Connection(int(sys.argv[1])))


if __name__ == "__main__":
    main()
