from __future__ import annotations

import pytest

from tests.conftest import free_port, load_engine_1t, start, stop, wait_http

TOKEN = "spec-test-token"


def start_node(port: int, extra_env: dict | None = None, max_sessions: int = 4):
    env = {"EDGEWISE_TOKEN": TOKEN, "EDGEWISE_THREADS": "1", **(extra_env or {})}
    p = start(["serve", "--port", str(port), "--max-sessions", str(max_sessions)], env=env)
    wait_http(f"http://127.0.0.1:{port}/health", timeout=180)
    return p


@pytest.fixture(scope="session")
def node(qwen15):
    port = free_port()
    p = start_node(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(p)


@pytest.fixture(scope="session")
def draft(qwen05):
    return load_engine_1t(qwen05, 2048)


@pytest.fixture(scope="session")
def local_target(qwen15):
    """The target's weights in this process (auto's local-target mode, reference distributions)."""
    eng = load_engine_1t(qwen15, 2048)
    yield eng
    eng.close()


def remote_text(node: str, messages, max_tokens: int) -> tuple[str, int]:
    import httpx

    r = httpx.post(node + "/v1/chat/completions", timeout=300, headers={"Authorization": f"Bearer {TOKEN}"},
                   json={"model": "edgewise", "messages": messages, "max_tokens": max_tokens, "temperature": 0})
    r.raise_for_status()
    body = r.json()
    return body["choices"][0]["message"]["content"], body["usage"]["completion_tokens"]


def spec_tokens(draft, node: str, messages, max_tokens: int, **kw):
    from edgewise.algo.sampling import SamplingParams
    from edgewise.edge.node_link import NodeLink
    from edgewise.edge.speculative import SpeculativeDecoder
    from edgewise.engine.chat import chat_tokens

    notices = []
    on_draft = kw.pop("on_draft", None)
    setup = kw.pop("setup", None)
    token = kw.pop("token", TOKEN)
    dec = SpeculativeDecoder(draft, lambda: NodeLink(node, token), notice=notices.append, **kw)
    if setup:
        setup(dec)
    deltas = list(dec.generate(chat_tokens(draft, messages), max_tokens, SamplingParams(0.0), on_draft=on_draft))
    dec.close()
    text = "".join(d.text for d in deltas)
    return text, [d.token for d in deltas if d.token is not None], dec, notices
