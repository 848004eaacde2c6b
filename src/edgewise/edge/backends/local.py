"""The local llama.cpp engine as a gateway backend."""
from __future__ import annotations

import threading

from edgewise.algo.sampling import SamplingParams
from edgewise.edge.backends.base import Delta, Generation, Serial
from edgewise.engine import ContextOverflow, Engine
from edgewise.engine.chat import chat_tokens
from edgewise.engine.generate import generate


def sampling_of(req) -> SamplingParams:
    return SamplingParams(temperature=req.temperature, top_k=req.top_k, top_p=req.top_p, seed=req.seed)


class LocalBackend:
    def __init__(self, engine: Engine | None = None, name: str = "local", reuse_prefix: bool = True):
        self.name = name
        self.engine = engine  # set later when loading in the background
        self.worker = Serial(f"engine-{name}")
        self.reuse_prefix = reuse_prefix

    def ready(self) -> bool:
        return self.engine is not None

    def models(self) -> list[str]:
        return [self.engine.name] if self.engine else []

    def submit(self, job):
        return self.worker.submit(job)

    def open(self, req, cancel: threading.Event, logprobs: list[float] | None = None,
             tokens: list[int] | None = None) -> Generation:
        """``logprobs`` and ``tokens`` (if given) collect each answer token's log p and id."""
        eng = self.engine
        prompt = chat_tokens(eng, req.dict_messages(), tools=req.tools)
        room = eng.n_ctx - len(prompt)
        if room <= 0:
            raise ContextOverflow(
                f"this model's maximum context length is {eng.n_ctx} tokens; the messages use {len(prompt)}"
            )
        limit = min(req.limit or room, room)
        gen = Generation(iter(()), model=eng.name, prompt_tokens=len(prompt), cancel=cancel)
        gen.meta.update(served_by=eng.name, local_tokens=0, prompt_ids=prompt)

        def deltas():
            for d in generate(eng, prompt, limit, sampling_of(req), req.stops, cancel.is_set, self.reuse_prefix,
                              logprobs):
                if d.token is not None:
                    gen.completion_tokens += 1
                    if tokens is not None:
                        tokens.append(d.token)
                yield Delta(d.text, d.finish_reason)

        gen.deltas = deltas()
        return gen
