"""Backend of `edgewise pii scan`: spans as JSON."""
from __future__ import annotations

import json

from .recognizers import scan


def scan_json(text: str) -> str:
    """JSON list of {"start", "end", "type", "text"} (str offsets), sorted by start."""
    return json.dumps([{"start": s.start, "end": s.end, "type": s.type, "text": s.text}
                       for s in scan(text)], ensure_ascii=False)
