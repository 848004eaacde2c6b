"""Read GGUF metadata and tensors with ggml's own C reader (no extra
dependency), and dequantize with ggml's type traits, so the numbers are
exactly the ones llama.cpp computes with."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from edgewise.split.ggml import GgmlError, base

GGML_MAX_DIMS = 4
GGML_TYPE_F32 = 0


class _InitParams(ctypes.Structure):
    _fields_ = [("no_alloc", ctypes.c_bool), ("ctx", ctypes.c_void_p)]


class _Traits(ctypes.Structure):
    _fields_ = [("type_name", ctypes.c_char_p), ("blck_size", ctypes.c_int64),
                ("blck_size_interleave", ctypes.c_int64), ("type_size", ctypes.c_size_t),
                ("is_quantized", ctypes.c_bool), ("to_float", ctypes.c_void_p), ("from_float_ref", ctypes.c_void_p)]


_TO_FLOAT = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_float), ctypes.c_int64)


@cache
def _g():
    b = base()
    b.gguf_init_from_file.restype = ctypes.c_void_p
    b.gguf_init_from_file.argtypes = [ctypes.c_char_p, _InitParams]
    b.gguf_free.argtypes = [ctypes.c_void_p]
    b.gguf_find_key.restype = ctypes.c_int64
    b.gguf_find_key.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    b.gguf_get_val_str.restype = ctypes.c_char_p
    b.gguf_get_val_str.argtypes = [ctypes.c_void_p, ctypes.c_int64]
    b.gguf_get_val_u32.restype = ctypes.c_uint32
    b.gguf_get_val_u32.argtypes = [ctypes.c_void_p, ctypes.c_int64]
    b.gguf_get_val_f32.restype = ctypes.c_float
    b.gguf_get_val_f32.argtypes = [ctypes.c_void_p, ctypes.c_int64]
    b.gguf_get_kv_type.restype = ctypes.c_int
    b.gguf_get_kv_type.argtypes = [ctypes.c_void_p, ctypes.c_int64]
    b.gguf_get_data_offset.restype = ctypes.c_size_t
    b.gguf_get_data_offset.argtypes = [ctypes.c_void_p]
    b.gguf_get_n_tensors.restype = ctypes.c_int64
    b.gguf_get_n_tensors.argtypes = [ctypes.c_void_p]
    for name, res in (("gguf_get_tensor_name", ctypes.c_char_p), ("gguf_get_tensor_offset", ctypes.c_size_t),
                      ("gguf_get_tensor_size", ctypes.c_size_t), ("gguf_get_tensor_type", ctypes.c_int),
                      ("gguf_get_tensor_ne", ctypes.POINTER(ctypes.c_int64))):
        fn = getattr(b, name)
        fn.restype = res
        fn.argtypes = [ctypes.c_void_p, ctypes.c_int64]
    b.ggml_get_type_traits.restype = ctypes.POINTER(_Traits)
    b.ggml_get_type_traits.argtypes = [ctypes.c_int]
    return b


@dataclass(frozen=True)
class Tensor:
    name: str
    type: int
    shape: tuple[int, ...]  # ggml order: ne[0] is the row length
    offset: int  # absolute file offset
    nbytes: int


@dataclass
class ModelInfo:
    path: str
    arch: str
    n_layers: int
    n_embd: int
    rms_eps: float
    tensors: dict[str, Tensor] = field(default_factory=dict)
    n_head: int = 0
    n_head_kv: int = 0
    rope_base: float = 10000.0

    def layer_bytes(self, i: int) -> int:
        prefix = f"blk.{i}."
        return sum(t.nbytes for n, t in self.tensors.items() if n.startswith(prefix))

    @property
    def output_name(self) -> str:
        """Tied embeddings reuse token_embd as the LM head (Qwen2.5 small models)."""
        return "output.weight" if "output.weight" in self.tensors else "token_embd.weight"

    @property
    def output_bytes(self) -> int:
        return self.tensors[self.output_name].nbytes + self.tensors["output_norm.weight"].nbytes

    @property
    def total_bytes(self) -> int:
        return sum(t.nbytes for t in self.tensors.values())


def _key(g, ctx, key: str):
    i = g.gguf_find_key(ctx, key.encode())
    if i < 0:
        return None
    kind = g.gguf_get_kv_type(ctx, i)
    if kind == 8:  # GGUF_TYPE_STRING
        return g.gguf_get_val_str(ctx, i).decode()
    if kind == 6:  # GGUF_TYPE_FLOAT32
        return float(g.gguf_get_val_f32(ctx, i))
    if kind == 4:  # GGUF_TYPE_UINT32
        return int(g.gguf_get_val_u32(ctx, i))
    return None


@cache
def model_info(path: str) -> ModelInfo:
    g = _g()
    ctx = g.gguf_init_from_file(str(path).encode(), _InitParams(True, None))
    if not ctx:
        raise GgmlError(f"{path} is not a readable GGUF file")
    try:
        arch = _key(g, ctx, "general.architecture")
        n_layers = _key(g, ctx, f"{arch}.block_count")
        n_embd = _key(g, ctx, f"{arch}.embedding_length")
        eps = _key(g, ctx, f"{arch}.attention.layer_norm_rms_epsilon") or 1e-6
        heads = (_key(g, ctx, f"{arch}.attention.head_count") or 0, _key(g, ctx, f"{arch}.attention.head_count_kv"))
        rope = _key(g, ctx, f"{arch}.rope.freq_base") or 10000.0
        data = g.gguf_get_data_offset(ctx)
        tensors = {}
        for i in range(g.gguf_get_n_tensors(ctx)):
            name = g.gguf_get_tensor_name(ctx, i).decode()
            ne = g.gguf_get_tensor_ne(ctx, i)
            shape = tuple(int(ne[d]) for d in range(GGML_MAX_DIMS))
            while len(shape) > 1 and shape[-1] == 1:
                shape = shape[:-1]
            tensors[name] = Tensor(name, g.gguf_get_tensor_type(ctx, i), shape,
                                   data + g.gguf_get_tensor_offset(ctx, i), g.gguf_get_tensor_size(ctx, i))
    finally:
        g.gguf_free(ctx)
    if not n_layers or not n_embd:
        raise GgmlError(f"{path}: no {arch}.block_count / embedding_length in the GGUF metadata")
    return ModelInfo(str(path), arch, int(n_layers), int(n_embd), float(eps), tensors, int(heads[0]),
                     int(heads[1] or heads[0]), float(rope))


def read_tensor(info: ModelInfo, name: str) -> np.ndarray:
    """Dequantize a tensor to float32, shape [rows, row_length] (numpy order)."""
    t = info.tensors[name]
    g = _g()
    traits = g.ggml_get_type_traits(t.type).contents
    n = int(np.prod(t.shape))
    out = np.empty(n, dtype=np.float32)
    raw = np.fromfile(info.path, dtype=np.uint8, count=t.nbytes, offset=t.offset)
    if t.type == GGML_TYPE_F32:
        out[:] = raw.view(np.float32)
    elif traits.to_float:
        _TO_FLOAT(traits.to_float)(raw.ctypes.data_as(ctypes.c_void_p),
                                   out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)), n)
    else:
        raise GgmlError(f"cannot dequantize {name}: ggml type {t.type} has no to_float")
    rows = t.shape[1] if len(t.shape) > 1 else 1
    return out.reshape(rows, t.shape[0]) if len(t.shape) > 1 else out

