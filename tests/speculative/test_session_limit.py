"""The node's session limit: a new client takes the slot of one that left
(detached, waiting to resume) rather than being turned away; with every slot
held by a live client it is told the node is busy.  A stub engine: no model."""
from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import pytest

from edgewise.protocol import frames as F
from edgewise.server.node import Node, _open


class StubEngine:
    fingerprint, n_ctx, name = "vocab-x", 512, "stub"

    def reset(self):
        pass


def node(max_sessions: int) -> Node:
    cfg = SimpleNamespace(server=SimpleNamespace(max_draft=8, session_ttl_s=600, max_sessions=max_sessions))
    n = Node(cfg, StubEngine, token=None)
    n.target = StubEngine()
    return n


def open_frame():
    return {"t": "open", "v": 1, "vocab": "vocab-x", "session": None, "seed": 0}


def test_a_detached_session_gives_its_slot_to_a_new_client():
    n = node(1)
    first, _ = asyncio.run(_open(n, open_frame()))
    n.detached[first.id] = time.monotonic()  # its client dropped; it could still resume
    second, reply = asyncio.run(_open(n, open_frame()))
    assert reply["t"] == "opened" and second.id != first.id
    assert first.id not in n.sessions and first.id not in n.detached


def test_every_slot_live_means_busy():
    n = node(1)
    asyncio.run(_open(n, open_frame()))
    with pytest.raises(F.ProtocolError, match="limit of 1 sessions"):
        asyncio.run(_open(n, open_frame()))
