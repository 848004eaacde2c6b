"""edgewise: local-first LLM engine, gateway and edge/server split."""
__version__ = "0.1.0"
