"""The local llama.cpp engine."""
from edgewise.engine.llama import ContextOverflow, Engine, EngineError, EngineOptions


def load_engine(ref: str, engine_cfg=None, progress: bool = True, **kwargs) -> Engine:
    """Resolve a model reference (registry name, path, hf:) and load it."""
    from edgewise.config import EngineConfig
    from edgewise.engine.llama import silence_llama_logs
    from edgewise.store import resolve

    silence_llama_logs()
    path = resolve(ref, progress=progress)
    opts = EngineOptions.from_config(engine_cfg or EngineConfig())
    return Engine(path, opts, name=ref if "/" not in ref else None, **kwargs)


__all__ = ["ContextOverflow", "Engine", "EngineError", "EngineOptions", "load_engine"]
