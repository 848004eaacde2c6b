"""/health answers 503 while the model loads; requests then get a clear 503, not a hang."""
from __future__ import annotations

from fastapi.testclient import TestClient

from edgewise.edge.gateway.app import Gateway, create_app


def test_health_is_503_while_loading_and_chat_says_so():
    client = TestClient(create_app(Gateway()))
    assert client.get("/health").status_code == 503
    r = client.post("/v1/chat/completions", json={"model": "edgewise", "messages": [{"role": "user", "content": "x"}]})
    assert r.status_code == 503 and r.json()["error"]["code"] == "loading"


def test_loading_failure_is_reported():
    gw = Gateway()
    gw.load_async(lambda g: (_ for _ in ()).throw(RuntimeError("no such model"))).join()
    r = TestClient(create_app(gw)).get("/health")
    assert r.status_code == 503 and "no such model" in r.json()["error"]


def test_api_key_required_when_configured():
    client = TestClient(create_app(Gateway(api_key="k")))
    r = client.get("/v1/models")
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"
    assert client.get("/v1/models", headers={"Authorization": "Bearer k"}).status_code == 200
