"""The gateway through the official openai client, on a real model (SmolLM2-135M)."""
from __future__ import annotations

import httpx
import openai
import pytest

from tests.conftest import free_port, start, stop, wait_http

pytestmark = pytest.mark.slow
KEY = "test-key-123"


@pytest.fixture(scope="module")
def gateway(smollm, tmp_path_factory):
    port = free_port()
    cfg = tmp_path_factory.mktemp("gw") / "config.yaml"
    cfg.write_text(f"model: {smollm}\nengine:\n  n_ctx: 512\n  n_threads: 1\n")
    p = start(["gateway", "--port", str(port), "--config", str(cfg)], env={"EDGEWISE_API_KEY": KEY})
    try:
        wait_http(f"http://127.0.0.1:{port}/health", timeout=120)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(p)


@pytest.fixture(scope="module")
def client(gateway):
    return openai.OpenAI(base_url=gateway + "/v1", api_key=KEY, max_retries=0)


@pytest.fixture(scope="module")
def tokenizer(smollm):
    from edgewise.engine import Engine, EngineOptions
    from edgewise.engine.chat import chat_tokens

    eng = Engine(smollm, EngineOptions(n_ctx=512, n_threads=1))
    return lambda msgs: len(chat_tokens(eng, msgs)), eng


MSGS = [{"role": "user", "content": "Name three colors."}]


def test_non_streamed_with_real_usage(client, tokenizer):
    count, eng = tokenizer
    r = client.chat.completions.create(model="edgewise", messages=MSGS, max_tokens=12, temperature=0)
    text = r.choices[0].message.content
    assert text and r.choices[0].finish_reason in ("stop", "length")
    assert r.usage.prompt_tokens == count(MSGS)
    assert r.usage.completion_tokens == len(eng.tokenize(text)) or r.usage.completion_tokens <= 12
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens


def test_streamed_matches_non_streamed_and_reports_usage(client, gateway, tokenizer):
    count, _ = tokenizer
    full = client.chat.completions.create(model="edgewise", messages=MSGS, max_tokens=12, temperature=0)
    chunks = list(client.chat.completions.create(model="edgewise", messages=MSGS, max_tokens=12, temperature=0,
                                                 stream=True, stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == full.choices[0].message.content
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices == [] and chunks[-1].usage.prompt_tokens == count(MSGS)
    assert chunks[-1].usage.completion_tokens == full.usage.completion_tokens
    assert any(c.choices and c.choices[0].finish_reason for c in chunks)


def test_raw_sse_ends_with_done(gateway):
    body = {"model": "edgewise", "messages": MSGS, "max_tokens": 4, "stream": True}
    with httpx.stream("POST", gateway + "/v1/chat/completions", json=body,
                      headers={"Authorization": f"Bearer {KEY}"}, timeout=60) as r:
        lines = [l for l in r.iter_lines() if l]
    assert r.headers["content-type"].startswith("text/event-stream")
    assert lines[-1] == "data: [DONE]"
    assert all(l.startswith("data: ") for l in lines)


def test_models_lists_public_name_and_underlying(client):
    ids = [m.id for m in client.models.list().data]
    assert ids[0] == "edgewise" and len(ids) >= 2


def test_health_and_metrics(gateway):
    assert httpx.get(gateway + "/health").json() == {"status": "ok"}
    text = httpx.get(gateway + "/metrics").text
    assert "edgewise_requests_total" in text and "edgewise_queue_depth" in text


BAD = [
    ({"model": "edgewise", "messages": []}, 400, "messages"),
    ({"model": "edgewise"}, 400, "messages"),
    ({"model": "edgewise", "messages": [{"role": "wizard", "content": "hi"}]}, 400, "role"),
    ({"model": "gpt-17", "messages": MSGS}, 404, "model_not_found"),
    ({"model": "edgewise", "messages": MSGS, "max_tokens": 0}, 400, "max_tokens"),
    ({"model": "edgewise", "messages": MSGS, "max_tokens": -5}, 400, "max_tokens"),
    ({"model": "edgewise", "messages": [{"role": "user", "content": "word " * 2000}]}, 400, "context"),
]


@pytest.mark.parametrize("body,status,needle", BAD)
def test_bad_input_gets_openai_error(gateway, body, status, needle):
    r = httpx.post(gateway + "/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {KEY}"},
                   timeout=60)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"}
    assert needle in (err["message"] + str(err["param"]) + str(err["code"]))


def test_invalid_json_is_400(gateway):
    r = httpx.post(gateway + "/v1/chat/completions", content=b"{not json", timeout=10,
                   headers={"Authorization": f"Bearer {KEY}", "content-type": "application/json"})
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]["message"]


def test_wrong_api_key(gateway):
    bad = openai.OpenAI(base_url=gateway + "/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.chat.completions.create(model="edgewise", messages=MSGS, max_tokens=2)


def test_client_disconnect_stops_generation(gateway, client):
    """A stream abandoned after its first chunk must not keep the engine busy."""
    import time

    stream = client.chat.completions.create(model="edgewise", messages=MSGS, max_tokens=400, temperature=0.9,
                                            stream=True)
    next(iter(stream))
    stream.close()
    t = time.perf_counter()
    r = client.chat.completions.create(model="edgewise", messages=MSGS, max_tokens=2, temperature=0)
    assert r.choices[0].message.content is not None
    assert time.perf_counter() - t < 8  # not queued behind 400 tokens
