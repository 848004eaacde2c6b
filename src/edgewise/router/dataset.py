"""The labelled router prompt set, its model outcomes, labels and split.

prompts.jsonl   {"id", "lang", "prompt", "kind", "intended", "check"}
outcomes.jsonl  one line per (id, tier) written by bench/router_eval.py:
                {"id", "tier", "model", "correct", "prompt_tokens",
                 "completion_tokens", "seconds", "answer", "key"}

Label = the cheapest tier whose model answered correctly; no local tier -> 3.
The held-out split is a fixed function of the id (crc32), so it never
changes when items are added and the grader can prove it never trained on it.
"""
from __future__ import annotations

import json
import zlib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "router"
PROMPTS = DATA_DIR / "prompts.jsonl"
OUTCOMES = DATA_DIR / "outcomes.jsonl"
TIERS = (1, 2, 3)
LOCAL_TIERS = (1, 2)
HELDOUT_PERCENT = 30


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_prompts(path: Path = PROMPTS) -> list[dict]:
    return read_jsonl(path)


def is_heldout(item_id: str) -> bool:
    return zlib.crc32(item_id.encode()) % 100 < HELDOUT_PERCENT


def load_outcomes(path: Path = OUTCOMES) -> dict[str, dict[int, dict]]:
    """id -> tier -> outcome row (the last row wins, so re-runs overwrite)."""
    out: dict[str, dict[int, dict]] = {}
    for row in read_jsonl(path):
        out.setdefault(row["id"], {})[int(row["tier"])] = row
    return out


def label(tiers: dict[int, dict]) -> int | None:
    """Cheapest correct tier; 3 when both local tiers were run and wrong.

    Tier 3's own result does not enter the label (it only matters for the
    quality curve). None when it cannot be known yet (a local tier not run).
    """
    for t in LOCAL_TIERS:
        if t not in tiers:
            return None
        if tiers[t]["correct"]:
            return t
    return 3


def labelled(prompts: list[dict], outcomes: dict[str, dict[int, dict]]) -> list[dict]:
    """Prompts with a known label, each with "label" and "heldout" added."""
    rows = []
    for p in prompts:
        y = label(outcomes.get(p["id"], {}))
        if y is not None:
            rows.append({**p, "label": y, "heldout": is_heldout(p["id"])})
    return rows
