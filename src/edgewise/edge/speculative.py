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

from edgewise.algo.draft_len import choose_gamma
from edgewise.algo.sampling import SamplingParams, process_logits, sample_sparse, sparse_topk
from edgewise.edge.node_link import NodeDown, NodeLink
from edgewise.edge.planner import Planner
from edgewise.engine import Engine
from edgewise.engine.generate import Delta, generate, replay, time_step
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
    chunks: int = 0  # generate frames (one round trip each)
    plans: list[str] = field(default_factory=list)  # auto: the mode of every round/chunk
    local_target: int = 0  # tokens from the local copy of the target

    @property
    def acceptance(self) -> float:
        return self.accepted / self.drafted if self.drafted else 0.0


class SpeculativeDecoder:
    def __init__(self, draft: Engine, link: Callable[[], NodeLink], draft_len: int | str = "auto",
                 pipelined: bool = True, gamma_max: int = 8, retries: int = 4, backoff_s: float = 0.25,
                 notice: Callable[[str], None] = lambda s: None, auto: bool = False, chunk: int | None = None,
                 local_target: Engine | None = None):
        self.draft = draft
        self.local_target = local_target  # the target's weights on this machine, if configured
        self.make_link = link
        self.fixed = None if draft_len == "auto" else int(draft_len)
        self.pipelined = pipelined
        self.gamma_max = gamma_max
        self.retries, self.backoff_s = retries, backoff_s
        self.notice = notice
        self.link: NodeLink | None = None
        self.opened: dict = {}
        self.sid: str | None = None
        self.planner = Planner(gamma_max, local_target is not None)
        self.rounds_sent = 0
        self.auto, self.chunk = auto, chunk  # chunk: streamed tokens per re-plan (None: planner's)

    # -- session -----------------------------------------------------------
    def connect(self, seed: int = 0) -> dict:
        """Open (or resume) a session; raises NodeAuthError / NodeError / NodeDown."""
        link = self.make_link()
        link.connect()
        opened = link.call({"t": "open", "v": 1, "vocab": self.draft.fingerprint, "session": self.sid,
                            "seed": seed})
        self.link, self.opened, self.sid = link, opened, opened["session"]
        self.planner.on_open(opened, link.ping(3))
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

    def _pick(self, state: dict, params: SamplingParams, rng, vocab: int | None = None) -> tuple[int, tuple | None]:
        row = state["logits"][: vocab or self.draft.vocab_size]
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
        self.planner.on_draft((time.perf_counter() - t) * 1000)
        return True

    def gamma(self, left: int) -> int:
        if self.fixed:
            g = self.fixed
        else:
            m = self.planner.measurements()
            g = choose_gamma(m.alpha, m.t_draft_ms, m.rtt_ms, m.verify, self.gamma_max, self.pipelined)
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
        mode = "spec"
        if self.auto:
            mode = self._plan_request(max_tokens)
            if mode == "local_target":
                yield from self._on_local_target(prompt, max_tokens, params, stop, cancelled)
                return
        if not self._start(committed):
            yield from self._local_tail(committed, n_prompt, 0, max_tokens, params, rng, text, state, cancelled)
            return
        st.rtt_ms = self.planner.rtt_ms
        ahead: list = []
        n_out = 0
        while True:
            if cancelled():
                yield Delta(text.finish(), finish_reason="cancelled")
                return
            self.rounds_sent += 1  # unique per session: stale replies and retries are told apart by it
            rnd = self.rounds_sent
            if self.auto and (st.rounds or st.streamed):
                mode = self.planner.next(mode, max_tokens - n_out)
            if self.auto:
                st.plans.append(mode)
            if mode == "remote_stream":
                ahead = []  # the draft's continuation is stale once the target streams
                for done in self._stream_chunk(rnd, committed, n_prompt, max_tokens - n_out, params, text):
                    n_out += done.token is not None
                    yield done
                    if done.finish_reason:
                        return
                if self.link is None:  # node gone during the chunk
                    yield from self._local_tail(committed, n_prompt, n_out, max_tokens, params, rng, text, state,
                                                cancelled)
                    return
                continue
            if not ahead:
                self._sync_draft(committed, state)  # overlaps the node's prefill on the first round
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
                yield from self._local_tail(committed, n_prompt, n_out, max_tokens, params, rng, text, state,
                                            cancelled)
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

    # -- planner (auto mode) ------------------------------------------------------
    def prepare(self) -> None:
        """Connect and time what the planner needs (a gateway does this once, at start)."""
        if self.link is None:
            self.connect(getattr(self, "seed", 0))
        pl = self.planner
        if pl.t_draft_ms is None:
            pl.t_draft_ms = time_step(self.draft)
        if self.local_target is not None and pl.local_ms is None:
            pl.local_ms = time_step(self.local_target)

    def _plan_request(self, max_tokens: int) -> str:
        try:
            self.prepare()
        except NodeDown:
            return "spec"  # _start retries, then falls back
        return self.planner.first(max_tokens)

    def _on_local_target(self, prompt, max_tokens, params, stop, cancelled) -> Iterator[Delta]:
        """The target's own decoding on this machine: same weights, same output as the node's."""
        self.stats.plans.append("local_target")
        last = None
        for d in generate(self.local_target, prompt, max_tokens, params, stop, cancelled, reuse_prefix=False):
            now = time.perf_counter()
            if last is not None:
                self.planner.on_local((now - last) * 1000)
            last = now
            self.stats.local_target += d.token is not None
            yield d

    def _stream_chunk(self, rnd, committed, n_prompt, left, params, text):
        """Up to one chunk of tokens decoded by the target alone, forwarded as they arrive."""
        n = min(self.chunk or self.planner.chunk_len(), left)
        frame = {"t": "generate", "round": rnd, "base": len(committed), "n": n,
                 "sampling": {"temperature": params.temperature, "top_k": params.top_k, "top_p": params.top_p}}
        finished, last, got = False, time.perf_counter(), 0
        self.stats.chunks += 1
        try:
            self.link.send(frame)
            while (f := self.link.recv())["t"] != "generated" or f["round"] != rnd:
                if f["t"] != "token" or f["round"] != rnd:
                    continue  # the pipelined prefill's ack, or the tail of an earlier request's chunk
                now = time.perf_counter()
                if got:  # inter-arrival time is the target's step time
                    self.planner.on_streamed((now - last) * 1000)
                last, got = now, got + 1
                if finished:
                    continue  # drain the chunk so the link stays in step
                committed.append(f["token"])
                self.stats.streamed += 1
                d = self._emit(f["token"], text, got >= left)
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
        self.planner.on_verdict(verdict["accepted"], drafted, verdict.get("passes", 0), verdict.get("ms", 0.0))

    # -- link failures ---------------------------------------------------------
    def _start(self, prompt: list[int]) -> bool:
        """Open a session and send the prompt; the ``prefilled`` ack is read with
        the first verdict or chunk (frames are answered in order), so the node's
        prefill overlaps the draft's.  False if the node stays down."""
        try:
            if self.link is None:
                self.connect(self.seed)
            self.link.send({"t": "prefill", "round": 0, "tokens": prompt, "split": len(prompt)})
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
        if self.local_target is not None:
            self.notice(f"node unreachable after {self.retries} retries; continuing on the local copy of the "
                        f"target {self.local_target.name} (the output is unchanged)")
        else:
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
                f = self.link.recv(timeout)
                while f is not None and (f["t"] != "verdict" or f["round"] != frame["round"]):
                    f = self.link.recv(timeout)  # the prefill's ack, or an earlier request's stream tail
                return f
            except NodeDown:
                if not self._reconnect(committed, n_prompt) or not self._send(frame, committed, n_prompt):
                    return {"local": True}

    def _local_tail(self, committed, n_prompt, n_out, max_tokens, params, rng, text, state, cancelled):
        """Finish locally: on the local copy of the target if there is one (the
        output stays the target's), else on the draft (with the notice given)."""
        eng = self.local_target or self.draft
        if self.local_target is not None:  # rebuild the cache exactly as the node's decoding did
            logits = replay(eng, committed, n_prompt)
        else:
            self._sync_draft(committed, state)
            logits = state["logits"]
        while True:
            if cancelled():
                yield Delta(text.finish(), finish_reason="cancelled")
                return
            state["logits"] = logits
            tok, _ = self._pick(state, params, rng, eng.vocab_size)
            committed.append(tok)
            n_out += 1
            d = self._emit(tok, text, n_out >= max_tokens)
            yield d
            if d.finish_reason:
                return
            logits = eng.eval([tok])[0]
