"""https nodes: self-signed certificate, pinned on first use; a changed certificate is refused."""
from __future__ import annotations

import ssl

import pytest

from edgewise.config import ConfigError
from edgewise.edge.node_link import NodeLink
from edgewise.net.tls import client_context, fingerprint
from tests.conftest import free_port, start, stop, wait_http
from tests.speculative.conftest import TOKEN

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tls_node(smollm, tmp_path_factory):
    home = tmp_path_factory.mktemp("tlshome")
    port = free_port()
    env = {"EDGEWISE_TOKEN": TOKEN, "XDG_DATA_HOME": str(home / "data"), "EDGEWISE_THREADS": "1"}
    p = start(["serve", "--model", smollm, "--port", str(port), "--tls"], env=env)
    try:
        import httpx
        import time

        for _ in range(300):
            try:
                httpx.get(f"https://127.0.0.1:{port}/health", verify=False, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield f"https://127.0.0.1:{port}", home
    finally:
        stop(p)


def test_tofu_pin_then_connect(tls_node, tmp_path, monkeypatch):
    url, _ = tls_node
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    ctx = client_context(url)
    assert (tmp_path / "edgewise" / "known_nodes").exists()
    link = NodeLink(url, TOKEN)
    link.connect()
    assert link.call({"t": "ping", "id": 1})["t"] == "pong"
    link.close()
    import httpx

    r = httpx.get(url + "/health", verify=ctx)
    assert r.status_code == 200


def test_wrong_pin_and_changed_certificate_are_refused(tls_node, tmp_path, monkeypatch):
    url, _ = tls_node
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    with pytest.raises(ConfigError, match="does not match"):
        client_context(url, pin="sha256:" + "0" * 64)
    # a different certificate stored for this address (as if the node were swapped) fails the handshake
    from edgewise.net.tls import _pin_path

    pin = _pin_path("127.0.0.1", int(url.rsplit(":", 1)[1]))
    pin.parent.mkdir(parents=True, exist_ok=True)
    from cryptography import x509  # a fresh self-signed cert that is not the node's
    import datetime
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    k = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "imposter")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(k.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(k, hashes.SHA256()))
    pin.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    assert fingerprint(pin.read_bytes()).startswith("sha256:")
    from edgewise.edge.node_link import NodeAuthError

    with pytest.raises(NodeAuthError, match="not the one pinned"):
        NodeLink(url, TOKEN).connect()
