"""ctypes bindings for the few ggml calls llama-cpp-python does not expose:
the RPC server and client devices, the CPU device, and the GGUF reader.

They bind the very libraries llama_cpp loaded (same files, so the same
backend registry), which is what makes a device handle from here usable in
llama_model_params.devices.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import threading
import time
from functools import cache
from pathlib import Path

GGML_BACKEND_DEVICE_TYPE_CPU = 0


class GgmlError(RuntimeError):
    pass


@cache
def lib_dir() -> Path:
    import llama_cpp

    return Path(llama_cpp.__file__).parent / "lib"


@cache
def _lib(name: str) -> ctypes.CDLL:
    import llama_cpp  # noqa: F401  (loads libllama and its ggml libraries first)

    return ctypes.CDLL(str(lib_dir() / name))


@cache
def ggml() -> ctypes.CDLL:
    g = _lib("libggml.so")
    g.ggml_backend_dev_by_type.restype = ctypes.c_void_p
    g.ggml_backend_dev_by_type.argtypes = [ctypes.c_int]
    return g


@cache
def base() -> ctypes.CDLL:
    b = _lib("libggml-base.so")
    b.ggml_backend_reg_dev_get.restype = ctypes.c_void_p
    b.ggml_backend_reg_dev_get.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    b.ggml_backend_reg_dev_count.restype = ctypes.c_size_t
    b.ggml_backend_reg_dev_count.argtypes = [ctypes.c_void_p]
    b.ggml_backend_dev_name.restype = ctypes.c_char_p
    b.ggml_backend_dev_name.argtypes = [ctypes.c_void_p]
    return b


@cache
def rpc() -> ctypes.CDLL:
    r = _lib("libggml-rpc.so")
    r.ggml_backend_rpc_start_server.restype = None
    r.ggml_backend_rpc_start_server.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                                                ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]
    r.ggml_backend_rpc_add_server.restype = ctypes.c_void_p
    r.ggml_backend_rpc_add_server.argtypes = [ctypes.c_char_p]
    return r


def cpu_device() -> int:
    dev = ggml().ggml_backend_dev_by_type(GGML_BACKEND_DEVICE_TYPE_CPU)
    if not dev:
        raise GgmlError("ggml has no CPU device")
    return dev


def start_rpc_server(host: str, port: int, threads: int, cache_dir: str | None = None) -> threading.Thread:
    """Run ggml's RPC server (CPU device) on a daemon thread; returns once it listens.

    ggml's call never returns (it loops over clients one at a time), so the
    thread lives as long as the process.
    """
    devs = (ctypes.c_void_p * 1)(cpu_device())
    args = (f"{host}:{port}".encode(), cache_dir.encode() if cache_dir else None, threads, 1, devs)
    t = threading.Thread(target=rpc().ggml_backend_rpc_start_server, args=args, daemon=True, name="ggml-rpc")
    t._keep = devs  # the array must outlive the call
    t.start()
    wait_listening(host, port, t)
    return t


def wait_listening(host: str, port: int, thread: threading.Thread | None = None, timeout: float = 30.0) -> None:
    """Poll until something accepts on host:port (ggml drops the empty probe)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if thread is not None and not thread.is_alive():
            raise GgmlError(f"ggml RPC server on {host}:{port} did not start (port taken?)")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.05)
    raise GgmlError(f"nothing listens on {host}:{port} after {timeout:.0f}s")


def rpc_device(endpoint: str) -> int:
    """The first device of the ggml RPC server at host:port (connects once)."""
    reg = rpc().ggml_backend_rpc_add_server(endpoint.encode())
    if not reg or base().ggml_backend_reg_dev_count(reg) < 1:
        raise GgmlError(f"RPC server {endpoint} has no devices")
    return base().ggml_backend_reg_dev_get(reg, 0)


@contextlib.contextmanager
def model_params(devices: list[int] | None = None, repack: bool = True):
    """Make llama_cpp.Llama load with this NULL-terminated device list and,
    with ``repack=False``, without the CPU's repacked weight layouts.

    Llama builds its llama_model_params from llama_model_default_params() and
    offers no way to set either field.  Without ``devices`` llama.cpp never
    uses the RPC devices (every layer silently stays on the CPU).  Repacked
    layouts run other kernels than the generic ones ggml's RPC server uses,
    so results would depend on where a layer runs (near-ties in greedy
    decoding flip); without them, every placement computes the same numbers.
    """
    import llama_cpp.llama_cpp as lc

    arr = (ctypes.c_void_p * (len(devices) + 1))(*devices, None) if devices else None
    orig = lc.llama_model_default_params

    def patched():
        p = orig()
        if arr is not None:
            p.devices = ctypes.cast(arr, ctypes.c_void_p)
        if not repack:
            p.use_extra_bufts = False
        return p

    lc.llama_model_default_params = patched
    try:
        yield arr
    finally:
        lc.llama_model_default_params = orig


def quiet_stdout() -> None:
    """ggml's RPC code printf()s to stdout; keep fd 1 clean for answers."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
