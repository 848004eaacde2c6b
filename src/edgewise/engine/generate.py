"""Plain token-by-token generation on one Engine.

This loop is the reference decoding: the server's ``remote`` mode runs it,
and speculative decoding must reproduce its greedy output token for token,
so the target scores every token with a single-token decode, exactly as here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import time

import numpy as np

from edgewise.algo.sampling import SamplingParams, process_logits, sample
from edgewise.engine.llama import Engine
from edgewise.engine.textstream import TextStream


@dataclass
class Delta:
    text: str  # text safe to show now (may be "")
    token: int | None = None
    finish_reason: str | None = None  # "stop" | "length" | "cancelled"


def pick(logits: np.ndarray, params: SamplingParams, rng: np.random.Generator, vocab: int) -> int:
    row = logits[:vocab]  # drop embedding padding beyond the tokenizer
    if params.temperature <= 0:
        return int(np.argmax(row))
    return int(sample(process_logits(row, params), rng))


def generate(
    engine: Engine,
    prompt: Sequence[int],
    max_tokens: int,
    params: SamplingParams = SamplingParams(temperature=0.0),  # greedy unless asked: results repeat
    stop: Sequence[str] = (),
    cancelled: Callable[[], bool] = lambda: False,
    reuse_prefix: bool = True,
    logprobs: list[float] | None = None,
) -> Iterator[Delta]:
    """Decode up to ``max_tokens``; with ``logprobs`` given, append log p of every
    chosen token under the raw model distribution (the model's own confidence)."""
    rng = np.random.default_rng(params.seed)
    text = TextStream(stop)
    vocab = engine.vocab_size
    logits = engine.prefill(prompt, reuse=reuse_prefix)
    for i in range(max_tokens):
        if cancelled():
            yield Delta(text.finish(), finish_reason="cancelled")
            return
        tok = pick(logits, params, rng, vocab)
        if engine.is_eog(tok):
            yield Delta(text.finish(), finish_reason="stop")
            return
        if logprobs is not None:  # answer tokens only: the end-of-turn token says little
            logprobs.append(token_logprob(logits[:vocab], tok))
        out = text.push(engine.detokenize_bytes([tok]))
        if text.stopped:
            yield Delta(out, tok, finish_reason="stop")
            return
        yield Delta(out, tok)
        if i + 1 < max_tokens:
            logits = engine.eval([tok])[0]
    yield Delta(text.finish(), finish_reason="length")


def replay(engine: Engine, tokens: Sequence[int], split: int) -> np.ndarray:
    """Rebuild the cache exactly as decoding made it: ``tokens[:split]`` (the prompt)
    as one batch, the rest one single-token decode each.  Returns the last logits."""
    logits = engine.prefill(tokens[:split], reuse=False)
    for tok in tokens[split:]:
        logits = engine.eval([tok])[0]
    return logits


def token_logprob(row: np.ndarray, tok: int) -> float:
    row = row.astype(np.float64)
    top = row.max()
    return float(row[tok] - top - np.log(np.exp(row - top).sum()))


def token_logprobs(rows: np.ndarray, toks) -> np.ndarray:
    """log p of toks[i] under logits row i (token_logprob over a batch)."""
    return teacher_forced(rows, toks)[0]


def teacher_forced(rows: np.ndarray, toks) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row i: log p of toks[i], the model's own pick, and that pick's log p
    (one log-softmax over the vocabulary serves all three)."""
    rows = rows.astype(np.float64)
    top = rows.max(1, keepdims=True)
    lse = top[:, 0] + np.log(np.exp(rows - top).sum(1))
    return rows[np.arange(len(rows)), list(toks)] - lse, rows.argmax(1), top[:, 0] - lse


def time_step(engine: Engine, n: int = 4) -> float:
    """Median ms of one single-token decode (the unit every planner uses).

    Leaves the cache empty; callers re-sync their own state afterwards."""
    engine.reset()
    engine.eval([engine.bos])
    times = []
    for i in range(n):
        t = time.perf_counter()
        engine.eval([100 + i])  # any valid ids: only the time matters
        times.append((time.perf_counter() - t) * 1000)
    engine.reset()
    return sorted(times)[len(times) // 2]
