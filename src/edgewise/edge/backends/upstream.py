"""A generic OpenAI-compatible upstream (cloud API, another edgewise node).

Requests are always streamed from the upstream and re-framed, so the gateway
can restore de-identified text and count usage the same way for every
backend.  ``tool`` messages, ``tools`` and ``tool_calls`` pass through as is.
"""
from __future__ import annotations

import concurrent.futures as cf
import json
import threading

import httpx

from edgewise.edge.backends.base import Delta, Generation
from edgewise.edge.gateway.errors import APIError

PASS_THROUGH = ("temperature", "top_p", "seed", "stop", "tools", "tool_choice", "response_format",
                "max_tokens", "max_completion_tokens", "presence_penalty", "frequency_penalty")


def chat_url(url: str) -> str:
    url = url.rstrip("/")
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


class UpstreamBackend:
    def __init__(self, cfg, verify=True, pool: int = 8):
        self.cfg = cfg
        self.name = cfg.name
        self.client = httpx.Client(timeout=httpx.Timeout(cfg.timeout_s, connect=10.0), verify=verify)
        self.pool = cf.ThreadPoolExecutor(max_workers=pool, thread_name_prefix=f"upstream-{cfg.name}")

    def ready(self) -> bool:
        return True

    def models(self) -> list[str]:
        return [f"{self.cfg.name}/{self.cfg.model}"]

    def submit(self, job):
        return self.pool.submit(job)

    def body(self, req, messages: list[dict] | None = None) -> dict:
        body = {"model": self.cfg.model, "messages": messages if messages is not None else req.dict_messages(),
                "stream": True, "stream_options": {"include_usage": True}}
        data = req.model_dump(exclude_none=True, exclude_defaults=True)
        body.update({k: data[k] for k in PASS_THROUGH if k in data})
        return body

    def open(self, req, cancel: threading.Event, messages: list[dict] | None = None) -> Generation:
        headers = {"Authorization": f"Bearer {self.cfg.key()}"} if self.cfg.key() else {}
        try:
            resp = self.client.send(
                self.client.build_request("POST", chat_url(self.cfg.url), json=self.body(req, messages), headers=headers),
                stream=True,
            )
        except httpx.HTTPError as e:
            raise APIError(502, f"upstream {self.name} unreachable: {type(e).__name__}: {e}", "upstream_error") from None
        if resp.status_code != 200:
            resp.read()
            raise _upstream_error(self.name, resp)
        gen = Generation(iter(()), model=self.cfg.model, cancel=cancel)
        gen.meta.update(served_by=f"{self.name}/{self.cfg.model}")
        gen.deltas = self._deltas(resp, gen)
        return gen

    def _deltas(self, resp: httpx.Response, gen: Generation):
        try:
            for line in resp.iter_lines():
                if gen.cancel.is_set():
                    yield Delta(finish_reason="cancelled")
                    return
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    return
                chunk = json.loads(data)
                if chunk.get("usage"):
                    gen.prompt_tokens = chunk["usage"].get("prompt_tokens", 0)
                    gen.completion_tokens = chunk["usage"].get("completion_tokens", 0)
                for choice in chunk.get("choices") or []:
                    d = choice.get("delta") or {}
                    if d.get("content") or d.get("tool_calls") or choice.get("finish_reason"):
                        yield Delta(d.get("content") or "", choice.get("finish_reason"), d.get("tool_calls"))
        finally:
            resp.close()


def _upstream_error(name: str, resp: httpx.Response) -> APIError:
    try:
        err = resp.json().get("error", {})
        msg = err.get("message") or resp.text
    except (ValueError, AttributeError):
        err, msg = {}, resp.text
    status = resp.status_code if 400 <= resp.status_code < 500 else 502
    return APIError(status, f"upstream {name}: {msg}", err.get("type") or "upstream_error", err.get("param"),
                    err.get("code"))
