"""An authenticated, encrypted tunnel for ggml's RPC protocol.

ggml's RPC server has no authentication and no encryption: anyone who can
connect can allocate memory and run graphs on it.  So the rpc-server binds
ggml to loopback and exposes it only through this tunnel:

    llama.cpp RPC client -> TunnelClient (loopback listener, edge)
        == TLS, pinned node certificate, token handshake ==>
    TunnelServer (node) -> ggml RPC server (loopback)

The handshake is one message each way; after it the tunnel adds no framing,
so each RPC message costs one TLS record and no extra round trip.
"""
from __future__ import annotations

import hmac
import select
import socket
import ssl
import struct
import threading
from dataclasses import dataclass, field

from edgewise.engine.llama import EngineError

MAGIC = b"EWRPC\x01"
RELAY, PROBE, ECHO = b"R", b"P", b"E"
OK, BAD_TOKEN, BAD_REQUEST, UNAVAILABLE = 0, 1, 2, 3
HANDSHAKE_TIMEOUT = 10.0
BUF = 1 << 18


class TunnelError(EngineError):
    """The tunnel could not be set up; the message says why."""


class AuthError(TunnelError):
    pass


class TunnelDown(TunnelError):
    """The rpc server cannot be reached (refused, timed out, closed)."""


@dataclass
class Stats:
    """Bytes each way and turns (client-to-server traffic followed by a reply)."""

    up: int = 0
    down: int = 0
    turns: int = 0
    _last: str = field(default="", repr=False)

    def count(self, direction: str, n: int) -> None:
        if direction == "up":
            self.up += n
        else:
            self.down += n
            if self._last == "up":
                self.turns += 1
        self._last = direction

    def snapshot(self) -> dict:
        return {"up": self.up, "down": self.down, "turns": self.turns}


def tune(sock: socket.socket) -> None:
    """Small RPC messages must leave at once: Nagle would add up to 40 ms each."""
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)


def pipe(plain: socket.socket, tls: ssl.SSLSocket, stats: Stats | None = None, plain_is_up: bool = True) -> None:
    """Copy bytes both ways until either side closes, then close both.

    One thread with select: OpenSSL objects must not be read and written
    from two threads at once.  A TLS read may leave decrypted bytes buffered
    (``pending``) that select cannot see, so drain them before waiting again.
    """
    buf = bytearray(BUF)
    view = memoryview(buf)
    up, down = ("up", "down") if plain_is_up else ("down", "up")
    try:
        while True:
            ready, _, _ = select.select([plain, tls], [], [])
            if plain in ready:
                n = plain.recv_into(buf)
                if not n:
                    return
                tls.sendall(view[:n])
                if stats:
                    stats.count(up, n)
            if tls in ready:
                n = tls.recv_into(buf)
                if not n:
                    return
                plain.sendall(view[:n])
                if stats:
                    stats.count(down, n)
                while tls.pending():
                    n = tls.recv_into(buf, min(BUF, tls.pending()))
                    plain.sendall(view[:n])
                    if stats:
                        stats.count(down, n)
    except (OSError, ValueError):
        return
    finally:
        for s in (plain, tls):
            try:
                s.close()
            except OSError:
                pass


def _recv_exact(sock, n: int) -> bytes:
    out = bytearray()
    while len(out) < n:
        chunk = sock.recv(n - len(out))
        if not chunk:
            raise ConnectionError("connection closed during the handshake")
        out += chunk
    return bytes(out)


def hello(mode: bytes, token: str | None) -> bytes:
    t = (token or "").encode()
    return MAGIC + mode + struct.pack(">H", len(t)) + t


def reply(status: int, message: str = "") -> bytes:
    m = message.encode()[:1024]
    return bytes([status]) + struct.pack(">H", len(m)) + m


def read_reply(sock) -> tuple[int, str]:
    status = _recv_exact(sock, 1)[0]
    (n,) = struct.unpack(">H", _recv_exact(sock, 2))
    return status, _recv_exact(sock, n).decode(errors="replace")


# -- node side ---------------------------------------------------------------
class TunnelServer:
    """TLS listener that checks the token, then relays to ggml on loopback."""

    def __init__(self, host: str, port: int, target_port: int, token: str | None, certfile: str, keyfile: str,
                 log=lambda msg: None):
        self.host, self.port, self.target = host, port, ("127.0.0.1", target_port)
        self.token = token
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(certfile, keyfile)
        self.log = log
        self.sock: socket.socket | None = None

    def start(self) -> "TunnelServer":
        fam = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        self.sock = socket.create_server((self.host, self.port), family=fam, backlog=16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True, name="tunnel-accept").start()
        return self

    def stop(self) -> None:
        if self.sock:
            self.sock.close()

    def _accept(self) -> None:
        while True:
            try:
                conn, addr = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn, addr), daemon=True, name="tunnel-conn").start()

    def _serve(self, conn: socket.socket, addr) -> None:
        try:
            tune(conn)
            conn.settimeout(HANDSHAKE_TIMEOUT)
            tls = self.ctx.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()  # TOFU certificate fetches end here too
            return
        try:
            mode = self._handshake(tls, addr)
        except (OSError, ValueError):
            tls.close()
            return
        if mode is None:
            tls.close()
            return
        tls.settimeout(None)
        if mode == ECHO:
            self._echo(tls)
        else:
            self._relay(tls, addr)

    def _handshake(self, tls: ssl.SSLSocket, addr) -> bytes | None:
        head = _recv_exact(tls, len(MAGIC) + 3)
        if head[:len(MAGIC)] != MAGIC or head[len(MAGIC):len(MAGIC) + 1] not in (RELAY, PROBE, ECHO):
            tls.sendall(reply(BAD_REQUEST, "not an edgewise rpc tunnel handshake (wrong protocol or version)"))
            return None
        mode = head[len(MAGIC):len(MAGIC) + 1]
        (n,) = struct.unpack(">H", head[-2:])
        sent = _recv_exact(tls, n)
        if self.token and not hmac.compare_digest(sent, self.token.encode()):
            self.log(f"rejected {addr[0]}: wrong token")
            tls.sendall(reply(BAD_TOKEN, "the rpc server rejected the token (check EDGEWISE_TOKEN)"))
            return None
        if mode == PROBE:
            tls.sendall(reply(OK, "ok"))
            return None
        return mode

    def _relay(self, tls: ssl.SSLSocket, addr) -> None:
        try:
            inner = socket.create_connection(self.target, timeout=5)
        except OSError as e:
            tls.sendall(reply(UNAVAILABLE, f"the ggml RPC server is not running ({e})"))
            tls.close()
            return
        inner.settimeout(None)
        tune(inner)
        tls.sendall(reply(OK, "ok"))
        self.log(f"relay open for {addr[0]}")
        pipe(inner, tls, plain_is_up=False)

    @staticmethod
    def _echo(tls: ssl.SSLSocket) -> None:
        tls.sendall(reply(OK, "ok"))
        try:
            while data := tls.recv(BUF):
                tls.sendall(data)
        except OSError:
            pass
        finally:
            tls.close()


# -- edge side -----------------------------------------------------------------
def same_user(conn: socket.socket) -> bool:
    """Whether the process at the other end of a loopback TCP connection runs
    as our user (Linux: /proc/net/tcp); True where that cannot be read."""
    import os

    host, port = conn.getpeername()[:2]
    if host != "127.0.0.1":
        return False
    want = "0100007F:%04X" % port  # little-endian hex address, as the kernel prints it
    try:
        with open("/proc/net/tcp") as f:
            for line in f:
                cols = line.split()
                if len(cols) > 7 and cols[1] == want:
                    return int(cols[7]) == os.getuid()
    except OSError:
        return True
    return False


def parse_hostport(rpc: str) -> tuple[str, int]:
    """HOST:PORT, [v6]:PORT or https://HOST:PORT -> (host, port)."""
    s = rpc.split("://", 1)[-1].rstrip("/")
    host, sep, port = s.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise TunnelError(f"rpc address {rpc!r} must look like HOST:PORT")
    return host.strip("[]"), int(port)


class TunnelClient:
    """Loopback listener for llama.cpp's RPC client; each connection becomes
    one TLS connection to the node, authenticated before any ggml byte."""

    def __init__(self, rpc: str, token: str | None, pin: str | None = None, timeout: float = 10.0):
        self.host, self.port = parse_hostport(rpc)
        self.address = f"{self.host}:{self.port}"
        self.url = f"https://[{self.host}]:{self.port}" if ":" in self.host else f"https://{self.address}"
        self.token, self.pin, self.timeout = token, pin, timeout
        self.stats = Stats()
        self.last_error: str | None = None
        self._ctx: ssl.SSLContext | None = None
        self._listener: socket.socket | None = None

    @property
    def endpoint(self) -> str:
        """Where llama.cpp should connect: 127.0.0.1:PORT."""
        return f"127.0.0.1:{self._listener.getsockname()[1]}"

    def context(self) -> ssl.SSLContext:
        if self._ctx is None:
            from edgewise.config import ConfigError
            from edgewise.net.tls import client_context

            try:
                self._ctx = client_context(self.url, self.pin)
            except ConfigError as e:
                raise TunnelError(str(e)) from None
            except OSError as e:
                raise TunnelDown(f"rpc server {self.address} is not reachable: {e}") from None
        return self._ctx

    def connect(self, mode: bytes) -> ssl.SSLSocket:
        """TLS + token handshake; raises AuthError / TunnelDown / TunnelError."""
        ctx = self.context()
        try:
            raw = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as e:
            raise TunnelDown(f"rpc server {self.address} is not reachable: {e}") from None
        tune(raw)
        try:
            tls = ctx.wrap_socket(raw, server_hostname=self.host)
        except ssl.SSLCertVerificationError:
            raw.close()
            raise TunnelError(
                f"TLS: {self.address} presented a certificate that does not match the one pinned for it; if the "
                f"node was reinstalled, delete its file in the known_nodes folder of the edgewise config") from None
        except (OSError, ssl.SSLError) as e:
            raw.close()
            raise TunnelDown(f"TLS handshake with {self.address} failed: {e}") from None
        try:
            tls.sendall(hello(mode, self.token))
            status, msg = read_reply(tls)
        except (OSError, ConnectionError) as e:
            tls.close()
            raise TunnelDown(f"rpc server {self.address} closed the handshake: {e}") from None
        if status != OK:
            tls.close()
            raise (AuthError if status == BAD_TOKEN else TunnelError)(f"{self.address}: {msg}")
        tls.settimeout(None)
        return tls

    def probe(self) -> None:
        """Check reachability, certificate and token without touching ggml."""
        self.connect(PROBE).close()

    def alive(self) -> bool:
        try:
            self.probe()
            return True
        except TunnelDown:
            return False

    def start(self) -> "TunnelClient":
        self.context()  # fail early on a bad pin; fetch the certificate on first contact
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=8)
        threading.Thread(target=self._accept, daemon=True, name="tunnel-client").start()
        return self

    def close(self) -> None:
        if self._listener:
            self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                local, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._forward, args=(local,), daemon=True, name="tunnel-fwd").start()

    def _forward(self, local: socket.socket) -> None:
        if not same_user(local):
            local.close()  # another user's process must not ride on our token
            return
        tune(local)
        try:
            remote = self.connect(RELAY)
        except TunnelError as e:
            self.last_error = str(e)
            local.close()  # llama.cpp aborts its process; the worker's parent reads last_error
            return
        self.last_error = None
        pipe(local, remote, self.stats)
