"""Router behind the one name: tier headers, cost, ledger, privacy override, cloud fallback."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient

from edgewise.config import Config
from edgewise.edge.backends.local import LocalBackend
from edgewise.edge.gateway.app import Gateway, create_app
from edgewise.router.ledger import Ledger
from tests.gateway.fake_upstream import Recorder, serve

pytestmark = pytest.mark.slow


@dataclass
class Grade:
    tier: int
    scores: dict = field(default_factory=dict)
    ms: float = 0.1


class FixedGrader:
    tier = 2

    def grade(self, messages, privacy=True):
        return Grade(self.tier)


@pytest.fixture(scope="module")
def env(smollm, tmp_path_factory):
    from edgewise.engine import Engine, EngineOptions
    from edgewise.router.backend import RouterBackend

    good, bad = Recorder(), Recorder()
    bad.fail = True
    up_good, up_bad = serve(good), serve(bad)
    cfg = Config.model_validate({
        "model": smollm, "engine": {"n_ctx": 512, "n_threads": 1},
        "backends": [{"name": "flaky", "url": f"http://127.0.0.1:{up_bad.server_address[1]}"},
                     {"name": "cloud", "url": f"http://127.0.0.1:{up_good.server_address[1]}"}],
        "router": {"cloud": ["flaky", "cloud"], "tiny_model": smollm},
        "prices": {"tier3": {"input": 1.0, "output": 2.0}}})
    local = LocalBackend(Engine(smollm, EngineOptions(n_ctx=512, n_threads=1)))
    grader = FixedGrader()
    ledger = Ledger(tmp_path_factory.mktemp("ledger") / "ledger.sqlite")
    gw = Gateway()
    gw.add(local)
    router = RouterBackend(cfg, local, grader=grader, ledger=ledger)
    gw.add(router, default=True)
    with TestClient(create_app(gw)) as client:
        client.router = router
        yield client, grader, ledger, good
    up_good.shutdown()
    up_bad.shutdown()


def ask(client, text, stream=False):
    body = {"model": "edgewise", "messages": [{"role": "user", "content": text}], "max_tokens": 6,
            "temperature": 0, "stream": stream, "stream_options": {"include_usage": True}}
    return client.post("/v1/chat/completions", json=body)


@pytest.mark.parametrize("tier", [1, 2, 3])
def test_tier_header_cost_and_ledger(env, tier):
    client, grader, ledger, _ = env
    grader.tier = tier
    before = ledger.summary()["tiers"].get(tier, {}).get("requests", 0)
    r = ask(client, "What is the capital of France?")
    assert r.status_code == 200, r.text
    assert r.headers["x-edgewise-tier"] == str(tier)
    cost = float(r.headers["x-edgewise-cost"])
    assert (cost > 0) == (tier == 3)
    assert r.json()["usage"]["edgewise_tier"] == tier
    assert ledger.summary()["tiers"][tier]["requests"] == before + 1


def test_streaming_puts_tier_and_cost_in_the_usage_chunk(env):
    client, grader, _, _ = env
    grader.tier = 3
    r = ask(client, "Prove that there are infinitely many primes.", stream=True)
    assert r.headers["x-edgewise-tier"] == "3"
    chunks = [json.loads(l[6:]) for l in r.text.splitlines() if l.startswith("data: {")]
    usage = chunks[-1]["usage"]
    assert usage["edgewise_tier"] == 3 and usage["edgewise_cost"] > 0


def test_first_cloud_failing_falls_back_to_the_next(env):
    client, grader, _, good = env
    grader.tier = 3
    n = len(good.bodies)
    r = ask(client, "Explain quicksort.")
    assert r.status_code == 200 and len(good.bodies) == n + 1
    assert r.json()["choices"][0]["message"]["content"].startswith("You said:")


def test_sensitive_is_never_sent_to_the_cloud(env):
    client, grader, ledger, good = env
    grader.tier = 3
    n = len(good.bodies)
    r = ask(client, "My doctor says my blood test shows diabetes, what should I eat?")
    assert r.status_code == 200
    assert len(good.bodies) == n and r.headers["x-edgewise-tier"] == "2"
    assert ledger.summary()["privacy"]["sensitive"]["requests"] >= 1


def sure_if(threshold: float, window: int = 0):
    """The cascade rule for ``window`` with its escalation threshold replaced."""
    from dataclasses import replace

    from edgewise.router.cascade import rule

    return replace(rule(window), threshold=threshold)


@pytest.mark.parametrize("threshold,escalated", [(-1e9, False), (1e9, True)])
def test_cascade_answers_locally_first_and_escalates_when_unsure(env, threshold, escalated):
    client, grader, ledger, good = env
    grader.tier = 2
    client.router.cascade = sure_if(threshold)  # -inf: always sure enough; +inf: never
    n = len(good.bodies)
    try:
        r = ask(client, "What is the capital of France?")
    finally:
        client.router.cascade = None
    assert r.status_code == 200, r.text
    assert r.headers["x-edgewise-tier"] == ("3" if escalated else "2")
    assert len(good.bodies) == n + escalated
    content = r.json()["choices"][0]["message"]["content"]
    assert content.startswith("You said:") == escalated and content


def test_cascade_confidence_is_the_local_models_own(env):
    """Streamed too: the local answer is buffered, scored, then sent (or replaced)."""
    client, grader, _, good = env
    grader.tier = 2
    client.router.cascade = sure_if(-1e9)
    try:
        r = ask(client, "Say hello.", stream=True)
    finally:
        client.router.cascade = None
    assert r.headers["x-edgewise-tier"] == "2"
    chunks = [json.loads(l[6:]) for l in r.text.splitlines() if l.startswith("data: {")]
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])


def test_cascade_keeps_streaming_a_long_confident_answer(env):
    """After a 32-token window the kept local answer continues: nothing is cut there."""
    client, grader, _, _ = env
    grader.tier = 2
    client.router.cascade = sure_if(-1e9, window=32)
    body = {"model": "edgewise", "messages": [{"role": "user", "content": "Count from 1 to 100."}],
            "max_tokens": 42, "temperature": 0}
    try:
        r = client.post("/v1/chat/completions", json=body)
    finally:
        client.router.cascade = None
    assert r.headers["x-edgewise-tier"] == "2"
    assert r.json()["usage"]["completion_tokens"] > 32
