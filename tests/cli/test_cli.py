"""CLI: only answer text on stdout; seeds make sampling reproducible."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(*args, env_extra=None):
    import os

    env = dict(os.environ, EDGEWISE_THREADS="1", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "edgewise.cli.main", *args], capture_output=True, text=True,
                          timeout=300, env=env)


def test_same_seed_same_output_different_seed_differs(smollm):
    args = ["run", "--model", smollm, "-n", "24", "-t", "1.0", "Tell me a short story about a cat."]
    a = run(*args, "--seed", "7")
    b = run(*args, "--seed", "7")
    c = run(*args, "--seed", "8")
    assert a.returncode == b.returncode == c.returncode == 0, a.stderr
    assert a.stdout == b.stdout and a.stdout.strip()
    assert c.stdout != a.stdout


def test_stdout_is_only_the_answer(smollm):
    r = run("run", "--model", smollm, "-n", "8", "-t", "0", "Say hello.")
    assert r.returncode == 0
    assert "error" not in r.stdout.lower() and "edgewise" not in r.stdout.lower()
    greedy = run("run", "--model", smollm, "-n", "8", "-t", "0", "Say hello.")
    assert greedy.stdout == r.stdout


def test_unknown_model_is_one_clear_line():
    r = run("run", "--model", "no-such-model", "hi")
    assert r.returncode == 1 and "unknown model" in r.stderr and r.stdout == ""


def test_models_list_and_path(smollm):
    r = run("models", "list")
    assert r.returncode == 0 and "qwen2.5-coder-0.5b" in r.stdout and "smollm2-135m" in r.stdout
    p = run("models", "path", "smollm2-135m")
    assert p.stdout.strip().endswith(".gguf")


def test_pii_scan_reads_stdin():
    import json

    r = subprocess.run([sys.executable, "-m", "edgewise.cli.main", "pii", "scan"], input="call 13812345678 now",
                       capture_output=True, text=True, timeout=60)
    spans = json.loads(r.stdout)
    assert spans == [{"start": 5, "end": 16, "type": "CN_MOBILE", "text": "13812345678"}]
