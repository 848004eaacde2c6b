"""Run a backend job on its worker thread and bridge its Deltas to asyncio,
then shape them as OpenAI chat.completion(.chunk) objects."""
from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid

from edgewise.edge.backends.base import Generation

_END = object()


class Bridge:
    """Events from a worker thread into an asyncio queue: ("open", gen), ("delta", d), ("error", e), _END."""

    def __init__(self, backend, opener):
        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue = asyncio.Queue()
        self.cancel = threading.Event()
        self.future = backend.submit(lambda: self._job(opener))

    def _put(self, item) -> None:
        self.loop.call_soon_threadsafe(self.queue.put_nowait, item)

    def _job(self, opener) -> None:
        try:
            if self.cancel.is_set():  # the client left while queued
                return
            gen = opener(self.cancel)
            self._put(("open", gen))
            for d in gen:  # to exhaustion: backends finish accounting (cost, ledger) after the last delta
                self._put(("delta", d))
        except Exception as e:  # noqa: BLE001 - delivered to the request
            self._put(("error", e))
        finally:
            self._put(_END)

    async def next(self):
        return await self.queue.get()


def new_id() -> str:
    return "chatcmpl-" + uuid.uuid4().hex[:24]


def usage_of(gen: Generation) -> dict:
    u = {"prompt_tokens": gen.prompt_tokens, "completion_tokens": gen.completion_tokens,
         "total_tokens": gen.prompt_tokens + gen.completion_tokens}
    for key in ("tier", "cost", "privacy", "served_by"):
        if key in gen.meta:
            u[f"edgewise_{key}"] = gen.meta[key]
    return u


def chunk(cid: str, model: str, created: int, delta: dict, finish=None) -> str:
    obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
           "system_fingerprint": None,
           "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
    return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n"


def usage_chunk(cid: str, model: str, created: int, gen: Generation) -> str:
    obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
           "system_fingerprint": None, "choices": [], "usage": usage_of(gen)}
    return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n"


def completion(cid: str, model: str, text: str, tool_calls: list | None, finish: str, gen: Generation) -> dict:
    msg = {"role": "assistant", "content": text if text or not tool_calls else None}
    if tool_calls:
        msg["tool_calls"] = tool_calls
    return {"id": cid, "object": "chat.completion", "created": int(time.time()), "model": model,
            "system_fingerprint": None,
            "choices": [{"index": 0, "message": msg, "logprobs": None, "finish_reason": finish}],
            "usage": usage_of(gen)}


def merge_tool_calls(acc: list[dict], deltas: list[dict]) -> None:
    """Fold streamed tool_call deltas (by index) into whole tool calls."""
    for d in deltas:
        i = d.get("index", len(acc))
        while len(acc) <= i:
            acc.append({"id": None, "type": "function", "function": {"name": "", "arguments": ""}})
        call = acc[i]
        call["id"] = d.get("id") or call["id"]
        fn = d.get("function") or {}
        call["function"]["name"] += fn.get("name") or ""
        call["function"]["arguments"] += fn.get("arguments") or ""
