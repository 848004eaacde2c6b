"""Shared fixtures: real models from the store, servers on loopback ports."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EDGEWISE = [sys.executable, "-m", "edgewise.cli.main"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def model_file(name: str) -> str:
    """The real model from the registry, pulled on first use."""
    from edgewise.store import resolve

    return str(resolve(name, progress=False))


def load_engine_1t(path: str, n_ctx: int):
    """A real engine on one thread (tests share two cores with servers they start)."""
    from edgewise.config import EngineConfig
    from edgewise.engine import load_engine

    return load_engine(path, EngineConfig(n_threads=1, n_ctx=n_ctx), progress=False)


@pytest.fixture(scope="session")
def smollm() -> str:
    return model_file("smollm2-135m")


@pytest.fixture(scope="session")
def qwen05() -> str:
    return model_file("qwen2.5-coder-0.5b")


@pytest.fixture(scope="session")
def qwen15() -> str:
    return model_file("qwen2.5-coder-1.5b")


def wait_http(url: str, timeout: float = 120.0, ok=(200,)) -> None:
    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code in ok:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} not ready after {timeout}s")


def start(args: list[str], env: dict | None = None, **kw) -> subprocess.Popen:
    e = dict(os.environ, **(env or {}))
    return subprocess.Popen(EDGEWISE + args, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def stop(p: subprocess.Popen) -> None:
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
