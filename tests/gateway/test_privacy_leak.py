"""Leak test, end to end: the gateway forwards to a real upstream HTTP server
that records every byte; no original PII value may appear there, and the
user gets the values back."""
from __future__ import annotations

import json

import openai
import pytest

from tests.conftest import free_port, start, stop, wait_http
from tests.gateway.fake_upstream import Recorder, serve

pytestmark = pytest.mark.slow
PII = {"张伟": "PERSON", "13812345678": "CN_MOBILE", "zhang.wei@example.com": "EMAIL",
       "4111 1111 1111 1111": "CREDIT_CARD", "203.0.113.7": "IP_ADDRESS"}
MESSAGE = ("请帮我给张伟发个消息，他的手机是13812345678，邮箱 zhang.wei@example.com，"
           "卡号 4111 1111 1111 1111，服务器 203.0.113.7。")


@pytest.fixture(scope="module")
def setup(smollm, tmp_path_factory):
    rec = Recorder()
    up = serve(rec)
    port = free_port()
    cfg = tmp_path_factory.mktemp("leak") / "config.yaml"
    cfg.write_text(f"""model: {smollm}
engine: {{n_ctx: 512, n_threads: 1}}
gateway: {{backend: cloud}}
backends:
  - name: cloud
    url: http://127.0.0.1:{up.server_address[1]}
    model: big-model
""")
    p = start(["gateway", "--port", str(port), "--config", str(cfg)])
    try:
        wait_http(f"http://127.0.0.1:{port}/health")
        yield openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x", max_retries=0), rec
    finally:
        stop(p)
        up.shutdown()


def _no_leak(rec: Recorder):
    assert rec.bodies
    wire = b"".join(rec.bodies).decode("utf-8", errors="replace")
    for value in PII:
        assert value not in wire, f"{value} leaked to the upstream"
    assert "<CN_MOBILE_1>" in wire and "<EMAIL_1>" in wire


def test_non_streamed_is_redacted_and_restored(setup):
    client, rec = setup
    r = client.chat.completions.create(model="edgewise", messages=[{"role": "user", "content": MESSAGE}])
    _no_leak(rec)
    assert r.choices[0].message.content == "You said: " + MESSAGE


def test_streamed_is_restored_across_chunk_splits(setup):
    client, rec = setup
    chunks = client.chat.completions.create(model="edgewise", messages=[{"role": "user", "content": MESSAGE}],
                                            stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    _no_leak(rec)
    assert text == "You said: " + MESSAGE


def test_tool_call_arguments_are_restored(setup):
    client, rec = setup
    tools = [{"type": "function", "function": {"name": "send", "parameters": {"type": "object"}}}]
    r = client.chat.completions.create(model="edgewise", messages=[{"role": "user", "content": MESSAGE}],
                                       tools=tools)
    _no_leak(rec)
    args = json.loads(r.choices[0].message.tool_calls[0].function.arguments)
    assert args["to"] == MESSAGE


def test_sensitive_request_never_leaves(setup):
    client, rec = setup
    before = len(rec.bodies)
    r = client.chat.completions.create(model="edgewise", max_tokens=8, messages=[
        {"role": "user", "content": "我的密码是 Hunter2!xyz，身份证号 11010519491231002X，帮我记住"}])
    assert len(rec.bodies) == before  # answered on the laptop
    assert r.choices[0].message.content is not None
