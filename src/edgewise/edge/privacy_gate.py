"""The one choke point for anything that leaves the laptop.

Every remote backend (OpenAI-compatible upstream/cloud, the node's remote
mode, speculative verification, split inference) is wrapped in a
PrivateBackend.  Per request it calls ``privacy_level`` and the configured
policy: ``sensitive`` stays local (and says why), ``pii`` is de-identified
before it is sent and restored in the answer (streamed text, tool-call
arguments), ``none`` goes as routed.  The placeholder mapping lives only in
this process's memory, for the length of the request.
"""
from __future__ import annotations

import threading
from typing import Callable

from edgewise.edge.backends.base import Delta, Generation
from edgewise.edge.gateway.errors import APIError
from edgewise.privacy import (PrivacySession, StreamRestorer, decide, json_escape, privacy_level,
                              redact_messages)


def with_messages(req, messages: list[dict]):
    from edgewise.edge.gateway.schemas import Message

    return req.model_copy(update={"messages": [Message.model_validate(m) for m in messages]})


class PrivateBackend:
    def __init__(self, inner, local: Callable[[], object] | None = None, policy: dict | None = None):
        self.inner = inner
        self.name = inner.name
        self.local = local  # returns the local backend, loading it on first use
        self.policy = policy or {}

    def ready(self) -> bool:
        return self.inner.ready()

    def models(self) -> list[str]:
        return self.inner.models()

    def submit(self, job):
        return self.inner.submit(job)

    def open(self, req, cancel: threading.Event) -> Generation:
        backend, opener = self.route(req)
        return opener(cancel)

    def route(self, req):
        """-> (backend whose worker runs it, opener(cancel) -> Generation)."""
        msgs = req.dict_messages()
        verdict = privacy_level(msgs)
        action = decide(verdict, self.policy)
        why = "; ".join(verdict.reasons) or verdict.level
        if action == "local":
            local = self.local() if self.local else None
            if local is None:
                raise APIError(403, f"this request is '{verdict.level}' ({why}); policy keeps it on this device "
                               "and no local model is available", "privacy_error", code="kept_local")

            def run_local(cancel):
                gen = local.open(req, cancel)
                gen.meta.update(privacy=verdict.level, redacted=False)
                gen.meta.setdefault("notices", []).append(f"kept local: request is {verdict.level} ({why})")
                return gen
            return local, run_local
        if action == "redact":
            session = PrivacySession()
            safe = with_messages(req, redact_messages(msgs, session))

            def run_redacted(cancel):
                gen = self.inner.open(safe, cancel)
                gen.meta.update(privacy=verdict.level, redacted=True, placeholders=len(session.mapping))
                gen.deltas = _restored(gen.deltas, session)
                return gen
            return self.inner, run_redacted

        def run_plain(cancel):
            gen = self.inner.open(req, cancel)
            gen.meta.update(privacy=verdict.level, redacted=False)
            return gen
        return self.inner, run_plain


def _restored(deltas, session: PrivacySession):
    """Put real values back, holding only a partial placeholder across chunks."""
    text = StreamRestorer(session)
    args: dict[int, StreamRestorer] = {}
    for d in deltas:
        calls = None
        if d.tool_calls:
            calls = []
            for c in d.tool_calls:
                c = {**c, "function": dict(c.get("function") or {})}
                i = c.get("index", 0)
                r = args.setdefault(i, StreamRestorer(session, escape=json_escape))
                if c["function"].get("arguments"):
                    c["function"]["arguments"] = r.feed(c["function"]["arguments"])
                calls.append(c)
        out = text.feed(d.text) if d.text else ""
        if d.finish_reason:
            out += text.flush()
            tails = [{"index": i, "function": {"arguments": r.flush()}} for i, r in args.items()]
            calls = (calls or []) + [t for t in tails if t["function"]["arguments"]]
        yield Delta(out, d.finish_reason, calls or None)
    tail = text.flush()
    if tail:
        yield Delta(tail)
