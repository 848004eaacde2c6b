"""Parent-side handle on a worker process (see worker.py)."""
from __future__ import annotations

import collections
import os
import signal
import socket
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from edgewise.engine.llama import EngineError


class WorkerDied(EngineError):
    """The worker process ended (llama.cpp aborts it when the RPC server goes away)."""


class WorkerFailed(EngineError):
    """The worker is alive but the operation raised; the message is its error."""


def _env() -> dict:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])  # the worker must import this same edgewise
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env["GGML_NO_BACKTRACE"] = "1"  # ggml would attach gdb before aborting
    return env


def child_setup(cpus: set[int] | None = None, die_with_parent: bool = False) -> None:
    """In the child before exec: optionally pin it, and (Linux) have it killed
    when the forking *thread* exits -- only safe from a long-lived thread.
    Workers do not need it: their socketpair reads EOF when the parent dies."""
    if die_with_parent:
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if cpus:
        os.sched_setaffinity(0, cpus)


class WorkerProc:
    def __init__(self, cpus: set[int] | None = None):
        """``cpus`` pins the worker (benchmarks keep the edge and the node apart)."""
        parent, child = socket.socketpair()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "edgewise.split.worker", str(child.fileno())],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=_env(), preexec_fn=lambda: child_setup(cpus))
        child.close()
        self.conn = Connection(parent.detach())
        self.stderr: collections.deque[str] = collections.deque(maxlen=40)
        threading.Thread(target=self._drain, daemon=True, name="worker-stderr").start()

    def _drain(self) -> None:
        for line in iter(self.proc.stderr.readline, b""):
            self.stderr.append(line.decode(errors="replace").rstrip())

    @property
    def pid(self) -> int:
        return self.proc.pid

    def why(self) -> str:
        """The worker's exit status and the last meaningful stderr line."""
        code = self.proc.poll()
        status = "running" if code is None else (
            f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}")
        lines = [x for x in self.stderr if x.strip() and not x.startswith(("llama_", "load", "print_info"))]
        return f"{status}: {lines[-1]}" if lines else status

    def call(self, msg: dict, timeout: float | None = None) -> dict:
        try:
            self.conn.send(msg)
            if not self.conn.poll(timeout):
                self.kill()
                raise WorkerDied(f"no answer within {timeout:.0f}s (RPC server hung?)")
            out = self.conn.recv()
        except (EOFError, OSError):
            self.proc.wait(5)
            raise WorkerDied(self.why()) from None
        if "error" in out:
            raise WorkerFailed(out["error"])
        return out

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def close(self) -> None:
        try:
            self.conn.send({"op": "exit"})
            self.proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()
        self.conn.close()
