"""The OpenAI-compatible gateway: one public model name, ``edgewise``.

Each request is validated, handed to a backend's worker queue (FIFO, so
requests on the one engine are served fairly), and streamed back as
OpenAI's SSE chunks.  A client that disconnects sets the cancel flag, and
the worker stops generating at the next token.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import threading
import time
from typing import Callable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

from edgewise.edge.gateway import stream as S
from edgewise.edge.gateway.errors import APIError, bad_request, error_body
from edgewise.edge.gateway.metrics import Metrics
from edgewise.edge.gateway.schemas import parse_chat
from edgewise.engine import ContextOverflow

PUBLIC_MODEL = "edgewise"


class Gateway:
    """Holds the backends; ``default`` serves the public model name."""

    def __init__(self, api_key: str | None = None, max_queue: int = 64):
        self.api_key = api_key
        self.max_queue = max_queue
        self.backends: dict[str, object] = {}  # model name -> backend
        self.default: object | None = None
        self.loading_error: str | None = None
        self.metrics = Metrics()

    def add(self, backend, default: bool = False) -> None:
        for m in backend.models():
            self.backends[m] = backend
        if default:
            self.default = backend

    def ready(self) -> bool:
        return self.default is not None and self.default.ready()

    def pick(self, model: str):
        if model == PUBLIC_MODEL and self.default is not None:
            return self.default
        if model in self.backends:
            return self.backends[model]
        raise APIError(404, f"The model '{model}' does not exist; use '{PUBLIC_MODEL}' (see GET /v1/models)",
                       param="model", code="model_not_found")

    def load_async(self, loader: Callable[["Gateway"], None]) -> threading.Thread:
        def run():
            try:
                loader(self)
            except Exception as e:  # noqa: BLE001 - reported by /health
                self.loading_error = f"{type(e).__name__}: {e}"
        t = threading.Thread(target=run, name="gateway-load", daemon=True)
        t.start()
        return t


def create_app(gw: Gateway) -> FastAPI:
    app = FastAPI(title="edgewise gateway", docs_url=None, redoc_url=None)
    app.state.gw = gw
    gw.metrics.gauge("edgewise_queue_depth", lambda: sum(getattr(getattr(b, "worker", None), "pending", 0)
                                                         for b in set(gw.backends.values())))

    @app.exception_handler(APIError)
    async def _api_error(_req, exc: APIError):
        gw.metrics.inc("edgewise_requests_total", status=str(exc.status))
        return exc.response()

    @app.middleware("http")
    async def _auth(request: Request, call_next):
        if gw.api_key and request.url.path.startswith("/v1"):
            got = request.headers.get("authorization", "")
            if not hmac.compare_digest(got.encode(), f"Bearer {gw.api_key}".encode()):
                gw.metrics.inc("edgewise_requests_total", status="401")
                return JSONResponse(status_code=401, content=error_body(
                    "Incorrect API key provided", "invalid_request_error", None, "invalid_api_key"))
        return await call_next(request)

    @app.get("/health")
    async def health():
        if gw.loading_error:
            return JSONResponse(status_code=503, content={"status": "error", "error": gw.loading_error})
        if not gw.ready():
            return JSONResponse(status_code=503, content={"status": "loading"})
        return {"status": "ok"}

    @app.get("/metrics")
    async def metrics():
        return PlainTextResponse(gw.metrics.render(), media_type="text/plain; version=0.0.4")

    @app.get("/v1/models")
    async def models():
        names = [PUBLIC_MODEL] + sorted(gw.backends)
        return {"object": "list", "data": [{"id": n, "object": "model", "created": 0, "owned_by": "edgewise"}
                                           for n in names]}

    @app.post("/v1/chat/completions")
    async def chat(request: Request):
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise bad_request(f"request body is not valid JSON: {e}") from None
        req = parse_chat(body)
        if not gw.ready():
            raise APIError(503, "the model is still loading; retry shortly", "server_error", code="loading")
        backend = gw.pick(req.model)
        if getattr(getattr(backend, "worker", None), "pending", 0) >= gw.max_queue:
            raise APIError(429, "too many queued requests; retry shortly", "rate_limit_error")
        if hasattr(backend, "route"):  # privacy gate / router: decides who runs it, before any output
            backend, opener = await asyncio.to_thread(backend.route, req)
        else:
            opener = lambda cancel: backend.open(req, cancel)  # noqa: E731
        return await _serve(gw, request, req, backend, opener)

    return app


async def _open(bridge: S.Bridge):
    kind, value = await bridge.next()
    if kind == "error":
        if isinstance(value, ContextOverflow):
            raise bad_request(str(value), param="messages", code="context_length_exceeded")
        if isinstance(value, APIError):
            raise value
        raise APIError(500, f"{type(value).__name__}: {value}", "server_error")
    return value


async def _serve(gw: Gateway, request: Request, req, backend, opener):
    t0 = time.perf_counter()
    bridge = S.Bridge(backend, opener)
    try:
        gen = await _open(bridge)
    except BaseException:
        bridge.cancel.set()
        raise
    model = req.model
    headers = {"x-edgewise-tier": str(gen.meta["tier"])} if "tier" in gen.meta else {}
    if req.stream:
        return StreamingResponse(_sse(gw, request, req, bridge, gen, model, t0), media_type="text/event-stream",
                                 headers=headers)
    text, calls, finish = [], [], "stop"
    while (item := await bridge.next()) is not S._END:
        kind, d = item
        if kind == "error":
            raise APIError(502, f"generation failed: {d}", "server_error")
        text.append(d.text)
        if d.tool_calls:
            S.merge_tool_calls(calls, d.tool_calls)
        finish = d.finish_reason or finish
    _count(gw, gen, t0, None)
    if "cost" in gen.meta:
        headers["x-edgewise-cost"] = f"{gen.meta['cost']:.8f}"
    return JSONResponse(S.completion(S.new_id(), model, "".join(text), calls or None, finish, gen), headers=headers)


async def _sse(gw: Gateway, request: Request, req, bridge: S.Bridge, gen, model: str, t0: float):
    cid, created, ttft = S.new_id(), int(time.time()), None
    try:
        yield S.chunk(cid, model, created, {"role": "assistant", "content": ""})
        while True:
            try:
                item = await asyncio.wait_for(bridge.next(), timeout=0.5)
            except asyncio.TimeoutError:
                if await request.is_disconnected():
                    bridge.cancel.set()
                    return
                continue
            if item is S._END:
                break
            kind, d = item
            if kind == "error":
                yield f"data: {json.dumps(error_body(str(d), 'server_error'))}\n\n"
                break
            if d.text or d.tool_calls:
                ttft = ttft or time.perf_counter() - t0
                delta = {"content": d.text} if d.text else {}
                if d.tool_calls:
                    delta["tool_calls"] = d.tool_calls
                yield S.chunk(cid, model, created, delta)
            if d.finish_reason and d.finish_reason != "cancelled":
                yield S.chunk(cid, model, created, {}, d.finish_reason)
        if req.stream_options and req.stream_options.include_usage:
            yield S.usage_chunk(cid, model, created, gen)
        yield "data: [DONE]\n\n"
        _count(gw, gen, t0, ttft)
    finally:
        bridge.cancel.set()  # client gone or done: stop the worker at the next token


def _count(gw: Gateway, gen, t0: float, ttft: float | None) -> None:
    m = gw.metrics
    m.inc("edgewise_requests_total", status="200")
    m.inc("edgewise_tokens_total", gen.prompt_tokens, kind="prompt")
    m.inc("edgewise_tokens_total", gen.completion_tokens, kind="completion")
    m.inc("edgewise_request_seconds_sum", time.perf_counter() - t0)
    if ttft is not None:
        m.inc("edgewise_ttft_seconds_sum", ttft)
        m.inc("edgewise_ttft_seconds_count")
