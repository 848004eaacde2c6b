"""The router's answer check: the node's big model reads the start of a local answer.

Tier 2 answers locally; where the local model is unsure, the node (`edgewise
serve`, same tokenizer) scores the prompt plus the first answer tokens in one
batched `score` frame and returns, per answer token, its log-probability and
the big model's own greedy choice with that choice's log-probability.  One
round trip, a prefill's work on the node, priced as remote input tokens.

A program answer (edge/program.py) is checked another way: the node writes
its own program for the same prompt (``write``: prefill + generate, greedy)
and the router keeps the local answer only if both programs compute the same
number; priced as remote input plus the node's written tokens.

Any failure returns None: the router then decides from local confidence
alone, so a dead node never blocks an answer.
"""
from __future__ import annotations

import threading
from typing import Callable

from edgewise.edge.node_link import NodeDown, NodeError, NodeLink
from edgewise.engine import Engine


class AnswerChecker:
    def __init__(self, engine: Engine, make_link: Callable[[], NodeLink], timeout_s: float = 30.0,
                 notice: Callable[[str], None] = lambda s: None):
        self.engine = engine  # the local model: its tokenizer must be the node's
        self.make_link = make_link
        self.timeout_s = timeout_s
        self.notice = notice
        self.link: NodeLink | None = None
        self.rounds = 0
        self._lock = threading.Lock()

    def score(self, prompt: list[int], answer: list[int]) -> dict | None:
        """{"logprobs", "argmax", "argmax_logprobs", "agree"} over ``answer``
        (argmax_logprobs is None from a node older than it); None if the node failed."""
        if not answer:
            return None
        got = self._retrying(lambda: self._call(prompt + answer, len(prompt)),
                             "answer check unavailable ({}); decided from local confidence")
        return None if got is None else {**got, "agree": [int(a == t) for a, t in zip(got["argmax"], answer)]}

    def write(self, prompt: list[int], n: int) -> list[int] | None:
        """The node's own greedy continuation of ``prompt`` (up to ``n`` tokens, ending at its
        end-of-turn): a prefill and a generate, pipelined, one round trip plus the stream.
        The router compares the program the node writes with the local one.  None if the node failed."""
        return self._retrying(lambda: self._generate(prompt, n), "program check unavailable ({}); decided without it")

    def _retrying(self, call, notice: str):
        """``call()`` with one reconnect (a node restart loses no request); None and a notice if it fails."""
        with self._lock:
            for attempt in range(2):
                try:
                    return call()
                except (NodeDown, NodeError) as e:
                    self.close()
                    if attempt == 1 or not isinstance(e, NodeDown):
                        self.notice(notice.format(e))
                        return None
        return None

    def _open(self) -> None:
        if self.link is None:
            link = self.make_link()
            link.connect()
            link.call({"t": "open", "v": 1, "vocab": self.engine.fingerprint, "session": None, "seed": 0})
            self.link = link

    def _reply(self, *kinds: str) -> dict:
        """The next frame of one of ``kinds`` in the current round; other frames (the prefill's
        ack, earlier rounds' leftovers) are skipped."""
        while True:
            f = self.link.recv(timeout=self.timeout_s)
            if f is None:
                raise NodeDown(f"no answer from the node in {self.timeout_s:.0f}s")
            if f.get("t") in kinds and f.get("round") == self.rounds:
                return f

    def _call(self, tokens: list[int], start: int) -> dict:
        self._open()
        self.rounds += 1
        self.link.send({"t": "score", "round": self.rounds, "tokens": tokens, "start": start})
        f = self._reply("scored")
        return {"logprobs": f["logprobs"], "argmax": f["argmax"], "argmax_logprobs": f.get("argmax_logprobs")}

    def _generate(self, prompt: list[int], n: int) -> list[int]:
        self._open()
        self.rounds += 1
        self.link.send({"t": "prefill", "round": self.rounds, "tokens": prompt, "split": len(prompt)})
        self.link.send({"t": "generate", "round": self.rounds, "base": len(prompt), "n": n,
                        "sampling": {"temperature": 0.0, "top_k": 0, "top_p": 1.0}})
        out = []
        while (f := self._reply("token", "generated"))["t"] == "token":
            out.append(f["token"])
        return [t for t in out if not self.engine.is_eog(t)]

    def close(self) -> None:
        if self.link is not None:
            self.link.close()
            self.link = None
