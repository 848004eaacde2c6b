"""Chat messages -> prompt tokens with the chat template from the GGUF metadata."""
from __future__ import annotations

from edgewise.engine.llama import Engine, EngineError

_FORMATTERS: dict[int, object] = {}


def _formatter(engine: Engine):
    key = id(engine)
    if key not in _FORMATTERS:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = engine.chat_template
        if not template:
            raise EngineError(f"{engine.name} has no chat template in its GGUF metadata")
        _FORMATTERS[key] = Jinja2ChatFormatter(
            template=template,
            eos_token=engine.token_text(engine.eos) if engine.eos >= 0 else "",
            bos_token=engine.token_text(engine.bos) if engine.bos >= 0 else "",
            add_generation_prompt=True,
        )
    return _FORMATTERS[key]


def render(engine: Engine, messages: list[dict], tools: list | None = None) -> str:
    return _formatter(engine)(messages=messages, tools=tools).prompt


def chat_tokens(engine: Engine, messages: list[dict], tools: list | None = None) -> list[int]:
    r = _formatter(engine)(messages=messages, tools=tools)
    return engine.tokenize(r.prompt, add_bos=not r.added_special, special=True)
