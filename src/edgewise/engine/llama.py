"""A thin wrapper over llama-cpp-python with the token-level operations the
speculative, split and routing modes need: tokenize, evaluate a batch and
read logits at chosen positions, roll the KV cache back, fingerprint the
vocabulary.

The wrapper owns the KV cache bookkeeping: ``tokens`` is exactly what the
cache holds, so callers can reuse a common prefix or truncate to a committed
length.  It is not thread-safe; the gateway serialises access.
"""
from __future__ import annotations

import ctypes
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

KV_TYPES = {"f32": 0, "f16": 1, "q4_0": 2, "q4_1": 3, "q5_0": 6, "q5_1": 7, "q8_0": 8, "bf16": 30}


@dataclass(frozen=True)
class EngineOptions:
    n_ctx: int = 4096
    n_threads: int | None = None
    n_batch: int = 512
    flash_attn: bool = False
    use_mmap: bool = True
    use_mlock: bool = False
    cache_type_k: str = "f16"
    cache_type_v: str = "f16"

    @classmethod
    def from_config(cls, cfg) -> "EngineOptions":
        return cls(**cfg.model_dump())


class EngineError(RuntimeError):
    pass


class ContextOverflow(EngineError):
    """More tokens than the context holds; the gateway maps it to a 400."""


def _kv_type(name: str) -> int:
    if name not in KV_TYPES:
        raise EngineError(f"unknown KV cache type {name!r}; use one of {', '.join(KV_TYPES)}")
    return KV_TYPES[name]


class Engine:
    """One loaded GGUF model with its context (KV cache)."""

    def __init__(self, path: str | os.PathLike, opts: EngineOptions = EngineOptions(), name: str | None = None,
                 **llama_kwargs):
        import llama_cpp

        self.path = Path(path)
        self.name = name or self.path.stem
        self.opts = opts
        threads = opts.n_threads or os.cpu_count() or 1
        self.llm = llama_cpp.Llama(
            model_path=str(self.path), n_ctx=opts.n_ctx, n_batch=opts.n_batch, n_ubatch=opts.n_batch,
            n_threads=threads, n_threads_batch=threads, flash_attn=opts.flash_attn,
            use_mmap=opts.use_mmap, use_mlock=opts.use_mlock,
            type_k=_kv_type(opts.cache_type_k), type_v=_kv_type(opts.cache_type_v),
            verbose=False, **llama_kwargs,
        )
        self._lib = llama_cpp
        self._vocab = llama_cpp.llama_model_get_vocab(self.llm.model)
        self.n_vocab = self.llm.n_vocab()  # logits row width
        self.n_ctx = self.llm.n_ctx()
        self.n_layers = int(llama_cpp.llama_model_n_layer(self.llm.model))
        self.tokens: list[int] = []  # exactly what the KV cache holds
        self._fingerprint: str | None = None

    # -- metadata -------------------------------------------------------
    @property
    def metadata(self) -> dict[str, str]:
        return self.llm.metadata

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    def is_eog(self, token: int) -> bool:
        return bool(self._lib.llama_vocab_is_eog(self._vocab, token))

    @property
    def eos(self) -> int:
        return self.llm.token_eos()

    @property
    def bos(self) -> int:
        return self.llm.token_bos()

    def token_text(self, token: int) -> str:
        return self.llm._model.token_get_text(token)

    @property
    def fingerprint(self) -> str:
        """SHA-256 over every token's text: equal iff two models share a vocabulary."""
        if self._fingerprint is None:
            h = hashlib.sha256()
            n = self._lib.llama_vocab_n_tokens(self._vocab)
            for t in range(n):
                h.update(self._lib.llama_vocab_get_text(self._vocab, t) or b"")
                h.update(b"\0")
            self._fingerprint = f"{n}:{h.hexdigest()[:32]}"
        return self._fingerprint

    @property
    def vocab_size(self) -> int:
        """Tokenizer size, which may be smaller than the padded logits row."""
        return int(self._lib.llama_vocab_n_tokens(self._vocab))

    # -- text <-> tokens ------------------------------------------------
    def tokenize(self, text: str, add_bos: bool = False, special: bool = True) -> list[int]:
        return self.llm.tokenize(text.encode("utf-8"), add_bos=add_bos, special=special)

    def detokenize_bytes(self, tokens: Sequence[int]) -> bytes:
        return self.llm.detokenize(list(tokens))

    def detokenize(self, tokens: Sequence[int]) -> str:
        return self.detokenize_bytes(tokens).decode("utf-8", errors="replace")

    # -- KV cache ---------------------------------------------------------
    def truncate(self, n: int) -> None:
        """Roll the KV cache back to its first ``n`` tokens."""
        n = max(0, min(n, len(self.tokens)))
        self.llm._ctx.kv_cache_seq_rm(-1, n, -1)
        del self.tokens[n:]

    def reset(self) -> None:
        self.truncate(0)

    def common_prefix(self, tokens: Sequence[int]) -> int:
        n = 0
        for a, b in zip(self.tokens, tokens):
            if a != b:
                break
            n += 1
        return n

    def eval(self, tokens: Sequence[int], logits_at: Sequence[int] | str = "last") -> np.ndarray:
        """Append ``tokens`` to the cache and return logits rows.

        ``logits_at`` is "last", "all", or indices into ``tokens``.  Returns a
        float32 array [len(positions), n_vocab] (a copy; the C buffer is reused).
        """
        tokens = list(tokens)
        if not tokens:
            raise EngineError("eval needs at least one token")
        if len(self.tokens) + len(tokens) > self.n_ctx:
            raise ContextOverflow(f"{len(self.tokens) + len(tokens)} tokens exceed the context of {self.n_ctx}")
        if logits_at == "last":
            want = [len(tokens) - 1]
        elif logits_at == "all":
            want = list(range(len(tokens)))
        else:
            want = [i % len(tokens) for i in logits_at]
        wanted = set(want)
        rows: dict[int, np.ndarray] = {}
        step = self.opts.n_batch
        for start in range(0, len(tokens), step):
            chunk = tokens[start:start + step]
            self._decode(chunk, len(self.tokens), [i - start for i in range(start, start + len(chunk)) if i in wanted])
            for i in range(start, start + len(chunk)):
                if i in wanted:
                    ptr = self.llm._ctx.get_logits_ith(i - start)
                    rows[i] = np.ctypeslib.as_array(ptr, shape=(self.n_vocab,)).copy()
            self.tokens.extend(chunk)
        return np.stack([rows[i] for i in want])

    def _decode(self, chunk: list[int], n_past: int, logit_idx: list[int]) -> None:
        b = self.llm._batch.batch
        b.n_tokens = len(chunk)
        flags = set(logit_idx)
        for i, t in enumerate(chunk):
            b.token[i] = t
            b.pos[i] = n_past + i
            b.seq_id[i][0] = 0
            b.n_seq_id[i] = 1
            b.logits[i] = i in flags
        self.llm._ctx.kv_cache_seq_rm(-1, n_past, -1)
        rc = self._lib.llama_decode(self.llm.ctx, b)
        if rc != 0:
            raise EngineError(f"llama_decode returned {rc}")

    def prefill(self, prompt: Sequence[int], reuse: bool = True) -> np.ndarray:
        """Make the cache hold ``prompt``; returns the last position's logits.

        ``reuse`` keeps the common prefix already cached.  Reference decoding
        (the server) passes False: a different batch split can change logits
        slightly, and its output must not depend on the previous request.
        """
        prompt = list(prompt)
        if len(prompt) > self.n_ctx:
            raise ContextOverflow(f"prompt of {len(prompt)} tokens exceeds the context of {self.n_ctx}")
        keep = min(self.common_prefix(prompt), len(prompt) - 1) if reuse else 0
        self.truncate(keep)
        return self.eval(prompt[keep:])[-1]

    def close(self) -> None:
        llm, self.llm = getattr(self, "llm", None), None
        if llm is not None:
            llm.close()


def silence_llama_logs() -> None:
    """llama.cpp logs to stderr from C; keep stderr for our own diagnostics."""
    import llama_cpp

    @ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)
    def _sink(level, text, user_data):  # noqa: ARG001
        return None

    global _LOG_SINK
    _LOG_SINK = _sink  # keep a reference so the callback is not collected
    llama_cpp.llama_log_set(_sink, ctypes.c_void_p(0))


_LOG_SINK = None
