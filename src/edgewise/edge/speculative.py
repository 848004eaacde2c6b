"""Distributed speculative decoding, edge side.

The local draft proposes a block of tokens; the node's target verifies the
whole block in one round trip and answers (accepted count, next token).
Greedy output is the target's own, token for token; sampled output follows
the target's distribution (rejection sampling, algo/speculative.py).

Pipelining: while a block is on the wire, the draft keeps drafting as if the
block will be fully accepted and the target's bonus token will equal the
draft's own next token.  If that guess holds, the continuation is the next
block, already drafted; otherwise it is discarded.

Resilience: a broken link is retried with backoff; a resumed session gets
the same round again (round ids make it idempotent), a new session is
re-prefilled with the prompt and the committed tokens.  If the node stays
down, generation continues on the local model with a notice.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

import numpy as np

from edgewise.algo.draft_len import AcceptanceTracker, Measurements, VerifyCost, choose_gamma, choose_mode
from edgewise.algo.sampling import SamplingParams, process_logits, sample_sparse, sparse_topk
from edgewise.edge.node_link import NodeDown, NodeLink
from edgewise.engine import Engine
from edgewise.engine.generate import Delta
from edgewise.engine.textstream import TextStream

SPARSE_K = 64  # draft probabilities sent per drafted token


@dataclass
class SpecStats:
    rounds: int = 0
    drafted: int = 0
    accepted: int = 0
    passes: int = 0  # target forward passes on the node
    server_ms: float = 0.0
    rtt_ms: float = 0.0
    pipeline_hits: int = 0
    reconnects: int = 0
    fell_back: bool = False
    first_draft_s: float | None = None  # time to first provisional text
    gammas: list[int] = field(default_factory=list)
    streamed: int = 0  # tokens the target decoded alone (auto chose remote streaming)
    plans: list[str] = field(default_factory=list)

    @property
    def acceptance(self) -> float:
        return self.accepted / self.drafted if self.drafted else 0.0


class SpeculativeDecoder:
    def __init__(self, draft: Engine, link: Callable[[], NodeLink], draft_len: int | str = "auto",
                 pipelined: bool = True, gamma_max: int = 8, retries: int = 4, backoff_s: float = 0.25,
                 notice: Callable[[str], None] = lambda s: None, auto: bool = False, chunk: int = 16):
        self.draft = draft
        self.make_link = link
        self.fixed = None if draft_len == "auto" else int(draft_len)
        self.pipelined = pipelined
        self.gamma_max = gamma_max
        self.retries, self.backoff_s = retries, backoff_s
        self.notice = notice
        self.link: NodeLink | None = None
        self.opened: dict = {}
        self.sid: str | None = None
        self.tracker = AcceptanceTracker()
        self.t_draft_ms = 30.0
        self.pass_ms = 50.0  # target ms per verify pass (from verdicts)
        self.step_ms: float | None = None  # target ms per streamed token (inter-arrival)
        self.auto, self.chunk = auto, chunk

    # -- session -----------------------------------------------------------
    def connect(self, seed: int = 0) -> dict:
        """Open (or resume) a session; raises NodeAuthError / NodeError / NodeDown."""
        link = self.make_link()
        link.connect()
        opened = link.call({"t": "open", "v": 1, "vocab": self.draft.fingerprint, "session": self.sid,
                            "seed": seed})
        self.link, self.opened, self.sid = link, opened, opened["session"]
        self.rtt_ms = link.ping(3)
        return opened

    def close(self) -> None:
        if self.link:
            self.link.close()
        self.link, self.sid = None, None

    # -- drafting -------------------------------------------------------------
    def _sync_draft(self, tokens: list[int], state: dict) -> None:
        """Make the draft cache hold ``tokens`` with logits for the next position."""
        d = self.draft
        n = d.common_prefix(tokens)
        if n == len(tokens) and state.get("at") == n:
            return
        d.truncate(min(n, len(tokens) - 1))
        state["logits"] = d.eval(tokens[len(d.tokens):])[-1]
        state["at"] = len(tokens)

    def _pick(self, state: dict, params: SamplingParams, rng) -> tuple[int, tuple | None]:
        row = state["logits"][: self.draft.vocab_size]
        if params.greedy:
            return int(np.argmax(row)), None
        ids, probs = sparse_topk(process_logits(row, params), SPARSE_K)
        return sample_sparse(ids, probs, rng), (ids.tolist(), probs.tolist())

    def _extend(self, block: list, state: dict, params, rng) -> bool:
        """Draft one more token onto ``block``; False once the draft ended (EOG)."""
        t = time.perf_counter()
        tok, q = self._pick(state, params, rng)
        block.append((tok, q))
        if self.draft.is_eog(tok):
            return False
        state["logits"] = self.draft.eval([tok])[0]
        state["at"] = len(self.draft.tokens)
        self.t_draft_ms = 0.8 * self.t_draft_ms + 0.2 * (time.perf_counter() - t) * 1000
        return True

    def gamma(self, left: int) -> int:
        if self.fixed:
            g = self.fixed
        else:
            g = choose_gamma(self.tracker.alpha, self.t_draft_ms, self.rtt_ms, VerifyCost(0.0, self.pass_ms),
                             self.gamma_max, self.pipelined)
        return max(1, min(g, left, int(self.opened.get("max_draft", g))))

    # -- generation ----------------------------------------------------------
    def generate(self, prompt: Sequence[int], max_tokens: int, params: SamplingParams = SamplingParams(0.0),
                 stop: Sequence[str] = (), cancelled: Callable[[], bool] = lambda: False,
                 on_draft: Callable[[str], None] | None = None) -> Iterator[Delta]:
        finished = False
        try:
            yield from self._generate(prompt, max_tokens, params, stop, cancelled, on_draft)
            finished = True
        finally:
            if not finished:  # abandoned mid-round: frames may be in flight, so start clean next time
                self.close()

    def _generate(self, prompt, max_tokens, params, stop, cancelled, on_draft) -> Iterator[Delta]:
        self.stats = st = SpecStats()
        rng = np.random.default_rng(params.seed)
        text = TextStream(stop)
        committed, n_prompt = list(prompt), len(prompt)
        state: dict = {}
        t0 = time.perf_counter()
        self.seed = params.seed or 0
        if not self._start(committed):
            yield from self._local_tail(committed, 0, max_tokens, params, rng, text, state, cancelled)
            return
        st.rtt_ms = self.rtt_ms
        self._sync_draft(committed, state)
        ahead: list = []
        rnd = n_out = 0
        while True:
            if cancelled():
                yield Delta(text.finish(), finish_reason="cancelled")
                return
            rnd += 1
            if self.auto and st.rounds and self._prefer_stream():
                for done in self._stream_chunk(rnd, committed, n_prompt, max_tokens - n_out, params, text):
                    n_out += done.token is not None
                    yield done
                    if done.finish_reason:
                        return
                if self.link is None:  # node gone during the chunk
                    yield from self._local_tail(committed, n_out, max_tokens, params, rng, text, state, cancelled)
                    return
                continue
            g = self.gamma(max_tokens - n_out)
            block, ahead = ahead, []
            if len(block) > g:  # a longer continuation than this round wants
                block = block[:g]
                self._sync_draft(committed + [t for t, _ in block], state)
            going = not (block and self.draft.is_eog(block[-1][0]))
            while going and len(block) < g:
                going = self._extend(block, state, params, rng)
            if on_draft:
                st.first_draft_s = st.first_draft_s or time.perf_counter() - t0
                on_draft(self.draft.detokenize([t for t, _ in block]))
            frame = {"t": "verify", "round": rnd, "base": len(committed), "draft": [t for t, _ in block],
                     "q": None if params.greedy else [q for _, q in block],
                     "sampling": {"temperature": params.temperature, "top_k": params.top_k, "top_p": params.top_p}}
            verdict = None if self._send(frame, committed, n_prompt) else {"local": True}
            while self.pipelined and going and len(ahead) <= g and verdict is None:
                verdict = self._recv(frame, committed, n_prompt, timeout=0)
                if verdict is None:
                    going = self._extend(ahead, state, params, rng)
            verdict = verdict or self._recv(frame, committed, n_prompt)
            if verdict.get("local"):
                yield from self._local_tail(committed, n_out, max_tokens, params, rng, text, state, cancelled)
                return
            a, tok = verdict["accepted"], verdict["token"]
            self._account(verdict, len(block))
            new = [t for t, _ in block[:a]] + [tok]
            if a == len(block) and ahead and ahead[0][0] == tok:
                ahead = ahead[1:]  # the guess held: the continuation is already drafted
                st.pipeline_hits += 1
            else:
                ahead = []
            committed += new
            for t in new:
                n_out += 1
                done = self._emit(t, text, n_out >= max_tokens)
                yield done
                if done.finish_reason:
                    return
            if not ahead:
                self._sync_draft(committed, state)

    # -- planner (auto mode) ------------------------------------------------------
    def measurements(self) -> Measurements:
        return Measurements(alpha=self.tracker.alpha, rtt_ms=self.rtt_ms, t_draft_ms=self.t_draft_ms,
                            verify=VerifyCost(0.0, self.pass_ms), t_remote_step_ms=self.step_ms or self.pass_ms,
                            gamma_max=self.gamma_max)

    def _prefer_stream(self) -> bool:
        """Re-plan every round from live measurements: speculate or let the target stream."""
        mode, _ = choose_mode(self.measurements())
        self.stats.plans.append(mode)
        return mode == "remote_stream"

    def _stream_chunk(self, rnd, committed, n_prompt, left, params, text):
        """Up to ``chunk`` tokens decoded by the target alone, forwarded as they arrive."""
        frame = {"t": "generate", "round": rnd, "base": len(committed), "n": min(self.chunk, left),
                 "sampling": {"temperature": params.temperature, "top_k": params.top_k, "top_p": params.top_p}}
        finished, last, n = False, time.perf_counter(), 0
        try:
            self.link.send(frame)
            while (f := self.link.recv())["t"] == "token":
                now = time.perf_counter()
                if n:  # inter-arrival time is the target's step time
                    self.step_ms = (now - last) * 1000 if self.step_ms is None else \
                        0.8 * self.step_ms + 0.2 * (now - last) * 1000
                last, n = now, n + 1
                if finished:
                    continue  # drain the chunk so the link stays in step
                committed.append(f["token"])
                self.stats.streamed += 1
                d = self._emit(f["token"], text, n >= left)
                finished = bool(d.finish_reason)
                yield d
        except NodeDown:
            self._reconnect(committed, n_prompt)

    def _emit(self, tok: int, text: TextStream, last: bool) -> Delta:
        if self.draft.is_eog(tok):
            return Delta(text.finish(), None, finish_reason="stop")  # EOG is not output
        out = text.push(self.draft.detokenize_bytes([tok]))
        if text.stopped:
            return Delta(out, tok, finish_reason="stop")
        if last:
            return Delta(out + text.finish(), tok, finish_reason="length")
        return Delta(out, tok)

    def _account(self, verdict: dict, drafted: int) -> None:
        st = self.stats
        st.rounds += 1
        st.drafted += drafted
        st.accepted += verdict["accepted"]
        st.passes += verdict.get("passes", 0)
        st.server_ms += verdict.get("ms", 0.0)
        st.gammas.append(drafted)
        self.tracker.update(verdict["accepted"], drafted)
        if verdict.get("passes"):
            self.pass_ms = 0.8 * self.pass_ms + 0.2 * verdict["ms"] / verdict["passes"]

    # -- link failures ---------------------------------------------------------
    def _start(self, prompt: list[int]) -> bool:
        """Open a session and prefill the prompt; False if the node stays down."""
        try:
            if self.link is None:
                self.connect(self.seed)
            self.link.call({"t": "prefill", "round": 0, "tokens": prompt, "split": len(prompt)})
            return True
        except NodeDown:
            return self._reconnect(prompt, len(prompt))

    def _reconnect(self, committed: list[int], n_prompt: int) -> bool:
        """Reconnect with backoff; a new session is re-prefilled with what is
        committed (the prompt as one batch, decoded tokens one by one, which
        rebuilds the exact cache).  False when the node stays down."""
        self.link = None
        delay = self.backoff_s
        for _ in range(self.retries):
            time.sleep(delay)
            delay *= 2
            try:
                opened = self.connect(self.seed)
                if opened.get("committed", 0) == 0:  # not a resumed session
                    self.link.call({"t": "prefill", "round": 0, "tokens": committed, "split": n_prompt})
                self.stats.reconnects += 1
                return True
            except NodeDown:
                continue
        self.stats.fell_back = True
        self.link, self.sid = None, None
        self.notice(f"node unreachable after {self.retries} retries; continuing on the local model "
                    f"{self.draft.name} (from here on the output is not the target's)")
        return False

    def _send(self, frame: dict, committed, n_prompt) -> bool:
        while True:
            try:
                self.link.send(frame)
                return True
            except NodeDown:
                if not self._reconnect(committed, n_prompt):
                    return False

    def _recv(self, frame: dict, committed, n_prompt, timeout: float | None = None) -> dict | None:
        """The verdict for ``frame``; after a reconnect the same round is sent again
        (idempotent on a resumed session).  {"local": True} when the node is gone."""
        while True:
            try:
                return self.link.recv(timeout)
            except NodeDown:
                if not self._reconnect(committed, n_prompt) or not self._send(frame, committed, n_prompt):
                    return {"local": True}

    def _local_tail(self, committed, n_out, max_tokens, params, rng, text, state, cancelled):
        self._sync_draft(committed, state)
        while True:
            if cancelled():
                yield Delta(text.finish(), finish_reason="cancelled")
                return
            tok, _ = self._pick(state, params, rng)
            committed.append(tok)
            n_out += 1
            d = self._emit(tok, text, n_out >= max_tokens)
            yield d
            if d.finish_reason:
                return
            state["logits"] = self.draft.eval([tok])[0]
