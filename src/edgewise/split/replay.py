"""The output-side attack on a U-shape: the node holds the public weights
of the tail layers too, so from the hidden states it returns it can run
the tail and the LM head itself and read the logits the edge computes.

A plain numpy forward pass for the Llama/Qwen2 block (RMSNorm, RoPE,
grouped-query causal attention, SwiGLU), on dequantized GGUF weights; it
differs from llama.cpp only by float rounding.
"""
from __future__ import annotations

import numpy as np

from edgewise.split.gguf import ModelInfo, read_tensor

NEOX_ARCHS = {"qwen2", "qwen2moe", "qwen3", "phi3", "gemma", "gemma2"}  # rotate halves, not pairs
SUPPORTED = {"llama", "qwen2"}


def _rms(x: np.ndarray, w: np.ndarray, eps: float) -> np.ndarray:
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * w


def _rope(x: np.ndarray, base: float, neox: bool) -> np.ndarray:
    """x: [T, heads, head_dim] at positions 0..T-1."""
    t, _, hd = x.shape
    ang = np.arange(t)[:, None] * base ** (-np.arange(0, hd, 2) / hd)[None, :]
    cos, sin = np.cos(ang)[:, None, :], np.sin(ang)[:, None, :]
    if neox:
        a, b = x[..., :hd // 2], x[..., hd // 2:]
        return np.concatenate([a * cos - b * sin, b * cos + a * sin], axis=-1)
    out = np.empty_like(x)
    a, b = x[..., 0::2], x[..., 1::2]
    out[..., 0::2], out[..., 1::2] = a * cos - b * sin, b * cos + a * sin
    return out


class Layer:
    def __init__(self, info: ModelInfo, i: int):
        def get(name):
            full = f"blk.{i}.{name}"
            return read_tensor(info, full) if full in info.tensors else None

        self.w = {n: get(n) for n in ("attn_norm.weight", "attn_q.weight", "attn_k.weight", "attn_v.weight",
                                      "attn_q.bias", "attn_k.bias", "attn_v.bias", "attn_output.weight",
                                      "ffn_norm.weight", "ffn_gate.weight", "ffn_up.weight", "ffn_down.weight")}
        self.info = info

    def _proj(self, h, name):
        y = h @ self.w[f"attn_{name}.weight"].T
        b = self.w[f"attn_{name}.bias"]
        return y if b is None else y + b

    def __call__(self, x: np.ndarray) -> np.ndarray:
        info, w = self.info, self.w
        t, d = x.shape
        hd = d // info.n_head
        neox = info.arch in NEOX_ARCHS
        h = _rms(x, w["attn_norm.weight"], info.rms_eps)
        q = _rope(self._proj(h, "q").reshape(t, info.n_head, hd), info.rope_base, neox)
        k = _rope(self._proj(h, "k").reshape(t, info.n_head_kv, hd), info.rope_base, neox)
        v = self._proj(h, "v").reshape(t, info.n_head_kv, hd)
        rep = info.n_head // info.n_head_kv
        k, v = np.repeat(k, rep, axis=1), np.repeat(v, rep, axis=1)
        s = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(hd)
        s = s + np.triu(np.full((t, t), -np.inf, dtype=np.float32), 1)
        p = np.exp(s - s.max(-1, keepdims=True))
        p /= p.sum(-1, keepdims=True)
        att = np.einsum("hqk,khd->qhd", p, v).reshape(t, d)
        x = x + att @ w["attn_output.weight"].T
        h = _rms(x, w["ffn_norm.weight"], info.rms_eps)
        g, u = h @ w["ffn_gate.weight"].T, h @ w["ffn_up.weight"].T
        return x + (g / (1 + np.exp(-g)) * u) @ w["ffn_down.weight"].T


def run_tail(info: ModelInfo, h: np.ndarray, start: int) -> np.ndarray:
    """Layers [start, L) on h (rows = positions 0..T-1); returns h_L."""
    if info.arch not in SUPPORTED:
        raise NotImplementedError(f"tail replay supports {sorted(SUPPORTED)}, not {info.arch}")
    x = h.astype(np.float32)
    for i in range(start, info.n_layers):
        x = Layer(info, i)(x)
    return x
