"""`edgewise serve`: the node that holds the target model.

One HTTP port serves the OpenAI-compatible API under /v1 (plain server-side
generation: the ``remote`` mode and a cloud tier) and the speculative session
protocol at /edgewise/spec/v1.  The token is required on both.  Nothing the
user sends is written to disk: sessions live in memory and die with the
process or their TTL.
"""
from __future__ import annotations

import asyncio
import hmac
import time
import uuid

from fastapi import WebSocket, WebSocketDisconnect
from starlette.responses import JSONResponse

from edgewise.edge.backends.local import LocalBackend
from edgewise.edge.gateway.app import Gateway, create_app
from edgewise.edge.gateway.errors import error_body
from edgewise.engine import Engine
from edgewise.protocol import frames as F
from edgewise.server.session import SpecSession


class EnginePool:
    """One context per live session; weights are mmap-shared between them."""

    def __init__(self, make, size: int):
        self.make, self.size = make, size
        self.free: list[Engine] = []
        self.count = 0

    def acquire(self) -> Engine | None:
        if self.free:
            return self.free.pop()
        if self.count >= self.size:
            return None
        self.count += 1
        return self.make()

    def release(self, eng: Engine) -> None:
        eng.reset()
        self.free.append(eng)


class Node:
    def __init__(self, cfg, make_engine, token: str | None):
        s = cfg.server
        self.token, self.max_draft, self.ttl = token, s.max_draft, s.session_ttl_s
        self.pool = EnginePool(make_engine, s.max_sessions)
        self.sessions: dict[str, SpecSession] = {}
        self.detached: dict[str, float] = {}  # session id -> time its connection dropped
        self.gateway = Gateway(api_key=token)
        self.target: Engine | None = None
        self.step_ms: float | None = None  # target ms per decode pass, announced to planners

    def observe(self, out: dict) -> None:
        """Follow the real cost of a streamed token (load from other sessions shows up
        here).  Only ``generated`` replies count: that is what a planner's streaming
        mode buys, and verify passes also carry the verify bookkeeping."""
        if out.get("t") == "generated" and out.get("passes") and out.get("ms") is not None:
            ms = out["ms"] / out["passes"]
            self.step_ms = ms if self.step_ms is None else 0.8 * self.step_ms + 0.2 * ms

    def authorized(self, header: str | None) -> bool:
        if not self.token:
            return True
        return hmac.compare_digest((header or "").encode(), f"Bearer {self.token}".encode())

    def reap(self) -> None:
        now = time.monotonic()
        for sid, since in list(self.detached.items()):
            if now - since > self.ttl:
                self.drop(sid)

    def drop(self, sid: str) -> None:
        self.detached.pop(sid, None)
        sess = self.sessions.pop(sid, None)
        if sess:
            self.pool.release(sess.engine)


def create_node_app(node: Node):
    app = create_app(node.gateway)

    @app.websocket(F.PATH)
    async def spec(ws: WebSocket):
        if not node.authorized(ws.headers.get("authorization")):
            await ws.send_denial_response(JSONResponse(status_code=401, content=error_body(
                "missing or wrong node token (EDGEWISE_TOKEN)", "invalid_request_error", None, "invalid_token")))
            return
        await ws.accept()
        await _serve_session(node, ws)

    return app


async def _serve_session(node: Node, ws: WebSocket) -> None:
    sess: SpecSession | None = None
    try:
        while True:
            data = await asyncio.wait_for(ws.receive_bytes(), timeout=node.ttl)
            try:
                f = F.decode(data)
                if f["t"] == "close":  # a clean end: free the context now, no resume
                    if sess is not None:
                        node.drop(sess.id)
                    return
                if sess is None and f["t"] not in ("open", "ping"):
                    raise F.ProtocolError("the first frame must be 'open'", "state")
                if f["t"] == "open":
                    sess, out = await _open(node, f)
                elif f["t"] == "ping":
                    out = {"t": "pong", "id": f["id"]}
                elif f["t"] == "generate":
                    out = await _stream_tokens(ws, sess, f)
                elif f["t"] == "score":
                    out = await asyncio.to_thread(sess.score, f["tokens"], f["start"], f["round"])
                elif f["t"] == "prefill":
                    out = await asyncio.to_thread(sess.prefill, f["tokens"], f["split"])
                else:
                    out = await asyncio.to_thread(sess.verify, f, node.max_draft)
                node.observe(out)
                await ws.send_bytes(F.encode(out))
            except F.ProtocolError as e:
                await ws.send_bytes(F.error(e.code, str(e)))
                await ws.close(code=1008 if e.code == "bad_frame" else 1011 if e.code == "internal" else 4000)
                if sess and e.code in ("vocab_mismatch",):
                    node.drop(sess.id)
                return
    except (WebSocketDisconnect, asyncio.TimeoutError, RuntimeError):
        pass
    finally:
        if sess is not None and sess.id in node.sessions:  # dropped link: resumable within the TTL
            node.detached.setdefault(sess.id, time.monotonic())
        node.reap()


async def _stream_tokens(ws: WebSocket, sess: SpecSession, f: dict) -> dict:
    """Run target decoding in a thread and forward each token as it is made."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()

    def emit(tok: int) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, tok)

    task = asyncio.ensure_future(asyncio.to_thread(sess.generate, f, emit))
    while not (task.done() and queue.empty()):
        getter = asyncio.ensure_future(queue.get())
        await asyncio.wait({getter, task}, return_when=asyncio.FIRST_COMPLETED)
        if getter.done():
            await ws.send_bytes(F.encode({"t": "token", "round": f["round"], "token": getter.result()}))
        else:
            getter.cancel()
    return task.result()


async def _open(node: Node, f: dict):
    node.reap()
    target = node.target
    if f["vocab"] != target.fingerprint:
        raise F.ProtocolError(
            f"vocabulary mismatch: the draft's {f['vocab']} is not the target {target.name}'s {target.fingerprint}; "
            "draft and target must share a tokenizer", "vocab_mismatch")
    if f["session"] and f["session"] in node.sessions:  # resume after a dropped connection
        node.detached.pop(f["session"], None)
        sess = node.sessions[f["session"]]
    else:
        eng = node.pool.acquire()
        if eng is None and node.detached:  # a client that is here beats one that left and may never resume
            node.drop(min(node.detached, key=node.detached.get))
            eng = node.pool.acquire()
        if eng is None:
            raise F.ProtocolError(f"the node is at its limit of {node.pool.size} sessions", "busy")
        sess = SpecSession(uuid.uuid4().hex, eng, f["seed"])
        node.sessions[sess.id] = sess
    return sess, {"t": "opened", "session": sess.id, "model": target.name, "vocab": target.fingerprint,
                  "n_ctx": sess.engine.n_ctx, "max_draft": node.max_draft, "ttl_s": node.ttl,
                  "committed": len(sess.committed), "step_ms": round(node.step_ms or 0.0, 3), "verify": "sequential"}


def build_node(cfg, model: str, token: str | None, progress: bool = False) -> Node:
    """Load the target (for /v1) and prepare the session pool (same weights, own contexts)."""
    from edgewise.engine import load_engine
    from edgewise.engine.generate import time_step

    def make() -> Engine:
        return load_engine(model, cfg.engine, progress=progress)

    node = Node(cfg, make, token)
    node.target = make()
    node.step_ms = time_step(node.target)  # warm-up; then followed live (Node.observe)
    node.gateway.add(LocalBackend(node.target, name="target", reuse_prefix=False), default=True)
    return node
