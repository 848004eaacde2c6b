"""The tunnel: bytes pass intact, and a wrong token, a wrong certificate,
a dead address or a risky bind are refused with a clear message."""
from __future__ import annotations

import os
import socket
import ssl

import pytest

from tests.conftest import free_port
from tests.split.conftest import TOKEN, kill, start_rpc_server


def test_echo_roundtrip_is_byte_exact(rpc):
    from edgewise.split.tunnel import ECHO, TunnelClient

    c = TunnelClient(rpc, TOKEN)
    s = c.connect(ECHO)
    data = os.urandom(3_000_000)
    s.sendall(data)
    got = bytearray()
    while len(got) < len(data):
        got += s.recv(1 << 20)
    s.close()
    assert bytes(got) == data


def test_wrong_token_is_refused_before_ggml(rpc):
    from edgewise.split.tunnel import RELAY, AuthError, TunnelClient

    c = TunnelClient(rpc, "not-the-token")
    with pytest.raises(AuthError, match="rejected the token"):
        c.probe()
    with pytest.raises(AuthError):
        c.connect(RELAY)
    with pytest.raises(AuthError):
        TunnelClient(rpc, None).probe()


def test_split_backend_reports_wrong_token(rpc, qwen05):
    from edgewise.split.backend import SplitBackend
    from edgewise.split.tunnel import AuthError
    from tests.split.conftest import split_cfg

    with pytest.raises(AuthError, match="EDGEWISE_TOKEN"):
        SplitBackend(split_cfg(), qwen05, rpc, 8, token="nope", progress=False)


def test_plain_tls_client_without_handshake_gets_nothing(rpc):
    """A client that speaks ggml directly through TLS gets an error, not ggml."""
    host, port = rpc.split(":")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    with ctx.wrap_socket(socket.create_connection((host, int(port)))) as s:
        s.sendall(bytes([14]) + (24).to_bytes(8, "little") + bytes(24))  # ggml HELLO
        s.settimeout(5)
        reply = s.recv(200)
    assert reply[0] == 2 and b"not an edgewise rpc tunnel" in reply


def test_pin_mismatch_is_a_clear_error(rpc, xdg, tmp_path, monkeypatch):
    from edgewise.config import config_dir
    from edgewise.net.tls import node_cert
    from edgewise.split.tunnel import TunnelClient, TunnelError

    host, port = rpc.split(":")
    TunnelClient(rpc, TOKEN).probe()  # pins the real certificate (trust on first use)
    pin = config_dir() / "known_nodes" / f"{host}_{port}.pem"
    real = pin.read_bytes()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # another node's certificate
    other, _ = node_cert(host)
    try:
        pin.write_bytes(other.read_bytes())
        with pytest.raises(TunnelError, match="does not match the one pinned"):
            TunnelClient(rpc, TOKEN).probe()
    finally:
        pin.write_bytes(real)


def test_dead_address_is_tunnel_down(xdg):
    from edgewise.split.tunnel import TunnelClient, TunnelDown

    with pytest.raises(TunnelDown, match="not reachable"):
        TunnelClient(f"127.0.0.1:{free_port()}", TOKEN).start()


def test_bad_address():
    from edgewise.split.tunnel import TunnelError, parse_hostport

    assert parse_hostport("example.org:50052") == ("example.org", 50052)
    assert parse_hostport("https://[::1]:7") == ("::1", 7)
    with pytest.raises(TunnelError, match="HOST:PORT"):
        parse_hostport("example.org")


def test_binds_that_expose_the_server_are_refused():
    from edgewise.config import ConfigError
    from edgewise.split.server import RISK_FLAG, check_bind

    with pytest.raises(ConfigError, match=RISK_FLAG):
        check_bind("0.0.0.0", "tok", plain=True, allow_unauthenticated=False)
    with pytest.raises(ConfigError, match="EDGEWISE_TOKEN"):
        check_bind("0.0.0.0", None, plain=False, allow_unauthenticated=False)
    check_bind("0.0.0.0", None, plain=True, allow_unauthenticated=True)
    check_bind("127.0.0.1", None, plain=True, allow_unauthenticated=False)
    check_bind("0.0.0.0", "tok", plain=False, allow_unauthenticated=False)


def test_loopback_server_without_token_accepts_any(xdg, rpc_cache):
    from edgewise.split.tunnel import TunnelClient

    port = free_port()
    p = start_rpc_server(port, rpc_cache, token=None)
    try:
        TunnelClient(f"127.0.0.1:{port}", None).probe()
        TunnelClient(f"127.0.0.1:{port}", "anything").probe()
    finally:
        kill(p)
