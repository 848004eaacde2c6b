"""Answer-then-escalate (cascade) routing: does the local model's confidence
in its own finished answer say when to send the request to the cloud?

For every prompt with recorded outcomes, the local main model (tier 2,
qwen2.5-coder-0.5b) re-scores the answer it gave (outcomes.jsonl) and we
take statistics of its per-token log-probabilities: mean, min, 10th
percentile.  A cascade answers locally, then escalates the least confident
answers; its quality-vs-cloud-share curve gives APGR exactly as for the
grader (bench/router_eval.py).  The statistic is chosen on the train split
and scored once on the held-out split; "cv_all" is the same statistic over
every item (no fitting is involved, so no folds are needed).
Also: the cascade combined with the grader (rank average).

Scores are cached in bench/results/router_cascade_scores.json (keyed by the
outcome key), so a re-run only scores new answers.

    .venv/bin/python bench/router_cascade.py [--threads 2]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import RESULTS, machine, table, write  # noqa: E402
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router import train as T  # noqa: E402
from edgewise.router.cascade import tune_threshold  # noqa: E402
from edgewise.router.collect import MODELS, SYSTEM  # noqa: E402
from edgewise.router.dataset import TIERS, labelled, load_outcomes, load_prompts  # noqa: E402
from edgewise.router.features import features  # noqa: E402

CACHE = RESULTS / "router_cascade_scores.json"
STATS = ("mean", "min", "p10", "p10@16", "p10@32")  # @N: from the answer's first N tokens only


def answer_logprobs(engine, item: dict, answer: str) -> np.ndarray:
    """log p of each answer token under the model, given the harness's prompt."""
    from edgewise.engine.chat import chat_tokens
    from edgewise.engine.generate import token_logprobs

    msgs = [{"role": "system", "content": SYSTEM[item["kind"]]}, {"role": "user", "content": item["prompt"]}]
    prompt = chat_tokens(engine, msgs)
    ans = engine.tokenize(answer, special=False)[: engine.n_ctx - len(prompt) - 1]
    if not ans:
        return np.zeros(1)
    engine.reset()
    rows = engine.eval(prompt + ans, logits_at=list(range(len(prompt) - 1, len(prompt) + len(ans) - 1)))
    return token_logprobs(rows[:, : engine.vocab_size], ans)


def stats(lp: np.ndarray) -> dict:
    return {"mean": float(lp.mean()), "min": float(lp.min()), "p10": float(np.percentile(lp, 10)), "n": len(lp),
            "p10@16": float(np.percentile(lp[:16], 10)), "p10@32": float(np.percentile(lp[:32], 10))}


def score_all(rows: list[dict], out: dict, threads: int) -> dict:
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    todo = [r for r in rows if not set(STATS) <= set(cache.get(out[r["id"]][2]["key"], {}))]
    if todo:
        from edgewise.config import EngineConfig
        from edgewise.engine import load_engine

        eng = load_engine(MODELS[2], EngineConfig(n_threads=threads, n_ctx=1024), progress=False)
        for i, r in enumerate(todo):
            o = out[r["id"]][2]
            cache[o["key"]] = stats(answer_logprobs(eng, r, o["answer"]))
            if i % 25 == 0:
                print(f"scored {i + 1}/{len(todo)}", flush=True)
        eng.close()
        CACHE.write_text(json.dumps(cache, indent=0))
    return {r["id"]: cache[out[r["id"]][2]["key"]] for r in rows}


def rank(x: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(x, kind="stable"), kind="stable") / max(1, len(x) - 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    out = load_outcomes()
    rows = [r for r in labelled(load_prompts(), out) if all(t in out[r["id"]] for t in TIERS)]
    C = np.array([[out[r["id"]][t]["correct"] for t in TIERS] for r in rows], bool)
    conf = score_all(rows, out, a.threads)
    held = np.array([r["heldout"] for r in rows])
    everything = np.ones(len(rows), bool)

    def apgr(score, mask):
        return M.summary(score[mask], np.full(mask.sum(), 2), C[mask])["apgr"]

    # escalate the least confident first: score = -statistic
    scores = {s: -np.array([conf[r["id"]][s] for r in rows]) for s in STATS}
    pick = max(STATS, key=lambda s: apgr(scores[s], ~held))  # chosen on the train split only
    grader_oof = np.zeros(len(rows))
    for test in T.folds(rows, 5):
        model = T.fit_model([r for i, r in enumerate(rows) if i not in set(test.tolist())])
        for i in test:
            grader_oof[i] = model.proba(features(rows[i]["prompt"]))["tier3"]
    train_only = T.fit_model([r for r in rows if not r["heldout"]])
    grader_held = np.array([train_only.proba(features(r["prompt"]))["tier3"] for r in rows])
    table_rows = []
    for s in STATS:
        table_rows.append({"router": f"cascade: -{s} logprob" + (" (picked on train)" if s == pick else ""),
                           "train_apgr": round(apgr(scores[s], ~held), 3), "heldout_apgr": round(apgr(scores[s], held), 3),
                           "all_apgr": round(apgr(scores[s], everything), 3)})
    both_all = rank(scores[pick]) + rank(grader_oof)
    both_held = rank(scores[pick][held]) + rank(grader_held[held])
    table_rows.append({"router": f"cascade -{pick} + grader (rank sum)", "train_apgr": "",
                       "heldout_apgr": round(M.summary(both_held, np.full(held.sum(), 2), C[held])["apgr"], 3),
                       "all_apgr": round(apgr(both_all, everything), 3)})
    table_rows.append({"router": "grader alone (out-of-fold / train-split model)", "train_apgr": "",
                       "heldout_apgr": round(apgr(grader_held, held), 3), "all_apgr": round(apgr(grader_oof, everything), 3)})
    correct2 = C[:, 1]
    auc = {s: round(T.auc_binary(-scores[s], correct2), 3) for s in STATS}
    print(table(table_rows, ["router", "train_apgr", "heldout_apgr", "all_apgr"]))
    print("AUC of confidence for 'the local answer is correct':", auc)
    chosen = np.array([conf[r["id"]][pick] for r in rows])  # the statistic picked on the train split
    t = tune_threshold(chosen[~held], C[~held, 1], C[~held, 2])
    up = chosen[held] < t
    tiers = np.where(up, 3, 2)
    at = {"statistic": pick, "threshold": round(t, 3), "heldout_cloud_share": round(float(up.mean()), 3),
          "heldout_quality": round(M.quality(tiers, C[held]), 3),
          "heldout_all_local": round(M.quality(np.full(held.sum(), 2), C[held]), 3),
          "heldout_all_cloud": round(M.quality(np.full(held.sum(), 3), C[held]), 3)}
    print("threshold tuned on the train split (router/cascade.py rule), on held-out:", at)
    path = write("router_cascade", {"machine": machine(), "models": {str(k): v for k, v in MODELS.items()},
                                    "items": len(rows), "heldout": int(held.sum()), "picked": pick,
                                    "auc_local_correct": auc, "rows": table_rows, "at_tuned_threshold": at})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
