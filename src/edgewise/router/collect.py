"""Run every tier's model on the labelled prompts and record outcomes.

Greedy decoding, short token budgets, n_threads=2, one engine per tier kept
loaded. Each (id, tier) result is appended to outcomes.jsonl as soon as it
is known, so an interrupted run resumes where it stopped.

Held-out items get all three tiers (the quality curve needs every tier's
correctness). Training items only need their label, so by default they run
as a cascade over the local tiers: stop at the first that is correct.
"""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from .checks import check
from .dataset import LOCAL_TIERS, OUTCOMES, TIERS, is_heldout, label, load_outcomes

MODELS = {1: "smollm2-135m", 2: "qwen2.5-coder-0.5b", 3: "qwen2.5-coder-1.5b"}
MAX_TOKENS = {"short": 64, "math": 256, "code": 160}  # math: at 128 most answers were cut off before their result
# 2 on an idle 2-core machine. On a busy one use 1: llama.cpp threads wait
# for each other at every op, and a descheduled thread stalls the others
# (measured here: smollm 11 tok/s with 1 thread vs 0.5-1.2 with 2 under load).
N_THREADS = 2
# The harness's system prompt per kind (like a benchmark's prompt format);
# the grader never sees it, only the user prompt.
SYSTEM = {
    "short": "You are a helpful assistant. Answer briefly and directly.",
    "math": "Solve the problem. Use at most three short steps, then give the final answer.",
    "code": "You are a Python coding assistant. Reply with only one Python code block that defines "
            "the requested function. No explanation.",
}


def uses_program(tier: int, item: dict) -> bool:
    """Tier 2 answers a detected word problem with a program, as the router does (edge/program.py)."""
    from .kind import is_math

    return tier == 2 and is_math(item["prompt"])


def cache_key(tier: int, item: dict) -> str:
    """Changes to the model, budget, system prompt, prompt or answer mode invalidate a result."""
    parts = [MODELS[tier], MAX_TOKENS[item["kind"]], SYSTEM[item["kind"]], item["prompt"], "greedy"]
    if uses_program(tier, item):
        from edgewise.edge.program import MAX_TOKENS as PROGRAM_TOKENS, SYSTEM as PROGRAM_SYSTEM

        parts += ["program", PROGRAM_SYSTEM, PROGRAM_TOKENS]
    raw = json.dumps(parts, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


class Runner:
    """Lazily loaded engines, one per tier."""

    def __init__(self, threads: int = N_THREADS):
        self.engines: dict[int, object] = {}
        self.threads = threads

    def engine(self, tier: int):
        if tier not in self.engines:
            from edgewise.config import EngineConfig
            from edgewise.engine import load_engine

            cfg = EngineConfig(n_threads=self.threads, n_ctx=1024)
            self.engines[tier] = load_engine(MODELS[tier], cfg, progress=False)
        return self.engines[tier]

    def answer(self, tier: int, item: dict) -> dict:
        t0 = time.perf_counter()
        if uses_program(tier, item):
            row = self.program_answer(tier, item)
            if row is not None:
                return row
        row = self.plain_answer(tier, item)
        row["seconds"] = round(time.perf_counter() - t0, 3)  # a failed program's time counts too
        return row

    def program_answer(self, tier: int, item: dict) -> dict | None:
        """The router's program path; None when the program gives no number (the router
        then answers the plain way, and so does the harness)."""
        from edgewise.edge import program

        t0 = time.perf_counter()
        p = program.write(self.engine(tier), item["prompt"])
        if p.value is None:
            return None
        text = p.answer()
        return {"id": item["id"], "tier": tier, "model": MODELS[tier], "correct": check(text, item["check"]),
                "prompt_tokens": len(p.prompt_ids), "completion_tokens": len(p.tokens), "finish": p.finish,
                "seconds": round(time.perf_counter() - t0, 3), "answer": text, "program": p.text, "value": p.value,
                "key": cache_key(tier, item)}

    def plain_answer(self, tier: int, item: dict) -> dict:
        from edgewise.engine.chat import chat_tokens
        from edgewise.algo.sampling import SamplingParams
        from edgewise.engine.generate import generate

        eng = self.engine(tier)
        msgs = [{"role": "system", "content": SYSTEM[item["kind"]]}, {"role": "user", "content": item["prompt"]}]
        prompt = chat_tokens(eng, msgs)
        t0 = time.perf_counter()
        # greedy: a label is the model's answer, not one draw of it (generate's default
        # is T=1, which made the 135M answer gibberish); reuse_prefix=False: a result
        # must not depend on the previous prompt
        parts, n, finish = [], 0, None
        for d in generate(eng, prompt, MAX_TOKENS[item["kind"]], SamplingParams(temperature=0.0), reuse_prefix=False):
            parts.append(d.text)
            n += d.token is not None
            finish = d.finish_reason or finish
        text = "".join(parts)
        return {"id": item["id"], "tier": tier, "model": MODELS[tier], "correct": check(text, item["check"]),
                "prompt_tokens": len(prompt), "completion_tokens": n, "finish": finish,
                "seconds": round(time.perf_counter() - t0, 3), "answer": text, "key": cache_key(tier, item)}

    def close(self) -> None:
        for eng in self.engines.values():
            eng.close()
        self.engines.clear()


def needed(item: dict, done: dict[int, dict], full: bool) -> int | None:
    """The next tier to run for an item, or None when it has what it needs.

    Held-out items (and all with full=True) need every tier. A training item
    only needs its label, and no label depends on tier 3.
    """
    tiers = TIERS if full or is_heldout(item["id"]) else LOCAL_TIERS
    if tiers is LOCAL_TIERS and label(done) is not None:
        return None
    return next((t for t in tiers if t not in done), None)


def collect(items: list[dict], path: Path = OUTCOMES, full: bool = False, budget_s: float | None = None,
            threads: int = N_THREADS, log=print) -> int:
    """Fill in missing outcomes; held-out items first. Returns results written."""
    outcomes = load_outcomes(path)
    # drop stale results (prompt, model, budget or system prompt changed)
    for item in items:
        tiers = outcomes.get(item["id"], {})
        for t in [t for t, row in tiers.items() if row.get("key") != cache_key(t, item)]:
            del tiers[t]
    order = sorted(items, key=lambda it: not is_heldout(it["id"]))
    runner, written, t0 = Runner(threads), 0, time.monotonic()
    try:
        with open(path, "a", encoding="utf-8") as out:
            for item in order:
                done = outcomes.setdefault(item["id"], {})
                while (tier := needed(item, done, full)) is not None:
                    if budget_s is not None and time.monotonic() - t0 > budget_s:
                        log(f"time budget of {budget_s:.0f}s spent after {written} results")
                        return written
                    row = runner.answer(tier, item)
                    done[tier] = row
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    out.flush()
                    written += 1
                    log(f"{item['id']} t{tier} {'ok ' if row['correct'] else 'BAD'} "
                        f"{row['completion_tokens']:3d} tok {row['seconds']:5.1f}s")
    finally:
        runner.close()
        compact(path)
    return written


def compact(path: Path = OUTCOMES) -> None:
    """Rewrite the outcomes one line per (id, tier), last result wins, sorted: a clean diff."""
    rows = [row for tiers in load_outcomes(path).values() for row in tiers.values()]
    rows.sort(key=lambda r: (r["id"], r["tier"]))
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(path)
