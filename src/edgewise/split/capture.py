"""Read hidden states out of llama.cpp while it runs, through the scheduler's
eval callback (cb_eval): ``embd`` is depth 0, ``l_out-K`` is the output
of layer K, i.e. depth K + 1 -- exactly what a split at that depth sends.

The callback can also stop the graph after the deepest tensor wanted, so
pushing candidates through only the first k layers costs k layers, not L.
"""
from __future__ import annotations

import ctypes

import numpy as np

from edgewise.split.ggml import base

GGML_TYPE_F32 = 0


class _TensorHead(ctypes.Structure):
    """The leading fields of struct ggml_tensor (ggml.h), enough for shape and type."""

    _fields_ = [("type", ctypes.c_int), ("buffer", ctypes.c_void_p), ("ne", ctypes.c_int64 * 4),
                ("nb", ctypes.c_size_t * 4)]


EMBD_NAMES = ("embd", "inp_embd")  # the name changed across llama.cpp versions


def depth_name(depth: int) -> str:
    return EMBD_NAMES[0] if depth == 0 else f"l_out-{depth - 1}"


def depth_names(depth: int) -> tuple[str, ...]:
    return EMBD_NAMES if depth == 0 else (f"l_out-{depth - 1}",)


def _bind():
    b = base()
    b.ggml_get_name.restype = ctypes.c_char_p
    b.ggml_get_name.argtypes = [ctypes.c_void_p]
    b.ggml_backend_tensor_get.restype = None
    b.ggml_backend_tensor_get.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]
    return b


class Model:
    """A CPU-only llama.cpp model + context with hidden-state capture and
    several sequences sharing one KV cache (candidates share the prefix)."""

    def __init__(self, path: str, n_ctx: int = 512, n_batch: int = 512, n_seq: int = 1, threads: int | None = None):
        import os

        import llama_cpp as lc

        from edgewise.engine.llama import silence_llama_logs

        silence_llama_logs()
        self.lc, self.b = lc, _bind()
        self.want: dict[str, int] = {}  # tensor name -> depth
        self.stop_at: str | None = None
        self.got: dict[int, np.ndarray] = {}
        self._cb = lc.ggml_backend_sched_eval_callback(self._callback)
        mp = lc.llama_model_default_params()
        mp.n_gpu_layers = 0
        self.model = lc.llama_model_load_from_file(path.encode(), mp)
        if not self.model:
            raise RuntimeError(f"cannot load {path}")
        cp = lc.llama_context_default_params()
        cp.n_ctx, cp.n_batch, cp.n_ubatch, cp.n_seq_max = n_ctx, n_batch, n_batch, n_seq
        cp.n_threads = cp.n_threads_batch = threads or os.cpu_count() or 1
        cp.kv_unified = True  # sequence copies share cells instead of copying them
        cp.cb_eval, cp.cb_eval_user_data = self._cb, None
        self.ctx = lc.llama_init_from_model(self.model, cp)
        self.mem = lc.llama_get_memory(self.ctx)
        self.vocab = lc.llama_model_get_vocab(self.model)
        self.n_layers = lc.llama_model_n_layer(self.model)
        self.n_embd = lc.llama_model_n_embd(self.model)
        self.batch = lc.llama_batch_init(n_batch, 0, n_seq)
        self.n_batch = n_batch

    def _callback(self, t, ask, _user) -> bool:
        name = self.b.ggml_get_name(t).decode(errors="replace")
        if ask:
            return name in self.want
        if name in self.want:
            head = _TensorHead.from_address(t)
            if head.type != GGML_TYPE_F32:
                return True
            rows, width = int(head.ne[1]), int(head.ne[0])
            out = np.empty((rows, width), dtype=np.float32)
            self.b.ggml_backend_tensor_get(t, out.ctypes.data, 0, out.nbytes)
            self.got[self.want[name]] = out
        return name != self.stop_at  # False stops the rest of the graph

    def tokenize(self, text: str, add_bos: bool = True) -> list[int]:
        data = text.encode()
        buf = (self.lc.llama_token * (len(data) + 8))()
        n = self.lc.llama_tokenize(self.vocab, data, len(data), buf, len(buf), add_bos, False)
        return list(buf[:n])

    def clear(self) -> None:
        self.lc.llama_memory_clear(self.mem, True)

    def run(self, items: list[tuple[int, int, int]], depths: list[int], stop: bool = True) -> dict[int, np.ndarray]:
        """Decode (token, pos, seq) items; return {depth: [len(items), n_embd]}.

        ``stop`` ends the graph at the deepest depth wanted (its KV cache is
        then only valid for the layers before it).
        """
        self.want = {n: d for d in depths if 0 <= d <= self.n_layers for n in depth_names(d)}
        deepest = max(depths)
        self.stop_at = depth_name(deepest) if stop and deepest < self.n_layers else None
        self.got = {}
        b = self.batch.contents if hasattr(self.batch, "contents") else self.batch
        out: dict[int, list] = {d: [] for d in set(self.want.values())}
        for start in range(0, len(items), self.n_batch):
            chunk = items[start:start + self.n_batch]
            b.n_tokens = len(chunk)
            for i, (tok, pos, seq) in enumerate(chunk):
                b.token[i], b.pos[i], b.n_seq_id[i], b.logits[i] = tok, pos, 1, True
                b.seq_id[i][0] = seq
            self.got = {}
            rc = self.lc.llama_decode(self.ctx, b)
            if rc != 0:
                raise RuntimeError(f"llama_decode returned {rc}")
            for d in out:
                out[d].append(self.got[d])
        return {d: np.concatenate(v) for d, v in out.items()}

    def seq_cp(self, src: int, dst: int) -> None:
        self.lc.llama_memory_seq_cp(self.mem, src, dst, -1, -1)

    def seq_rm(self, seq: int) -> None:
        self.lc.llama_memory_seq_rm(self.mem, seq, -1, -1)

    def close(self) -> None:
        self.lc.llama_batch_free(self.batch)
        self.lc.llama_free(self.ctx)
        self.lc.llama_model_free(self.model)
