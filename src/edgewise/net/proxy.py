"""A latency-injecting TCP proxy for loopback benchmarks (no netem here).

Every chunk read in either direction is released ``delay`` seconds later
(plus optional jitter), preserving order, and an optional bandwidth cap
spaces chunks by their size.  RTT = 2 x delay.
"""
from __future__ import annotations

import asyncio
import random
import threading
import time


class LatencyProxy:
    def __init__(self, target_host: str, target_port: int, delay_ms: float = 0.0, jitter_ms: float = 0.0,
                 bandwidth_mbps: float | None = None, listen_host: str = "127.0.0.1", listen_port: int = 0):
        self.target = (target_host, target_port)
        self.delay = delay_ms / 1000.0
        self.jitter = jitter_ms / 1000.0
        self.rate = bandwidth_mbps * 1e6 / 8 if bandwidth_mbps else None  # bytes/s
        self.listen = (listen_host, listen_port)
        self.port: int | None = None
        self.bytes = {"up": 0, "down": 0}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server = None
        self._ready = threading.Event()

    async def _pipe(self, reader, writer, direction: str) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def sender():
            free_at = 0.0
            while (item := await queue.get()) is not None:
                due, data = item
                if self.rate:
                    free_at = max(free_at, due) + len(data) / self.rate
                    due = free_at
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
            writer.close()

        task = asyncio.create_task(sender())
        last_due = 0.0
        try:
            while data := await reader.read(65536):
                self.bytes[direction] += len(data)
                due = time.monotonic() + self.delay + (random.uniform(-self.jitter, self.jitter) if self.jitter else 0)
                last_due = max(last_due, due)  # jitter never reorders bytes
                queue.put_nowait((last_due, data))
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            queue.put_nowait(None)
            await task

    async def _handle(self, c_reader, c_writer) -> None:
        try:
            s_reader, s_writer = await asyncio.open_connection(*self.target)
        except OSError:
            c_writer.close()
            return
        try:
            await asyncio.gather(self._pipe(c_reader, s_writer, "up"), self._pipe(s_reader, c_writer, "down"),
                                 return_exceptions=True)
        except asyncio.CancelledError:  # the proxy is stopping: connections just end
            pass

    async def serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._server = await asyncio.start_server(self._handle, *self.listen)
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        async with self._server:
            await self._server.serve_forever()

    def start(self) -> "LatencyProxy":
        """Run in a background thread; returns once listening."""
        threading.Thread(target=lambda: asyncio.run(self._serve_quietly()), daemon=True, name="proxy").start()
        self._ready.wait(10)
        return self

    async def _serve_quietly(self) -> None:
        try:
            await self.serve()
        except asyncio.CancelledError:
            pass

    def stop(self) -> None:
        if self._loop and self._server:
            self._loop.call_soon_threadsafe(self._server.close)
