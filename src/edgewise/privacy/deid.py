"""Reversible de-identification with typed, numbered placeholders.

    session = PrivacySession()
    safe = redact_messages(messages, session)      # send `safe` to the remote model
    answer = restore(remote_answer, session)        # or StreamRestorer(session)

The value<->placeholder mapping lives only in the session object (memory).
Numbers already present in the input in any placeholder-like form are
reserved first, so restore never confuses the user's literal text with ours.
"""
from __future__ import annotations

import copy
import json
from typing import Any, Callable, Iterator

from .placeholders import GENERIC, Syntax, canonical, syntax_for
from .recognizers import MIN_SCORE, Registry, default_registry, scan

Escape = Callable[[str], str] | None


def json_escape(value: str) -> str:
    """Value as it must appear inside a JSON string literal."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


class PrivacySession:
    """Mapping value <-> placeholder for one request/conversation, in memory."""

    def __init__(self, registry: Registry | None = None, min_score: float = MIN_SCORE):
        self.registry = default_registry if registry is None else registry
        self.min_score = min_score
        self._ph_by_value: dict[str, str] = {}
        self._value_by_key: dict[tuple[str, int], str] = {}
        self._next: dict[str, int] = {}
        self._reserved: dict[str, set[int]] = {}
        self._literal_generic: set[str] = set()

    # -- numbering ------------------------------------------------------------
    def types(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.registry.entities) | {t for t, _ in self._value_by_key}))

    def syntax(self) -> Syntax:
        return syntax_for(self.types())

    def reserve(self, text: str) -> None:
        """Mark numbers that already appear in `text` as unavailable."""
        for t, nums in self.syntax().numbers_in(text).items():
            self._reserved.setdefault(t, set()).update(nums)
        self._literal_generic.update(m.group() for m in GENERIC.finditer(text))

    def placeholder(self, entity: str, value: str) -> str:
        ph = self._ph_by_value.get(value)
        if ph is None:
            n = self._next.get(entity, 0) + 1
            taken = self._reserved.get(entity, ())
            while n in taken:
                n += 1
            self._next[entity] = n
            ph = canonical(entity, n)
            self._ph_by_value[value] = ph
            self._value_by_key[(entity, n)] = value
        return ph

    def value(self, entity: str, n: int) -> str | None:
        return self._value_by_key.get((entity, n))

    def is_literal(self, entity: str, n: int, text: str) -> bool:
        return n in self._reserved.get(entity, ()) or text in self._literal_generic

    @property
    def mapping(self) -> dict[str, str]:
        return {canonical(t, n): v for (t, n), v in self._value_by_key.items()}


# --- redact ------------------------------------------------------------------
def redact(text: str, session: PrivacySession | None = None) -> tuple[str, dict[str, str]]:
    """Replace PII with placeholders. Returns (redacted, {placeholder: value})."""
    session = PrivacySession() if session is None else session
    session.reserve(text)
    return _redact(text, session)


def _redact(text: str, session: PrivacySession) -> tuple[str, dict[str, str]]:
    out, used, pos = [], {}, 0
    for sp in scan(text, session.registry, session.min_score):
        ph = session.placeholder(sp.type, sp.text)
        used[ph] = sp.text
        out += [text[pos:sp.start], ph]
        pos = sp.end
    out.append(text[pos:])
    return "".join(out), used


def _redact_args(args: str, session: PrivacySession) -> str:
    """Tool-call arguments: redact JSON string leaves, else the raw string."""
    try:
        obj = json.loads(args)
    except (ValueError, TypeError):
        return _redact(args, session)[0]
    new = _map_strings(obj, lambda s: _redact(s, session)[0])
    return args if new == obj else json.dumps(new, ensure_ascii=False)


def _map_strings(obj: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, list):
        return [_map_strings(x, fn) for x in obj]
    if isinstance(obj, dict):
        return {k: _map_strings(v, fn) for k, v in obj.items()}
    return obj


def message_texts(msg: dict) -> Iterator[str]:
    content = msg.get("content")
    if isinstance(content, str):
        yield content
    elif isinstance(content, list):
        for part in content:
            if isinstance(part, dict) and isinstance(part.get("text"), str):
                yield part["text"]
    for call in _calls(msg):
        args = call.get("arguments")
        if isinstance(args, str):
            yield args
            try:
                yield from _strings(json.loads(args))
            except (ValueError, TypeError):
                pass


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, list):
        for x in obj:
            yield from _strings(x)
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)


def _calls(msg: dict) -> list[dict]:
    calls = [tc.get("function") for tc in msg.get("tool_calls") or [] if isinstance(tc, dict)]
    if isinstance(msg.get("function_call"), dict):
        calls.append(msg["function_call"])
    return [c for c in calls if isinstance(c, dict)]


def redact_messages(messages: list[dict], session: PrivacySession) -> list[dict]:
    """Redacted deep copy of OpenAI-style messages.

    All texts are reserved first, then walked in order (content, then tool
    calls), so one request always yields the same placeholders.
    """
    for msg in messages:
        for text in message_texts(msg):
            session.reserve(text)
    out = copy.deepcopy(messages)
    for msg in out:
        content = msg.get("content")
        if isinstance(content, str):
            msg["content"] = _redact(content, session)[0]
        elif isinstance(content, list):
            for part in content:
                if isinstance(part, dict) and isinstance(part.get("text"), str):
                    part["text"] = _redact(part["text"], session)[0]
        for call in _calls(msg):
            if isinstance(call.get("arguments"), str):
                call["arguments"] = _redact_args(call["arguments"], session)
    return out


# --- restore -----------------------------------------------------------------
def _restore(text: str, session: PrivacySession, pos: int = 0,
             escape: Escape = None) -> tuple[str, list[str]]:
    """Restore text[pos:]; text[:pos] is context only (for lookbehinds)."""
    syn = session.syntax()
    out, unknown, last = [], [], pos
    for m in syn.match.finditer(text, pos):
        entity, n = syn.parse(m)
        value = session.value(entity, n)
        if value is None:
            if not session.is_literal(entity, n, m.group()):
                unknown.append(m.group())
            continue
        out += [text[last:m.start()], escape(value) if escape else value]
        last = m.end()
    out.append(text[last:])
    unknown += [g.group() for g in GENERIC.finditer(text, pos)
                if g.group() not in session._literal_generic and g.group() not in unknown
                and not syn.match.fullmatch(g.group())]
    return "".join(out), unknown


def restore(text: str, session: PrivacySession) -> str:
    return _restore(text, session)[0]


def restore_report(text: str, session: PrivacySession) -> tuple[str, list[str]]:
    """(restored text, placeholder-looking strings that matched nothing)."""
    return _restore(text, session)


def restore_tool_calls(tool_calls: list[dict], session: PrivacySession) -> list[dict]:
    """Copy of tool calls with placeholders in function.arguments restored
    (values JSON-escaped, since arguments is a JSON document)."""
    out = copy.deepcopy(tool_calls)
    for tc in out:
        fn = tc.get("function") if isinstance(tc, dict) else None
        if isinstance(fn, dict) and isinstance(fn.get("arguments"), str):
            fn["arguments"] = _restore(fn["arguments"], session, escape=json_escape)[0]
    return out


class StreamRestorer:
    """Restore a streamed answer chunk by chunk.

    Holds back only a tail that could still become a placeholder (from the
    last '<', '[', ... or a word that is a prefix of `TYPE_N`); everything
    before it is emitted at once. Concatenated output == restore(full text).
    Use escape=json_escape for streamed tool-call arguments.
    """

    def __init__(self, session: PrivacySession, escape: Escape = None):
        self.session = session
        self.escape = escape
        self.unknown: list[str] = []
        self._buf = ""
        self._ctx = ""  # last raw char already emitted, for lookbehinds

    def feed(self, chunk: str) -> str:
        self._buf += chunk
        return self._emit(self.session.syntax().hold_from(self._ctx, self._buf))

    def flush(self) -> str:
        return self._emit(len(self._buf))

    def _emit(self, cut: int) -> str:
        head = self._buf[:cut]
        if not head:
            return ""
        text, unknown = _restore(self._ctx + head, self.session, len(self._ctx), self.escape)
        self.unknown += unknown
        self._ctx, self._buf = head[-1], self._buf[cut:]
        return text
