"""Traditional -> Simplified Chinese, one character at a time.

Hong Kong and Taiwan users write 燙傷, 臺北市 and 號; the triage and privacy
patterns are written in Simplified.  Folding character by character keeps
the text's length, so a match's offsets still point into the original text
(privacy spans rely on that).  Phrase-level conversion (OpenCC's phrases)
would change lengths and is not needed for matching.  Data: OpenCC's
TSCharacters (data/zh/t2s.txt), 1:1 pairs only.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "zh" / "t2s.txt"


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    pairs = [line for line in _DATA.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")][0]
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)}


def to_simplified(text: str) -> str:
    """``text`` with every Traditional character that has a one-character Simplified form replaced.
    Same length as ``text``; Simplified and non-Chinese text is returned unchanged."""
    return text.translate(_table())
