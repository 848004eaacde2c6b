"""Split inference as a gateway backend: the first layers, the last ones
(optionally), the LM head and sampling run on this machine; a block of
middle layers runs on an rpc-server node through the TLS + token tunnel.

The model lives in a worker process (a dead RPC server aborts llama.cpp's
process).  When the worker dies mid-answer, a new one is started, the
prompt and every token already shown are replayed to rebuild the KV cache,
and generation continues with no token lost or repeated.  If the node
stays down, the whole model is loaded locally instead, with a notice.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from typing import Iterator

from edgewise.algo.sampling import SamplingParams
from edgewise.edge.backends.base import Delta, Generation, Serial
from edgewise.edge.backends.local import sampling_of
from edgewise.engine import ContextOverflow, Engine, EngineError, EngineOptions
from edgewise.engine.chat import chat_tokens
from edgewise.engine.textstream import TextStream
from edgewise.split.layout import Layout
from edgewise.split.proc import WorkerDied, WorkerFailed, WorkerProc
from edgewise.split.tunnel import TunnelClient, TunnelError


class SplitBackend:
    def __init__(self, cfg, model: str, rpc: str, remote_layers: int, local_tail: int = 0, *,
                 progress: bool = True, token: str | None = None, retry_s: float = 10.0,
                 step_timeout_s: float = 120.0, max_restarts: int = 3):
        from edgewise.engine.llama import silence_llama_logs
        from edgewise.split.gguf import model_info
        from edgewise.store import resolve

        self.name = "split"
        self.model = model or cfg.model
        self.path = str(resolve(self.model, progress=progress))
        self.layout = Layout(model_info(self.path).n_layers, remote_layers, local_tail)
        self.opts = EngineOptions.from_config(cfg.engine)
        self.retry_s, self.step_timeout_s, self.max_restarts = retry_s, step_timeout_s, max_restarts
        silence_llama_logs()
        self.vocab = Engine(self.path, self.opts, name=self.model, vocab_only=True)  # tokenizer + chat template
        token = token if token is not None else (cfg.remote.token or cfg.server.token)
        self.tunnel = TunnelClient(rpc, token).start()
        self.serial = Serial("split")
        self.worker: WorkerProc | None = None
        self.mode = "split"
        self.load_info: dict = {}
        self._pending = list(self.layout.warnings())
        try:
            self.tunnel.probe()  # a wrong token or certificate fails here, clearly
            self._spawn("split")
        except Exception:
            self.tunnel.close()
            raise

    # -- Backend interface ------------------------------------------------------
    def ready(self) -> bool:
        return self.worker is not None

    def models(self) -> list[str]:
        return [self.model]

    def submit(self, job):
        return self.serial.submit(job)

    def open(self, req, cancel: threading.Event) -> Generation:
        prompt = chat_tokens(self.vocab, req.dict_messages(), tools=req.tools)
        room = self.opts.n_ctx - len(prompt)
        if room <= 0:
            raise ContextOverflow(
                f"this model's maximum context length is {self.opts.n_ctx} tokens; the messages use {len(prompt)}")
        limit = min(req.limit or room, room)
        gen = Generation(iter(()), model=self.model, prompt_tokens=len(prompt), cancel=cancel)
        gen.meta.update(served_by=self._served_by(), notices=self._pending, split=self.layout.describe())
        self._pending = []
        gen.deltas = self.generate(gen, prompt, limit, sampling_of(req), req.stops, cancel.is_set)
        return gen

    def close(self) -> None:
        if self.worker:
            self.worker.close()
            self.worker = None
        self.tunnel.close()

    # -- generation -------------------------------------------------------------
    def generate(self, gen: Generation, prompt: list[int], limit: int, params: SamplingParams = SamplingParams(),
                 stop=(), cancelled=lambda: False) -> Iterator[Delta]:
        """The loop of edgewise.engine.generate, one worker step per token."""
        self._maybe_back_to_split(gen)
        text = TextStream(stop)
        committed: list[int] = []
        start = {"op": "start", "prompt": list(prompt), "replay": [], "params": dataclasses.asdict(params),
                 "rng": None}
        out = self._step(gen, start, lambda: start)
        for i in range(limit):
            if cancelled():
                yield Delta(text.finish(), "cancelled")
                return
            tok = out["tok"]
            if self.vocab.is_eog(tok):
                yield Delta(text.finish(), "stop")
                return
            shown = text.push(self.vocab.detokenize_bytes([tok]))
            committed.append(tok)
            gen.completion_tokens += 1
            if text.stopped:
                yield Delta(shown, "stop")
                return
            yield Delta(shown)
            if i + 1 < limit:
                rng = out["rng"]  # the sampler's state after this token: a replay continues from here
                out = self._step(gen, {"op": "next", "tok": tok},
                                 lambda: dict(start, replay=list(committed), rng=rng))
        yield Delta(text.finish(), "length")

    def _step(self, gen: Generation, msg: dict, resume) -> dict:
        """One worker call; if the worker dies, recover and answer ``resume()`` instead."""
        n = len(msg.get("prompt", ())) + len(msg.get("replay", ()))
        try:
            return self.worker.call(msg, self.step_timeout_s + 0.05 * n)
        except WorkerFailed as e:
            raise EngineError(f"split generation failed: {e}") from None
        except WorkerDied as e:
            return self._recover(gen, resume(), str(e))

    def _recover(self, gen: Generation, resume: dict, why: str) -> dict:
        self._note(gen, f"split worker stopped ({why}); reconnecting to {self.tunnel.address}")
        self._drop_worker()
        replayed = len(resume["prompt"]) + len(resume["replay"])
        deadline = time.monotonic() + self.retry_s
        for _ in range(self.max_restarts):
            if not self._wait_alive(deadline):
                break
            try:
                self._spawn("split")
                out = self.worker.call(resume, self.step_timeout_s + 0.05 * replayed)
            except (WorkerDied, WorkerFailed, TunnelError) as e:
                self._note(gen, f"restart failed: {e}")
                self._drop_worker()
                continue
            self._note(gen, f"resumed on {self.tunnel.address}: replayed {replayed} tokens to rebuild the KV cache")
            return out
        self._note(gen, f"rpc server {self.tunnel.address} is down "
                        f"({self.tunnel.last_error or 'not reachable'}); continuing with the whole model on this "
                        f"machine's CPU")
        self._spawn("local")
        gen.meta["served_by"] = self._served_by()
        try:
            return self.worker.call(resume, self.step_timeout_s + 0.05 * replayed)
        except (WorkerDied, WorkerFailed) as e:
            raise EngineError(f"local fallback failed: {e}") from None

    def _wait_alive(self, deadline: float) -> bool:
        while True:
            try:
                if self.tunnel.alive():
                    return True
            except TunnelError as e:  # auth or certificate: retrying will not help
                self.tunnel.last_error = str(e)
                return False
            if time.monotonic() > deadline:
                return False
            time.sleep(0.5)

    def _maybe_back_to_split(self, gen: Generation) -> None:
        if self.mode != "local":
            return
        try:
            if not self.tunnel.alive():
                return
            self._drop_worker()
            self._spawn("split")
        except (WorkerDied, WorkerFailed, TunnelError):
            self._drop_worker()
            self._spawn("local")
            return
        gen.meta["served_by"] = self._served_by()
        self._note(gen, f"rpc server {self.tunnel.address} is back: split inference again")

    # -- worker lifecycle -------------------------------------------------------
    def _spawn(self, mode: str) -> None:
        msg = {"op": "load", "path": self.path, "name": self.model, "opts": dataclasses.asdict(self.opts)}
        if mode == "split":
            msg.update(endpoint=self.tunnel.endpoint, n_layers=self.layout.n_layers, remote=self.layout.remote,
                       tail=self.layout.tail)
        w = WorkerProc()
        try:
            self.load_info = w.call(msg, timeout=600)
        except (WorkerDied, WorkerFailed) as e:
            w.close()
            if mode == "split" and self.tunnel.last_error:
                raise TunnelError(self.tunnel.last_error) from None
            raise (type(e))(f"loading {self.model} ({mode}) failed: {e}") from None
        self.worker, self.mode = w, mode

    def _drop_worker(self) -> None:
        if self.worker:
            self.worker.close()
            self.worker = None

    def _served_by(self) -> str:
        if self.mode == "split":
            return f"split:{self.model}@{self.tunnel.address}"
        return f"local:{self.model} (split fallback)"

    @staticmethod
    def _note(gen: Generation, msg: str) -> None:
        gen.meta.setdefault("notices", []).append(msg)

    def worker_stats(self) -> dict:
        return self.worker.call({"op": "stats"}, 30) if self.worker else {}
