"""Tier 2's program path: the 0.5B writes solution(), the sandbox runs it, the router answers with it."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from edgewise.edge import program
from edgewise.edge.program import format_value, question_of

CHANGE = ("A store sells notebooks for $3 each. Maria buys 4 notebooks and 2 pens that cost $1.50 each. "
          "She pays with a $20 bill. How much change does she get in dollars?")


@pytest.mark.parametrize("v,text", [(15.0, "15"), (-3.0, "-3"), (13.333333333333334, "13.333333"),
                                    (0.1 + 0.2, "0.3"), (2.5, "2.5")])
def test_format_value(v, text):
    assert format_value(v) == text


def req(messages, tools=None, stop=None, max_tokens=None):
    from edgewise.edge.gateway.schemas import parse_chat

    body = {"model": "edgewise", "messages": messages, "tools": tools, "stop": stop, "max_tokens": max_tokens}
    return parse_chat({k: v for k, v in body.items() if v is not None})


def test_only_one_turn_plain_requests_take_the_program_path():
    user = {"role": "user", "content": CHANGE}
    assert question_of(req([user])) == CHANGE
    assert question_of(req([{"role": "system", "content": "Be brief."}, user])) == CHANGE
    assert question_of(req([user, {"role": "assistant", "content": "5"}, user])) is None
    assert question_of(req([user], stop=["\n"])) is None
    tool = {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
    assert question_of(req([user], tools=[tool])) is None


@pytest.fixture(scope="module")
def qwen_engine(qwen05):
    from edgewise.engine import Engine, EngineOptions

    eng = Engine(qwen05, EngineOptions(n_ctx=1024, n_threads=2))
    yield eng
    eng.close()


@pytest.mark.slow
@pytest.mark.parametrize("question,value", [
    (CHANGE, 5.0),
    ("一列火车以每小时60公里的速度行驶2.5小时，然后以每小时80公里的速度行驶1.5小时。总共行驶了多少公里？", 270.0),
])
def test_the_coder_writes_a_program_that_computes_the_answer(qwen_engine, question, value):
    p = program.write(qwen_engine, question)
    assert p.value == value, p.text
    assert p.tokens and len(p.logprobs) == len(p.tokens)
    assert p.code.startswith("def solution():") and "```" not in p.code
    assert p.answer().endswith(f"Answer: {format_value(value)}")


@pytest.mark.slow
def test_a_program_that_gives_no_number_means_the_plain_answer(qwen_engine):
    local = SimpleNamespace(engine=qwen_engine)
    r = req([{"role": "user", "content": CHANGE}], max_tokens=3)  # no room for a whole program
    assert program.open_program(local, r, __import__("threading").Event()) is None


@pytest.fixture(scope="module")
def router_client(qwen05, tmp_path_factory):
    from edgewise.config import Config
    from edgewise.edge.backends.local import LocalBackend
    from edgewise.edge.gateway.app import Gateway, create_app
    from edgewise.engine import Engine, EngineOptions
    from edgewise.router.backend import RouterBackend
    from edgewise.router.ledger import Ledger
    from tests.router.test_router_backend import FixedGrader

    cfg = Config.model_validate({"model": qwen05, "engine": {"n_ctx": 1024, "n_threads": 2}, "router": {"cloud": []}})
    local = LocalBackend(Engine(qwen05, EngineOptions(n_ctx=1024, n_threads=2)))
    router = RouterBackend(cfg, local, grader=FixedGrader(), ledger=Ledger(tmp_path_factory.mktemp("l") / "l.sqlite"))
    gw = Gateway()
    gw.add(local)
    gw.add(router, default=True)
    with TestClient(create_app(gw)) as client:
        client.router = router
        yield client
    local.engine.close()


def chat(client, text, stream=False):
    body = {"model": "edgewise", "messages": [{"role": "user", "content": text}], "temperature": 0,
            "max_tokens": 300, "stream": stream}
    return client.post("/v1/chat/completions", json=body)


@pytest.mark.slow
def test_router_answers_a_word_problem_with_its_program(router_client):
    r = chat(router_client, CHANGE)
    assert r.status_code == 200, r.text
    content = r.json()["choices"][0]["message"]["content"]
    assert content.startswith("```python\ndef solution():") and content.endswith("Answer: 5")
    assert r.headers["x-edgewise-tier"] == "2" and r.json()["usage"]["completion_tokens"] > 10


@pytest.mark.slow
def test_router_program_path_can_be_turned_off_and_skips_other_requests(router_client):
    router_client.router.program = False
    try:
        off = chat(router_client, CHANGE).json()["choices"][0]["message"]["content"]
    finally:
        router_client.router.program = True
    assert not off.startswith("```python\ndef solution():")
    other = chat(router_client, "What is the capital of France?").json()["choices"][0]["message"]["content"]
    assert "Paris" in other and "solution()" not in other


@pytest.mark.slow
def test_a_streamed_program_answer_is_the_same_answer(router_client):
    import json

    plain = chat(router_client, CHANGE).json()["choices"][0]["message"]["content"]
    r = chat(router_client, CHANGE, stream=True)
    chunks = [json.loads(l[6:]) for l in r.text.splitlines() if l.startswith("data: {")]
    streamed = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert r.headers["x-edgewise-tier"] == "2" and streamed == plain
