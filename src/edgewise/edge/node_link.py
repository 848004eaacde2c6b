"""The edge's connection to a node's speculative session endpoint."""
from __future__ import annotations

import ssl
import time
from urllib.parse import urlparse

from edgewise.net.tls import check_node_url, client_context
from edgewise.protocol import frames as F


class NodeError(RuntimeError):
    """The node answered with an error frame (a refusal, not a network fault)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class NodeAuthError(NodeError):
    """Wrong or missing token: never retried, never silently replaced by local."""


class NodeDown(ConnectionError):
    """The node cannot be reached or the connection broke."""


class NodeLink:
    def __init__(self, url: str, token: str | None, pin: str | None = None, open_timeout: float = 10.0):
        self.url = check_node_url(url)
        self.token = token
        self.pin = pin
        self.open_timeout = open_timeout
        self.ws = None
        self.bytes_sent = self.bytes_received = 0

    def ws_url(self) -> str:
        u = urlparse(self.url)
        return f"{'wss' if u.scheme == 'https' else 'ws'}://{u.hostname}:{u.port}{F.PATH}"

    def connect(self) -> None:
        from websockets.exceptions import InvalidStatus
        from websockets.sync.client import connect

        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            self.ws = connect(self.ws_url(), legacy=True, additional_headers=headers, ssl=client_context(self.url, self.pin),
                              open_timeout=self.open_timeout, max_size=F.MAX_FRAME, compression=None,
                              ping_interval=None)
        except InvalidStatus as e:
            if e.response.status_code in (401, 403):
                raise NodeAuthError("invalid_token", f"node {self.url} refused the token (set EDGEWISE_TOKEN)") \
                    from None
            raise NodeDown(f"node {self.url} answered HTTP {e.response.status_code}") from None
        except ssl.SSLCertVerificationError:
            raise NodeAuthError("tls_pin", f"node {self.url} presented a certificate that is not the one pinned "
                                "on first use; if the node was re-installed on purpose, delete its file in "
                                "~/.config/edgewise/known_nodes/") from None
        except (OSError, TimeoutError) as e:
            raise NodeDown(f"cannot reach node {self.url}: {e}") from None

    def send(self, frame: dict) -> None:
        from websockets.exceptions import ConnectionClosed

        data = F.encode(frame)
        try:
            self.ws.send(data)
        except (ConnectionClosed, OSError) as e:
            raise NodeDown(f"connection to {self.url} lost: {e}") from None
        self.bytes_sent += len(data)

    def recv(self, timeout: float | None = None) -> dict | None:
        """The next frame; None if ``timeout`` passed first.  Error frames raise."""
        from websockets.exceptions import ConnectionClosed

        try:
            data = self.ws.recv(timeout=timeout)
        except TimeoutError:
            return None
        except (ConnectionClosed, OSError) as e:
            raise NodeDown(f"connection to {self.url} lost: {e}") from None
        self.bytes_received += len(data)
        f = F.reply(data)
        if f["t"] == "error":
            raise NodeError(f.get("code", "error"), f"node: {f.get('message')}")
        return f

    def call(self, frame: dict) -> dict:
        self.send(frame)
        return self.recv()

    def ping(self, n: int = 3) -> float:
        """Median round-trip time in ms over ``n`` pings."""
        times = []
        for i in range(n):
            t = time.perf_counter()
            self.call({"t": "ping", "id": i})
            times.append((time.perf_counter() - t) * 1000)
        return sorted(times)[len(times) // 2]

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.ws.send(F.encode({"t": "close"}))
                # wait briefly for the node to free the session and hang up, so a session
                # opened right after this one finds its slot free
                deadline = time.monotonic() + 2.0
                while time.monotonic() < deadline:
                    self.ws.recv(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:  # noqa: BLE001 - the node hung up (expected), or the link was dead
                pass
            try:
                self.ws.close()
            except Exception:  # noqa: BLE001 - closing a dead link is fine
                pass
            self.ws = None
