"""Real rpc-server processes on loopback, isolated config/data folders."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import free_port

TOKEN = "split-test-token"
THREADS = "1"


@pytest.fixture(scope="session")
def xdg(tmp_path_factory):
    """Node certificate and client pins in temp folders (models stay in the real cache)."""
    root = tmp_path_factory.mktemp("xdg")
    old = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "EDGEWISE_CONFIG")}
    os.environ["XDG_DATA_HOME"] = str(root / "data")
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")
    os.environ.pop("EDGEWISE_CONFIG", None)
    yield root
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"rpc-server exited: {proc.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"rpc-server not listening on {port}")


def start_rpc_server(port: int, cache_dir, token: str | None = TOKEN, extra: list[str] = ()) -> subprocess.Popen:
    env = dict(os.environ, EDGEWISE_THREADS=THREADS)
    env.pop("EDGEWISE_TOKEN", None)
    if token:
        env["EDGEWISE_TOKEN"] = token
    p = subprocess.Popen([sys.executable, "-m", "edgewise.split", "rpc-server", "--port", str(port),
                          "--cache-dir", str(cache_dir), *extra],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_port(port, p)
    return p


def kill(p: subprocess.Popen) -> None:
    if p.poll() is None:
        p.kill()
        p.wait(10)


@pytest.fixture(scope="session")
def rpc_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("rpc-cache")


@pytest.fixture(scope="module")
def rpc(xdg, rpc_cache):
    """A live rpc-server with the test token; yields HOST:PORT."""
    port = free_port()
    p = start_rpc_server(port, rpc_cache)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        kill(p)


def split_cfg(n_ctx: int = 1024):
    from edgewise.config import load_config

    return load_config(None, {"engine.n_threads": int(THREADS), "engine.n_ctx": n_ctx})


def chat(prompt: str, max_tokens: int = 32, temperature: float = 0.0, seed: int | None = None):
    from edgewise.edge.gateway.schemas import ChatRequest

    return ChatRequest(model="edgewise", messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens,
                       temperature=temperature, seed=seed)
