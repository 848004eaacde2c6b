"""The latency proxy adds its delay each way and preserves bytes and order."""
from __future__ import annotations

import socket
import threading
import time

from edgewise.net.proxy import LatencyProxy


def _echo_server():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()

    def run():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            def echo(c=conn):
                while data := c.recv(65536):
                    c.sendall(data)
                c.close()
            threading.Thread(target=echo, daemon=True).start()
    threading.Thread(target=run, daemon=True).start()
    return srv


def _rtt(port: int, payload: bytes = b"x") -> tuple[float, bytes]:
    with socket.create_connection(("127.0.0.1", port)) as s:
        t = time.perf_counter()
        s.sendall(payload)
        got = b""
        while len(got) < len(payload):
            got += s.recv(65536)
        return (time.perf_counter() - t) * 1000, got


def test_delay_is_added_each_way():
    srv = _echo_server()
    proxy = LatencyProxy("127.0.0.1", srv.getsockname()[1], delay_ms=40).start()
    rtt, got = _rtt(proxy.port)
    assert got == b"x"
    assert 75 <= rtt <= 200
    proxy.stop()
    srv.close()


def test_zero_delay_is_fast_and_bytes_are_intact():
    srv = _echo_server()
    proxy = LatencyProxy("127.0.0.1", srv.getsockname()[1], delay_ms=0, jitter_ms=0).start()
    payload = bytes(range(256)) * 4000
    rtt, got = _rtt(proxy.port, payload)
    assert got == payload
    assert proxy.bytes["up"] == len(payload) == proxy.bytes["down"]
    proxy.stop()
    srv.close()


def test_bandwidth_cap_spaces_bytes():
    srv = _echo_server()
    proxy = LatencyProxy("127.0.0.1", srv.getsockname()[1], bandwidth_mbps=8).start()  # 1 MB/s
    rtt, got = _rtt(proxy.port, b"y" * 200_000)
    assert len(got) == 200_000 and rtt >= 150  # 0.2 MB each way at 1 MB/s
    proxy.stop()
    srv.close()
