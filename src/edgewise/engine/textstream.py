"""Token bytes -> user text, incrementally: UTF-8 sequences split across
tokens are held until complete, and text that may be the start of a stop
string is held until it is known not to be one."""
from __future__ import annotations

import codecs
from typing import Sequence


class TextStream:
    def __init__(self, stop: Sequence[str] = ()):
        self.stop = [s for s in stop if s]
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self.stopped = False
        self.text = ""  # everything emitted so far

    def push(self, data: bytes) -> str:
        """Add a token's bytes; return the text that is now safe to show."""
        if self.stopped:
            return ""
        self._pending += self._utf8.decode(data)
        return self._release(final=False)

    def finish(self) -> str:
        if not self.stopped:
            self._pending += self._utf8.decode(b"", final=True)
        return self._release(final=True)

    def _release(self, final: bool) -> str:
        cut = None
        for s in self.stop:
            i = self._pending.find(s)
            if i >= 0 and (cut is None or i < cut):
                cut = i
        if cut is not None:
            out, self._pending, self.stopped = self._pending[:cut], "", True
        elif final:
            out, self._pending = self._pending, ""
        else:
            hold = self._held_suffix()
            out = self._pending[: len(self._pending) - hold]
            self._pending = self._pending[len(self._pending) - hold:]
        self.text += out
        return out

    def _held_suffix(self) -> int:
        """Length of the longest tail of pending text that could begin a stop string."""
        best = 0
        for s in self.stop:
            for n in range(min(len(s) - 1, len(self._pending)), best, -1):
                if self._pending.endswith(s[:n]):
                    best = n
                    break
        return best
