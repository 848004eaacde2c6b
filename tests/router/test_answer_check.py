"""The answer check: the node scores a local answer's window in one batch, and
the router escalates or keeps on the node's reading (real node, real model)."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import numpy as np
import pytest
from fastapi.testclient import TestClient

from tests.conftest import free_port, load_engine_1t, start, stop, wait_http
from tests.gateway.fake_upstream import Recorder, serve
from tests.speculative.conftest import TOKEN

pytestmark = pytest.mark.slow
MSGS = [{"role": "user", "content": "Write a Python function that returns the square of x."}]


@pytest.fixture(scope="module")
def node(qwen05):
    port = free_port()
    p = start(["serve", "--port", str(port), "--model", qwen05], env={"EDGEWISE_TOKEN": TOKEN, "EDGEWISE_THREADS": "1"})
    wait_http(f"http://127.0.0.1:{port}/health", timeout=180)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(p)


@pytest.fixture(scope="module")
def local(qwen05):
    eng = load_engine_1t(qwen05, 1024)
    yield eng
    eng.close()


def checker(local, url, token=TOKEN, notices=None):
    from edgewise.edge.answer_check import AnswerChecker
    from edgewise.edge.node_link import NodeLink

    return AnswerChecker(local, lambda: NodeLink(url, token), notice=(notices if notices is not None else []).append)


def greedy_answer(local, n=16):
    from edgewise.engine.chat import chat_tokens
    from edgewise.engine.generate import generate

    prompt = chat_tokens(local, MSGS)
    return prompt, [d.token for d in generate(local, prompt, n, reuse_prefix=False) if d.token is not None]


def test_the_node_reads_its_own_models_answer_as_its_own(node, local):
    """Same weights on both sides: the node's greedy choices are the answer and its
    log-probs are the local model's own batched ones."""
    prompt, answer = greedy_answer(local)
    ck = checker(local, node)
    try:
        got = ck.score(prompt, answer)
        again = ck.score(prompt, answer)  # a second request on the same session
    finally:
        ck.close()
    assert got is not None and len(got["logprobs"]) == len(answer) and got == again
    assert np.mean(np.array(got["argmax"]) == np.array(answer)) >= 0.9  # batched vs one-by-one: rare near-tie flips
    local.reset()
    rows = local.eval(prompt + answer, logits_at=list(range(len(prompt) - 1, len(prompt) + len(answer) - 1)))
    rows = rows[:, : local.vocab_size].astype(np.float64)
    lse = rows.max(1) + np.log(np.exp(rows - rows.max(1, keepdims=True)).sum(1))
    ref = rows[np.arange(len(answer)), answer] - lse
    assert np.allclose(got["logprobs"], ref, atol=0.05)
    assert max(got["logprobs"]) <= 0.0


def test_a_wrong_answer_reads_as_unlikely(node, local):
    from edgewise.router.cascade import check_confidence

    prompt, answer = greedy_answer(local)
    junk = local.tokenize(" banana banana the of purple seventeen", special=False)
    ck = checker(local, node)
    try:
        good, bad = ck.score(prompt, answer), ck.score(prompt, junk)
    finally:
        ck.close()
    assert check_confidence(good) > check_confidence(bad) + 2
    assert len(good["argmax_logprobs"]) == len(answer) and all(
        t >= lp - 1e-3 for t, lp in zip(good["argmax_logprobs"], good["logprobs"]))  # its own pick is its likeliest


def test_a_dead_or_refusing_node_gives_none_and_a_notice(local):
    notices: list[str] = []
    ck = checker(local, f"http://127.0.0.1:{free_port()}", notices=notices)
    assert ck.score([1, 2, 3], [4, 5]) is None
    assert notices and "local confidence" in notices[0]


def test_a_wrong_token_is_refused(node, local):
    notices: list[str] = []
    ck = checker(local, node, token="wrong", notices=notices)
    assert ck.score([1, 2, 3], [4, 5]) is None and "token" in notices[0].lower()


def test_score_leaves_no_state_to_verify_from(node, local):
    """After a check the session holds a batch-scored cache: verifying needs a new prefill."""
    from edgewise.edge.node_link import NodeError, NodeLink

    link = NodeLink(node, TOKEN)
    link.connect()
    try:
        link.call({"t": "open", "v": 1, "vocab": local.fingerprint, "session": None, "seed": 0})
        out = link.call({"t": "score", "round": 1, "tokens": [1, 2, 3, 4], "start": 2})
        assert out["t"] == "scored" and len(out["logprobs"]) == 2
        with pytest.raises(NodeError, match="before prefill"):
            link.call({"t": "verify", "round": 2, "base": 4, "draft": [5]})
    finally:
        link.close()


@pytest.fixture(scope="module")
def routed(node, local, tmp_path_factory):
    from edgewise.config import Config
    from edgewise.edge.backends.local import LocalBackend
    from edgewise.edge.gateway.app import Gateway, create_app
    from edgewise.router.backend import RouterBackend
    from edgewise.router.ledger import Ledger
    from tests.router.test_router_backend import FixedGrader

    cloud = Recorder()
    up = serve(cloud)
    cfg = Config.model_validate({
        "model": str(local.path), "remote": {"url": node, "token": TOKEN},
        "backends": [{"name": "cloud", "url": f"http://127.0.0.1:{up.server_address[1]}"}],
        "router": {"cloud": ["cloud"], "cascade": {"check": True}}})
    backend = LocalBackend(local)
    router = RouterBackend(cfg, backend, grader=FixedGrader(), ledger=Ledger(tmp_path_factory.mktemp("l") / "l.db"))
    gw = Gateway()
    gw.add(router, default=True)
    with TestClient(create_app(gw)) as client:
        yield client, router, cloud
    router.checker.close()
    up.shutdown()


@pytest.mark.parametrize("check_threshold,escalated", [(-1e9, False), (1e9, True)])
def test_the_router_follows_the_nodes_reading(routed, check_threshold, escalated):
    client, router, cloud = routed
    router.cascade = replace(router.cascade, keep_above=1e9, check_threshold=check_threshold)  # always check
    n = len(cloud.bodies)
    body = {"model": "edgewise", "messages": MSGS, "max_tokens": 8, "temperature": 0}
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == 200, r.text
    assert r.headers["x-edgewise-tier"] == ("3" if escalated else "2")
    assert len(cloud.bodies) == n + escalated
    assert float(r.headers["x-edgewise-cost"]) > 0  # the check is paid even when the answer stays local
    with sqlite3.connect(router.ledger.path) as db:
        remote, = db.execute("SELECT remote_tokens FROM requests ORDER BY rowid DESC LIMIT 1").fetchone()
    assert remote > 0


def test_a_sure_answer_skips_the_check(routed):
    client, router, cloud = routed
    # never check (the check would escalate), and local confidence keeps everything
    router.cascade = replace(router.cascade, keep_above=-1e9, check_threshold=1e9, threshold=-1e9)
    body = {"model": "edgewise", "messages": MSGS, "max_tokens": 8, "temperature": 0, "stream": True,
            "stream_options": {"include_usage": True}}
    r = client.post("/v1/chat/completions", json=body)
    chunks = [json.loads(l[6:]) for l in r.text.splitlines() if l.startswith("data: {")]
    assert r.headers["x-edgewise-tier"] == "2" and chunks[-1]["usage"]["edgewise_cost"] == 0


def test_reading_is_what_calibration_moves(routed):
    """`router calibrate` reads the node's check where it checked, and nothing where it did not."""
    from edgewise.edge.gateway.schemas import ChatRequest

    _, router, cloud = routed
    n = len(cloud.bodies)
    req = ChatRequest(model="edgewise", messages=MSGS, max_tokens=8, temperature=0)
    router.cascade = replace(router.cascade, keep_above=1e9, check_threshold=-1e9)  # always check, keep
    checked = router.reading(req)
    assert checked["tier"] == 2 and checked["escalated"] is False
    assert checked["score"] == checked["seen"]["check"] and checked["score"] <= 0
    router.cascade = replace(router.cascade, keep_above=-1e9, threshold=1e9)  # sure: no check, fixed
    sure = router.reading(req)
    assert sure["score"] is None and "check" not in sure["seen"]
    assert len(cloud.bodies) == n  # a reading never asks the cloud


WORD_PROBLEM = ("A store sells notebooks for $3 each. Maria buys 4 notebooks and 2 pens that cost $1.50 each. "
                "She pays with a $20 bill. How much change does she get in dollars?")


def test_the_node_writes_what_the_local_model_would(node, local):
    """``write`` is the node's greedy continuation: same weights, same tokens as local decoding."""
    from edgewise.edge import program

    p = program.write(local, WORD_PROBLEM)
    ck = checker(local, node)
    try:
        got = ck.write(p.prompt_ids, 64)
    finally:
        ck.close()
    assert got is not None and got[: len(p.tokens)] == p.tokens and p.value == 5.0


def ask_word_problem(client, router):
    router.cascade = replace(router.cascade, keep_above=1e9)  # always check
    body = {"model": "edgewise", "messages": [{"role": "user", "content": WORD_PROBLEM}], "max_tokens": 200,
            "temperature": 0}
    return client.post("/v1/chat/completions", json=body)


def test_a_program_answer_is_kept_when_the_nodes_program_agrees(routed):
    client, router, cloud = routed
    n = len(cloud.bodies)
    r = ask_word_problem(client, router)
    assert r.status_code == 200, r.text
    assert r.headers["x-edgewise-tier"] == "2" and len(cloud.bodies) == n
    assert r.json()["choices"][0]["message"]["content"].endswith("Answer: 5")
    assert float(r.headers["x-edgewise-cost"]) > 0  # the node's reading and writing are paid


def test_a_program_answer_escalates_when_the_nodes_program_disagrees(routed, monkeypatch):
    client, router, cloud = routed
    other = router.local.engine.tokenize("    return 7\n```", special=False)
    monkeypatch.setattr(router.checker, "write", lambda prompt, n: other)
    n = len(cloud.bodies)
    r = ask_word_problem(client, router)
    assert r.status_code == 200, r.text
    assert r.headers["x-edgewise-tier"] == "3" and len(cloud.bodies) == n + 1
