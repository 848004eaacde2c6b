"""What every backend returns: a Generation, an iterator of Deltas that also
carries usage and routing facts (tier, cost, models) for the response."""
from __future__ import annotations

import concurrent.futures as cf
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Protocol


@dataclass
class Delta:
    text: str = ""
    finish_reason: str | None = None
    tool_calls: list[dict] | None = None  # OpenAI tool_call deltas, passed through


@dataclass
class Generation:
    """An opened request.  Iterate for Deltas; usage is final once exhausted."""

    deltas: Iterator[Delta]
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    meta: dict[str, Any] = field(default_factory=dict)  # tier, cost, served_by, privacy, ...
    cancel: threading.Event = field(default_factory=threading.Event)

    def __iter__(self) -> Iterator[Delta]:
        return self.deltas


class Backend(Protocol):
    name: str

    def models(self) -> list[str]: ...

    def open(self, req, cancel: threading.Event) -> Generation:
        """Validate and start; raise APIError/ContextOverflow before any output."""

    def submit(self, job: Callable[[], None]) -> cf.Future: ...

    def ready(self) -> bool: ...


class Serial:
    """A one-thread FIFO queue: the engine is not thread-safe, and a FIFO
    executor gives fair first-come first-served order for free."""

    def __init__(self, name: str):
        self.pool = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.pending = 0
        self._lock = threading.Lock()

    def submit(self, job: Callable[[], None]) -> cf.Future:
        with self._lock:
            self.pending += 1
        fut = self.pool.submit(job)
        fut.add_done_callback(self._done)
        return fut

    def _done(self, _fut) -> None:
        with self._lock:
            self.pending -= 1
