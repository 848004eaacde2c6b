"""Killing a real rpc-server mid-generation: the split resumes when it comes
back (no token lost or repeated) or falls back to the local CPU with a notice;
the test process itself survives llama.cpp's abort either way."""
from __future__ import annotations

import threading

import pytest

from tests.conftest import free_port
from tests.split.conftest import TOKEN, chat, kill, split_cfg, start_rpc_server

pytestmark = pytest.mark.slow

PROMPT = "Write a Python function that reverses a string, with a docstring."
N = 40


@pytest.fixture(scope="module")
def reference(qwen05, xdg):
    from edgewise.algo.sampling import SamplingParams
    from edgewise.engine import Engine, EngineOptions
    from edgewise.engine.chat import chat_tokens
    from edgewise.engine.generate import generate

    eng = Engine(qwen05, EngineOptions.from_config(split_cfg().engine))
    toks = chat_tokens(eng, chat(PROMPT).dict_messages())
    text = "".join(d.text for d in generate(eng, toks, N, SamplingParams(temperature=0.0), reuse_prefix=False))
    eng.close()
    return text


def generate_and_kill(backend, server, at: int, then=lambda: None):
    gen = backend.open(chat(PROMPT, N), threading.Event())
    parts = []
    for i, d in enumerate(gen):
        parts.append(d.text)
        if i == at:
            kill(server)
            then()
    return "".join(parts), gen


def test_server_killed_then_restarted_resumes(qwen05, reference, rpc_cache, xdg):
    from edgewise.split.backend import SplitBackend

    port = free_port()
    servers = [start_rpc_server(port, rpc_cache)]
    b = SplitBackend(split_cfg(), qwen05, f"127.0.0.1:{port}", 20, 0, token=TOKEN, progress=False, retry_s=20)
    try:
        old_pid = b.worker.pid
        text, gen = generate_and_kill(b, servers[0], 10, lambda: servers.append(start_rpc_server(port, rpc_cache)))
        assert text == reference  # nothing lost, nothing repeated
        assert gen.meta["served_by"].startswith("split:")
        assert any("SIGABRT" in n or "stopped" in n for n in gen.meta["notices"])
        assert any("resumed" in n for n in gen.meta["notices"])
        assert b.worker.pid != old_pid
    finally:
        b.close()
        for s in servers:
            kill(s)


def test_server_stays_down_falls_back_to_local(qwen05, reference, rpc_cache, xdg):
    from edgewise.split.backend import SplitBackend

    port = free_port()
    server = start_rpc_server(port, rpc_cache)
    b = SplitBackend(split_cfg(), qwen05, f"127.0.0.1:{port}", 16, 4, token=TOKEN, progress=False, retry_s=2)
    try:
        text, gen = generate_and_kill(b, server, 5)
        assert text == reference
        assert gen.meta["served_by"].startswith("local:")
        assert any("is down" in n and "CPU" in n for n in gen.meta["notices"])
        assert b.mode == "local"
    finally:
        b.close()
        kill(server)
