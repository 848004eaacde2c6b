"""The privacy gate in front of every remote backend (speculative, split, remote, cloud)."""
from __future__ import annotations

import threading

import pytest

from edgewise.edge.backends.base import Delta, Generation
from edgewise.edge.gateway.errors import APIError
from edgewise.edge.gateway.schemas import ChatRequest
from edgewise.edge.privacy_gate import PrivateBackend


class Remote:
    name = "remote"

    def __init__(self):
        self.seen = []

    def ready(self):
        return True

    def models(self):
        return ["remote"]

    def open(self, req, cancel):
        text = req.messages[-1].content
        self.seen.append(text)
        chunks = [text[i:i + 2] for i in range(0, len(text), 2)]
        return Generation(iter([Delta(c) for c in chunks] + [Delta("", "stop")]), model="r")


class Local(Remote):
    name = "local"


def req(text):
    return ChatRequest(model="edgewise", messages=[{"role": "user", "content": text}])


def run(backend, r):
    _, opener = backend.route(r)
    gen = opener(threading.Event())
    return "".join(d.text for d in gen), gen


def test_sensitive_runs_locally_and_says_why():
    remote, local = Remote(), Local()
    text, gen = run(PrivateBackend(remote, lambda: local), req("I was diagnosed with HIV last year, what now?"))
    assert remote.seen == [] and local.seen
    assert gen.meta["privacy"] == "sensitive" and "kept local" in gen.meta["notices"][0]


def test_sensitive_without_local_model_is_refused_clearly():
    with pytest.raises(APIError) as e:
        run(PrivateBackend(Remote(), None), req("here is my key -----BEGIN RSA PRIVATE KEY----- abc"))
    assert e.value.status == 403 and "sensitive" in e.value.message


def test_pii_is_redacted_on_the_wire_and_restored():
    remote = Remote()
    msg = "Call Dr. Alice Walker at 13912345678 or alice@example.org"
    text, gen = run(PrivateBackend(remote, None), req(msg))
    assert "13912345678" not in remote.seen[0] and "alice@example.org" not in remote.seen[0]
    assert text == msg and gen.meta["redacted"]


def test_policy_from_config_can_refuse_pii_too():
    remote = Remote()
    text, gen = run(PrivateBackend(remote, lambda: Local(), {"pii": "local"}), req("my phone is 13912345678"))
    assert remote.seen == [] and gen.meta["privacy"] == "pii"
