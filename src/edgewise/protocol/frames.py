"""Speculative session frames: binary msgpack maps over one WebSocket.

Every frame is a map with a type ``t``.  ``decode`` checks each field's
type and bounds, so a malformed frame becomes a ProtocolError (answered by an
error frame and a close), never a crash deep inside the server.  See
docs/protocol.md for the exchange.
"""
from __future__ import annotations

from typing import Any

import msgpack

PATH = "/edgewise/spec/v1"
VERSION = 1
MAX_FRAME = 4 << 20  # bytes; a prefill of a full context fits easily
MAX_TOKEN = 1 << 24


class ProtocolError(ValueError):
    def __init__(self, message: str, code: str = "bad_frame"):
        super().__init__(message)
        self.code = code


def _int(v, name, lo=0, hi=1 << 31):
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise ProtocolError(f"{name} must be an integer in [{lo}, {hi}]")
    return v


def _num(v, name, lo, hi):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
        raise ProtocolError(f"{name} must be a number in [{lo}, {hi}]")
    return float(v)


def _tokens(v, name, max_len):
    if not isinstance(v, list) or len(v) > max_len:
        raise ProtocolError(f"{name} must be a list of at most {max_len} token ids")
    return [_int(t, name, 0, MAX_TOKEN) for t in v]


def _str(v, name, max_len=256, optional=False):
    if v is None and optional:
        return None
    if not isinstance(v, str) or len(v) > max_len:
        raise ProtocolError(f"{name} must be a string")
    return v


def _sampling(v) -> dict:
    if v is None:
        return {"temperature": 0.0, "top_k": 0, "top_p": 1.0}
    if not isinstance(v, dict):
        raise ProtocolError("sampling must be a map")
    return {"temperature": _num(v.get("temperature", 0.0), "temperature", 0, 100),
            "top_k": _int(v.get("top_k", 0), "top_k", 0, 1 << 20),
            "top_p": _num(v.get("top_p", 1.0), "top_p", 1e-9, 1.0)}


def _sparse(v, n_draft: int) -> list[tuple[list[int], list[float]]] | None:
    """The draft's distributions: per drafted token, top-k ids and their probabilities."""
    if v is None:
        return None
    if not isinstance(v, list) or len(v) != n_draft:
        raise ProtocolError("q must hold one [ids, probs] pair per draft token")
    out = []
    for pair in v:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ProtocolError("each q entry must be [ids, probs]")
        ids = _tokens(pair[0], "q ids", 1 << 16)
        probs = pair[1]
        if not isinstance(probs, list) or len(probs) != len(ids) or not ids:
            raise ProtocolError("q probs must match q ids in length")
        out.append((ids, [_num(p, "q prob", 0.0, 1.0) for p in probs]))
    return out


def _open(f):
    return {"v": _int(f.get("v", VERSION), "v", 1, 1000), "vocab": _str(f.get("vocab"), "vocab"),
            "model": _str(f.get("model"), "model", optional=True),
            "session": _str(f.get("session"), "session", optional=True),
            "seed": _int(f.get("seed", 0), "seed", 0, (1 << 63) - 1)}


def _prefill(f):
    tokens = _tokens(f.get("tokens"), "tokens", 1 << 20)
    # tokens[:split] are scored as one batch, the rest one by one, so replaying
    # a prompt plus already-decoded tokens rebuilds the exact same cache.
    return {"round": _int(f.get("round"), "round"), "tokens": tokens,
            "split": _int(f.get("split", len(tokens)), "split", 0, len(tokens))}


def _verify(f):
    draft = _tokens(f.get("draft"), "draft", 256)
    return {"round": _int(f.get("round"), "round"), "base": _int(f.get("base"), "base"),
            "draft": draft, "q": _sparse(f.get("q"), len(draft)), "sampling": _sampling(f.get("sampling"))}


def _generate(f):
    """Plain target decoding from the committed state: the remote-stream mode inside a session."""
    return {"round": _int(f.get("round"), "round"), "base": _int(f.get("base"), "base"),
            "n": _int(f.get("n"), "n", 1, 4096), "sampling": _sampling(f.get("sampling"))}


def _score(f):
    """Teacher-forced log-probs of tokens[start:] in one batch: the router's answer check."""
    tokens = _tokens(f.get("tokens"), "tokens", 1 << 20)
    return {"round": _int(f.get("round"), "round"), "tokens": tokens,
            "start": _int(f.get("start"), "start", 1, max(1, len(tokens) - 1))}


def _ping(f):
    return {"id": _int(f.get("id", 0), "id")}


def _close(f):
    return {}


CLIENT_FRAMES = {"open": _open, "prefill": _prefill, "verify": _verify, "generate": _generate, "score": _score,
                 "ping": _ping,
                 "close": _close}


def encode(frame: dict[str, Any]) -> bytes:
    return msgpack.packb(frame, use_bin_type=True)


def decode(data: bytes | str) -> dict[str, Any]:
    """Parse and validate one client frame -> {"t": type, **fields}."""
    if not isinstance(data, (bytes, bytearray)):
        raise ProtocolError("frames must be binary msgpack")
    if len(data) > MAX_FRAME:
        raise ProtocolError(f"frame larger than {MAX_FRAME} bytes", "too_large")
    try:
        f = msgpack.unpackb(data, raw=False, strict_map_key=True)
    except Exception as e:  # noqa: BLE001 - msgpack raises many types on garbage
        raise ProtocolError(f"not msgpack: {type(e).__name__}") from None
    if not isinstance(f, dict) or not isinstance(f.get("t"), str):
        raise ProtocolError("a frame must be a map with a string 't'")
    parse = CLIENT_FRAMES.get(f["t"])
    if parse is None:
        raise ProtocolError(f"unknown frame type {f['t']!r}")
    return {"t": f["t"], **parse(f)}


def reply(data: bytes) -> dict[str, Any]:
    """Client side: decode a server frame (trusted peer, light checks)."""
    f = msgpack.unpackb(data, raw=False)
    if not isinstance(f, dict) or "t" not in f:
        raise ProtocolError("bad server frame")
    return f


def error(code: str, message: str) -> bytes:
    return encode({"t": "error", "code": code, "message": message})
