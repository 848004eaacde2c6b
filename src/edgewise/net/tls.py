"""TLS for edgewise nodes: a self-signed certificate that the node makes for
itself, and trust on first use on the client.

The client stores the node's certificate (``known_nodes/HOST_PORT.pem`` in
the config directory) and from then on trusts exactly that certificate as the
only CA, so a different certificate on the same address fails the handshake.
"""
from __future__ import annotations

import datetime
import hashlib
import ssl
from pathlib import Path
from urllib.parse import urlparse

from edgewise.config import ConfigError, config_dir, data_dir


def node_cert(host: str) -> tuple[Path, Path]:
    """The node's (cert, key) PEM files, generated on first use."""
    d = data_dir() / "tls"
    cert, key = d / "node.crt", d / "node.key"
    if cert.exists() and key.exists():
        return cert, key
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    d.mkdir(parents=True, exist_ok=True)
    pk = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"edgewise-node {host}")])
    now = datetime.datetime.now(datetime.timezone.utc)
    crt = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(pk.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(pk, hashes.SHA256())
    )
    key.write_bytes(pk.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()))
    key.chmod(0o600)
    cert.write_bytes(crt.public_bytes(serialization.Encoding.PEM))
    return cert, key


def fingerprint(pem_or_der: bytes) -> str:
    der = ssl.PEM_cert_to_DER_cert(pem_or_der.decode()) if pem_or_der.startswith(b"-----") else pem_or_der
    return "sha256:" + hashlib.sha256(der).hexdigest()


def _pin_path(host: str, port: int) -> Path:
    return config_dir() / "known_nodes" / f"{host.replace(':', '_')}_{port}.pem"


def client_context(url: str, pin: str | None = None) -> ssl.SSLContext | None:
    """An SSL context that trusts only the pinned certificate of this node.

    On first contact the certificate is fetched and stored (TOFU).  ``pin``
    (a ``sha256:...`` fingerprint from config) must match when given.
    """
    u = urlparse(url)
    if u.scheme != "https":
        return None
    host, port = u.hostname, u.port or 443
    path = _pin_path(host, port)
    if not path.exists():
        pem = ssl.get_server_certificate((host, port)).encode()
        if pin and fingerprint(pem) != pin:
            raise ConfigError(f"{url}: certificate {fingerprint(pem)} does not match the configured pin {pin}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pem)
    pem = path.read_bytes()
    if pin and fingerprint(pem) != pin:
        raise ConfigError(f"{url}: stored certificate does not match the configured pin {pin}")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False  # the pinned certificate itself is the identity
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(cadata=pem.decode())
    return ctx


def check_node_url(url: str) -> str:
    u = urlparse(url)
    if u.scheme not in ("http", "https") or not u.hostname or not u.port:
        raise ConfigError(f"node address {url!r} must look like http[s]://host:port")
    return url.rstrip("/")
