"""One speculative session on the node: the target's KV cache for one
conversation, verified a draft block at a time.

Every target token is scored with a single-token decode, exactly as plain
decoding does (engine/generate.py), so greedy output is token-identical to
the node's own ``remote`` mode.  Verification is sequential and lazy: a
drafted token is fed to the target only after it was accepted, so a block
rejected early costs only the passes it needed.
"""
from __future__ import annotations

import time

import numpy as np

from edgewise.algo.sampling import SamplingParams, dense_from_sparse, process_logits, sample
from edgewise.algo.speculative import acceptance_prob, residual
from edgewise.engine import Engine
from edgewise.engine.generate import replay, teacher_forced
from edgewise.protocol.frames import ProtocolError


class SpecSession:
    def __init__(self, sid: str, engine: Engine, seed: int = 0):
        self.id = sid
        self.engine = engine
        self.seed = seed
        self.committed: list[int] = []  # prompt + accepted output, incl. the newest token
        self._logits: np.ndarray | None = None  # target logits after engine.tokens
        self.last_round, self.last_reply = -1, None  # round ids make a retried round idempotent
        self.passes = 0  # target forward passes (the node's work)
        self.touched = time.monotonic()

    def prefill(self, tokens: list[int], split: int | None = None) -> dict:
        if len(tokens) + 1 > self.engine.n_ctx:
            raise ProtocolError(f"prompt of {len(tokens)} tokens exceeds the context of {self.engine.n_ctx}",
                                "context")
        if not tokens:
            raise ProtocolError("prefill needs at least one token")
        split = max(1, len(tokens) if split is None else split)
        self._logits = replay(self.engine, tokens, split)  # replayed output: one decode each, as first decoded
        self.passes += 1 + len(tokens) - split
        self.committed = list(tokens)
        self.last_round, self.last_reply = -1, None  # a new request: no round to replay
        return {"t": "prefilled", "n": len(tokens)}

    def score(self, tokens: list[int], start: int, rnd: int) -> dict:
        """log p and the target's own greedy choice at every position of tokens[start:],
        scored as one batch (a prefill's cost).  A check, not a decode: the cache it
        leaves is batch-scored, so the session needs a new prefill before verifying."""
        if len(tokens) > self.engine.n_ctx:
            raise ProtocolError(f"{len(tokens)} tokens exceed the context of {self.engine.n_ctx}", "context")
        if not 1 <= start < len(tokens):
            raise ProtocolError("score needs 1 <= start < len(tokens)")
        t0 = time.perf_counter()
        self.engine.reset()
        rows = self.engine.eval(tokens, logits_at=list(range(start - 1, len(tokens) - 1)))
        rows = rows[:, : self.engine.vocab_size]
        lp, best, best_lp = teacher_forced(rows, tokens[start:])
        self.passes += 1
        self.committed, self._logits = [], None
        self.last_round, self.last_reply = -1, None
        self.touched = time.monotonic()
        return {"t": "scored", "round": rnd, "logprobs": [round(float(x), 4) for x in lp],
                "argmax": best.tolist(), "argmax_logprobs": [round(float(x), 4) for x in best_lp],
                "ms": round((time.perf_counter() - t0) * 1000, 3)}

    def _catch_up(self) -> np.ndarray:
        """Feed committed tokens the cache lacks, one per decode (as decoding does)."""
        eng = self.engine
        if self._logits is not None and len(eng.tokens) == len(self.committed):
            return self._logits  # the cache is current: never re-score a token differently
        if len(eng.tokens) >= len(self.committed):  # rolled back onto the cache edge
            eng.truncate(len(self.committed) - 1)
        for tok in self.committed[len(eng.tokens):]:
            self._logits = eng.eval([tok])[0]
            self.passes += 1
        return self._logits

    def verify(self, f: dict, max_draft: int) -> dict:
        if f["round"] == self.last_round:  # a retried round: same answer, no new work
            return self.last_reply
        draft, base = f["draft"], f["base"]
        if not self.committed:
            raise ProtocolError("verify before prefill", "state")
        if base > len(self.committed) or base < 1:
            raise ProtocolError(f"base {base} is beyond the committed length {len(self.committed)}", "state")
        if len(draft) > max_draft:
            raise ProtocolError(f"draft of {len(draft)} exceeds the node's limit of {max_draft}", "limit")
        if base + len(draft) + 1 > self.engine.n_ctx:
            raise ProtocolError("the context is full", "context")
        self._rollback(base)
        if f["sampling"]["temperature"] > 0 and f["q"] is None:
            raise ProtocolError("sampled verification needs the draft's probabilities (q)")
        t0, passes0 = time.perf_counter(), self.passes
        accepted, token = self._judge(draft, f["q"], SamplingParams(**f["sampling"]), f["round"])
        self.committed += draft[:accepted] + [token]
        self.last_round = f["round"]
        self.last_reply = {"t": "verdict", "round": f["round"], "accepted": accepted, "token": token,
                           "committed": len(self.committed), "passes": self.passes - passes0,
                           "ms": round((time.perf_counter() - t0) * 1000, 3)}
        self.touched = time.monotonic()
        return self.last_reply

    def _rollback(self, base: int) -> None:
        """Commit/rollback is by the client's explicit committed length."""
        if base < len(self.committed):
            del self.committed[base:]
            self.engine.truncate(min(len(self.engine.tokens), base))
            self._logits = None

    def generate(self, f: dict, emit) -> dict:
        """Decode ``n`` tokens on the target alone, calling ``emit(token)`` for each.

        Each step is an empty-draft verify (one single-token decode), so this
        stream and speculative rounds can alternate on the same cache."""
        base = f["base"]
        if not self.committed or base > len(self.committed) or base < 1:
            raise ProtocolError(f"base {base} does not match the committed length {len(self.committed)}", "state")
        self._rollback(base)
        params = SamplingParams(**f["sampling"])
        n = min(f["n"], self.engine.n_ctx - len(self.committed) - 1)
        t0, passes0 = time.perf_counter(), self.passes
        for i in range(n):
            _, tok = self._judge([], None, params, (f["round"] << 12) + i)
            self.committed.append(tok)
            emit(tok)
            if self.engine.is_eog(tok):
                break
        self.touched = time.monotonic()
        return {"t": "generated", "round": f["round"], "committed": len(self.committed),
                "passes": self.passes - passes0, "ms": round((time.perf_counter() - t0) * 1000, 3)}

    def _judge(self, draft: list[int], q, params: SamplingParams, rnd: int) -> tuple[int, int]:
        """Sequential verify: the rule of algo.speculative, fed one target row at a time."""
        vocab = self.engine.vocab_size
        rng = np.random.default_rng([self.seed, rnd])  # a retried round replays the same draws
        logits = self._catch_up()
        for i, tok in enumerate(draft):
            row = logits[:vocab]
            if params.greedy:
                best = int(np.argmax(row))
                if best != tok:
                    return i, best
            else:
                p = process_logits(row, params)
                qd = dense_from_sparse(np.asarray(q[i][0]), np.asarray(q[i][1]), vocab)
                if rng.random() >= acceptance_prob(p[tok], qd[tok]):
                    return i, sample(residual(p, qd), rng)
            logits = self.engine.eval([tok])[0]
            self.passes += 1
            self._logits = logits
        row = logits[:vocab]
        return len(draft), int(np.argmax(row)) if params.greedy else sample(process_logits(row, params), rng)
