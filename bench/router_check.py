"""Answer-then-check routing: does the big model's reading of the local answer
say when the local answer is not good enough?

Tier 2 in the routing issue is "the local main model answers, checked by the
big remote model where needed".  The check here is one teacher-forced pass
of the big model (the node's target, qwen2.5-coder-1.5b) over the prompt and
the first WINDOW tokens of the local answer: a prefill, batched on any
hardware, priced as remote input tokens.  From its logits we take how far
the big model's greedy choice agrees with the local answer and how likely it
finds the local tokens.  When the big model would have written the same
start, the local answer is kept; when it reads the local answer as unlikely,
the request goes to the cloud.

Routers compared, all on the same items (held-out = the grader's held-out):
  cascade      local confidence only (router/cascade.py), no remote cost
  check        the big model's score of the local answer, every request checked
  cascade+check  keep sure local answers unchecked, check the rest
Cost is dollars from the config's price table: a check pays remote input
tokens for prompt + window; an escalation pays the cloud's full price.  The
cost-normalised APGR is the area under quality vs cost / all-cloud cost.

Scores are cached in bench/results/router_check_scores.json.

    .venv/bin/python bench/router_check.py [--threads 2]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import RESULTS, machine, table, write  # noqa: E402
from bench.router_cascade import rank  # noqa: E402
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router.cascade import WINDOW  # noqa: E402
from edgewise.router.collect import MODELS, SYSTEM  # noqa: E402
from edgewise.router.dataset import TIERS, labelled, load_outcomes, load_prompts  # noqa: E402

CACHE = RESULTS / "router_check_scores.json"
LOCAL_CACHE = RESULTS / "router_cascade_scores.json"


def check_pass(engine, item: dict, answer: str, window: int = WINDOW) -> dict:
    """The big model's view of the local answer's first ``window`` tokens."""
    from edgewise.engine.chat import chat_tokens
    from edgewise.engine.generate import token_logprobs

    msgs = [{"role": "system", "content": SYSTEM[item["kind"]]}, {"role": "user", "content": item["prompt"]}]
    prompt = chat_tokens(engine, msgs)
    ans = engine.tokenize(answer, special=False)[:window]
    if not ans:
        return {"n": 0, "mean": 0.0, "p10": 0.0, "min": 0.0, "agree": 1.0, "prefix": 1.0, "prompt_tokens": len(prompt)}
    engine.reset()
    rows = engine.eval(prompt + ans, logits_at=list(range(len(prompt) - 1, len(prompt) + len(ans) - 1)))
    rows = rows[:, : engine.vocab_size]
    lp = token_logprobs(rows, ans)
    same = rows.argmax(1) == np.array(ans)
    first_diff = int(np.argmin(same)) if not same.all() else len(ans)
    return {"n": len(ans), "mean": float(lp.mean()), "p10": float(np.percentile(lp, 10)), "min": float(lp.min()),
            "agree": float(same.mean()), "prefix": first_diff / len(ans), "prompt_tokens": len(prompt)}


def score_all(rows: list[dict], out: dict, threads: int) -> dict:
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    todo = [r for r in rows if out[r["id"]][2]["key"] not in cache]
    if todo:
        from edgewise.config import EngineConfig
        from edgewise.engine import load_engine

        eng = load_engine(MODELS[3], EngineConfig(n_threads=threads, n_ctx=1024), progress=False)
        for i, r in enumerate(todo):
            o = out[r["id"]][2]
            cache[o["key"]] = check_pass(eng, r, o["answer"])
            if i % 25 == 0:
                print(f"checked {i + 1}/{len(todo)}", flush=True)
                CACHE.write_text(json.dumps(cache, indent=0))
        eng.close()
        CACHE.write_text(json.dumps(cache, indent=0))
    return {r["id"]: cache[out[r["id"]][2]["key"]] for r in rows}


def frontier(points: list[tuple[float, float]], weak: float, strong: float) -> list[tuple[float, float]]:
    """Best quality reachable at each cost share (a step function from (0, weak) to (1, strong))."""
    pts = sorted([(0.0, weak), (1.0, strong)] + [(x, y) for x, y in points if x <= 1.0])
    out, best = [], -1.0
    for x, y in pts:
        if y > best:
            out.append((x, y))
            best = y
    return out


def step_area(front: list[tuple[float, float]]) -> float:
    xs = [x for x, _ in front] + [1.0]
    return sum((xs[i + 1] - xs[i]) * front[i][1] for i in range(len(front)))


def policies(local_conf, check_score, C, cost_check, cost_cloud):
    """(cost, quality) of every (skip-check-above, escalate-above) pair: sure local answers
    are kept unchecked, the rest are checked and escalated when the check score is high."""
    out = []
    lo_grid = np.unique(np.percentile(local_conf, np.linspace(0, 100, 21)))
    hi_grid = np.unique(np.concatenate([np.percentile(check_score, np.linspace(0, 100, 41)), [np.inf]]))
    for keep_above in np.concatenate([lo_grid, [np.inf]]):
        checked = local_conf < keep_above
        for t in hi_grid:
            up = checked & (check_score >= t)
            tiers = np.where(up, 3, 2)
            cost = (cost_check * checked).sum() + (cost_cloud * up).sum()
            out.append((float(cost), M.quality(tiers, C), float(keep_above), float(t)))
    return out


def cost_apgr(local_conf, check_score, C, cost_check, cost_cloud) -> tuple[float, list]:
    weak, strong = M.quality(np.full(len(C), 2), C), M.quality(np.full(len(C), 3), C)
    full = cost_cloud.sum()
    pts = [(c / full, q) for c, q, *_ in policies(local_conf, check_score, C, cost_check, cost_cloud)]
    front = frontier(pts, weak, strong)
    return (step_area(front) - weak) / (strong - weak), front


def cascade_cost_apgr(local_conf, C, cost_cloud) -> float:
    """The cascade alone, priced: escalations pay the cloud, nothing is checked."""
    weak, strong = M.quality(np.full(len(C), 2), C), M.quality(np.full(len(C), 3), C)
    full, pts = cost_cloud.sum(), []
    for t in np.unique(local_conf):
        up = local_conf <= t
        pts.append(((cost_cloud * up).sum() / full, M.quality(np.where(up, 3, 2), C)))
    return (step_area(frontier(pts, weak, strong)) - weak) / (strong - weak)


def main() -> None:
    from edgewise.router import pricing
    from edgewise.router import train as T
    from edgewise.router.cascade import tune_check, tune_threshold

    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--score-only", action="store_true")
    a = ap.parse_args()
    out = load_outcomes()
    rows = [r for r in labelled(load_prompts(), out) if all(t in out[r["id"]] for t in TIERS)]
    checks = score_all(rows, out, a.threads)
    if a.score_only:
        return
    local = json.loads(LOCAL_CACHE.read_text())  # bench/router_cascade.py scores these: run it first
    missing = [r["id"] for r in rows if out[r["id"]][2]["key"] not in local]
    if missing:
        print(f"{len(missing)} items lack local confidences (run bench/router_cascade.py); left out")
        rows = [r for r in rows if r["id"] not in set(missing)]
        checks = {r["id"]: checks[r["id"]] for r in rows}
    C = np.array([[out[r["id"]][t]["correct"] for t in TIERS] for r in rows], bool)
    held = np.array([r["heldout"] for r in rows])
    conf = np.array([local[out[r["id"]][2]["key"]]["p10@32"] for r in rows])
    prices = pricing.table(None)
    cost_cloud = np.array([pricing.cost(prices, 3, out[r["id"]][3]["prompt_tokens"], out[r["id"]][3]["completion_tokens"])
                           for r in rows])
    cost_check = np.array([(checks[r["id"]]["prompt_tokens"] + checks[r["id"]]["n"]) * prices["check"]["input"] / 1e6
                           for r in rows])
    # escalate-first scores: higher = more reason to send to the cloud
    sig = {"-target_mean": -np.array([checks[r["id"]]["mean"] for r in rows]),
           "-target_p10": -np.array([checks[r["id"]]["p10"] for r in rows]),
           "-agree": -np.array([checks[r["id"]]["agree"] for r in rows]),
           "-prefix": -np.array([checks[r["id"]]["prefix"] for r in rows]),
           "-local_p10@32": -conf}
    sig["rank(-target_mean)+rank(-local)"] = rank(sig["-target_mean"]) + rank(-conf)

    def apgr(score, mask):
        return M.summary(score[mask], np.full(mask.sum(), 2), C[mask])["apgr"]

    trows = []
    for name, s in sig.items():
        trows.append({"router (escalation-share APGR)": name, "train": round(apgr(s, ~held), 3),
                      "heldout": round(apgr(s, held), 3), "all": round(apgr(s, np.ones(len(rows), bool)), 3),
                      "auc_local_right": round(T.auc_binary(-s, C[:, 1]), 3)})
    pick = max((k for k in sig if k != "-local_p10@32"), key=lambda k: apgr(sig[k], ~held))
    print(table(trows, list(trows[0])))
    print("check signal picked on the train split:", pick)
    priced = []
    for name, mask in (("train", ~held), ("heldout", held), ("all", np.ones(len(rows), bool))):
        ca = cascade_cost_apgr(conf[mask], C[mask], cost_cloud[mask])
        ck, front = cost_apgr(conf[mask], sig[pick][mask], C[mask], cost_check[mask], cost_cloud[mask])
        priced.append({"split": name, "n": int(mask.sum()), "cascade_cost_apgr": round(ca, 3),
                       "cascade+check_cost_apgr": round(ck, 3),
                       "check_all_cost_share": round(float(cost_check[mask].sum() / cost_cloud[mask].sum()), 3)})
    print(table(priced, list(priced[0])))
    # the shipped rule (router/cascade.py): thresholds tuned on the train split, scored on held-out
    check_stat = np.array([checks[r["id"]]["mean"] for r in rows])  # the shipped statistic: cascade.check_confidence
    price = float(cost_check[~held].mean() / cost_cloud[~held].mean())  # a check, in cloud calls
    keep, t_check = tune_check(conf[~held], check_stat[~held], C[~held, 1], C[~held, 2], price)
    t_casc = tune_threshold(conf[~held], C[~held, 1], C[~held, 2])
    at = []
    for name, mask in (("heldout", held), ("all", np.ones(len(rows), bool))):
        checked = mask & (conf < keep)
        up_check = checked & (check_stat < t_check)
        up_casc = mask & (conf < t_casc)
        for router, up, paid in (("cascade", up_casc, 0 * checked), ("cascade+check", up_check, checked)):
            tiers = np.where(up[mask], 3, 2)
            at.append({"split": name, "router": router, "checked": round(float(paid[mask].mean()), 3),
                       "cloud_share": round(float(up[mask].mean()), 3), "quality": round(M.quality(tiers, C[mask]), 3),
                       "cost_vs_all_cloud": round(float(((cost_cloud * up)[mask].sum() + (cost_check * paid)[mask].sum())
                                                        / cost_cloud[mask].sum()), 3),
                       "all_local": round(M.quality(np.full(mask.sum(), 2), C[mask]), 3),
                       "all_cloud": round(M.quality(np.full(mask.sum(), 3), C[mask]), 3)})
    print(f"tuned on train: cascade threshold {t_casc:.3f}; check: keep_above {keep:.3f}, "
          f"check_threshold {t_check:.3f} (a check costs {price:.3f} cloud calls)")
    print(table(at, list(at[0])))
    path = write("router_check", {"machine": machine(), "models": {"local": MODELS[2], "checker": MODELS[3]},
                                  "window": WINDOW, "prices_per_1m": prices, "items": len(rows),
                                  "heldout": int(held.sum()), "picked": pick, "escalation_share": trows,
                                  "cost_normalised": priced,
                                  "tuned": {"cascade_threshold": t_casc, "keep_above": keep,
                                            "check_threshold": t_check, "check_price_in_cloud_calls": price},
                                  "at_tuned": at})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
