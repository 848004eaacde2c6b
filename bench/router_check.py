"""Answer-then-check routing: does the big model's reading of the local answer
say when the local answer is not good enough?

Tier 2 in the routing issue is "the local main model answers, checked by the
big remote model where needed".  The check here is one teacher-forced pass
of the big model (the node's target, qwen2.5-coder-1.5b) over the prompt and
the local answer (its first 32 tokens, or all of it): a prefill, batched on
any hardware, priced as remote input tokens.  From its logits we take how
likely the big model finds the local tokens (mean, p10, min), how often its
greedy choice agrees, and its surest disagreement (gap: log p of the local
token minus log p of its own pick, at the worst token).  The local model's
own log-probs give the cascade.  A program answer (edge/program.py) is checked
as the router checks it: the big model writes its own program (cached in
bench/results/router_check_programs.json) and the answer is kept only if both
compute the same number ("check gap+program"; that is the shipped rule).

Routers compared per window (32 tokens; 0 = the whole answer), same items
(held-out = the grader's held-out):
  cascade      local confidence only (router/cascade.py), no remote cost
  check        the big model's score of the local answer, every request checked
  cascade+check  keep sure local answers unchecked, check the rest
Cost is dollars from the config's price table: a check pays remote input
tokens for prompt + window (a program check: prompt, plus the written program
as remote output); an escalation pays the cloud's full price.  The
cost-normalised APGR is the area under quality vs cost / all-cloud cost.
Statistics are picked and thresholds tuned on the train split only; the
picks are the rules router/cascade.py ships (cascade.RULES).

Per-token log-probs of both models are cached in
bench/results/router_check_tokens.json (keyed by outcome key and tier).

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
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router.collect import MODELS, SYSTEM  # noqa: E402
from edgewise.router.dataset import TIERS, labelled, load_outcomes, load_prompts  # noqa: E402

CACHE = RESULTS / "router_check_tokens.json"
PROGRAMS = RESULTS / "router_check_programs.json"
SURE = 1e3  # a program check's verdict in check-score units: agree keeps, disagree escalates
WINDOWS = (32, 0)  # answer tokens read; 0 = all of them
LOCAL_STATS = ("p10", "min", "mean")
CHECK_STATS = ("mean", "p10", "min", "agree", "gap")


def token_pass(engine, item: dict, row: dict) -> dict:
    """Each answer token's log-prob under ``engine`` and whether it is the engine's greedy choice.
    A program answer (edge/program.py) is read as the router reads it: the program's tokens
    after its prompt and HEAD, not the formatted answer."""
    from edgewise.edge import program
    from edgewise.engine.chat import chat_tokens
    from edgewise.engine.generate import teacher_forced

    if "program" in row:
        prompt = chat_tokens(engine, program.messages(item["prompt"])) + engine.tokenize(program.HEAD, special=False)
        answer = row["program"]
    else:
        msgs = [{"role": "system", "content": SYSTEM[item["kind"]]}, {"role": "user", "content": item["prompt"]}]
        prompt, answer = chat_tokens(engine, msgs), row["answer"]
    ans = engine.tokenize(answer, special=False)[: engine.n_ctx - len(prompt) - 1]
    if not ans:
        return {"lp": [], "agree": [], "top": [], "prompt_tokens": len(prompt)}
    engine.reset()
    rows = engine.eval(prompt + ans, logits_at=list(range(len(prompt) - 1, len(prompt) + len(ans) - 1)))
    rows = rows[:, : engine.vocab_size]
    lp, best, best_lp = teacher_forced(rows, ans)
    return {"lp": [round(float(x), 4) for x in lp],
            "top": [round(float(x), 4) for x in best_lp],  # log p of the engine's own pick
            "agree": [int(x) for x in best == np.array(ans)], "prompt_tokens": len(prompt)}


def score_all(rows: list[dict], out: dict, threads: int) -> dict:
    """{(id, tier): token_pass} of every tier-2 answer under the local (2) and the big (3) model."""
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    for tier in (3, 2):
        # the checker's entries also need "top" (older caches lack it)
        keys = {r["id"]: f"{out[r['id']][2]['key']}:{tier}" for r in rows}
        todo = [r for r in rows if keys[r["id"]] not in cache or (tier == 3 and "top" not in cache[keys[r["id"]]])]
        if not todo:
            continue
        from edgewise.config import EngineConfig
        from edgewise.engine import load_engine

        eng = load_engine(MODELS[tier], EngineConfig(n_threads=threads, n_ctx=1024), progress=False)
        for i, r in enumerate(todo):
            cache[f"{out[r['id']][2]['key']}:{tier}"] = token_pass(eng, r, out[r["id"]][2])
            if i % 50 == 0:
                print(f"{MODELS[tier]}: scored {i + 1}/{len(todo)}", flush=True)
                CACHE.write_text(json.dumps(cache))
        eng.close()
        CACHE.write_text(json.dumps(cache))
    return {(r["id"], t): cache[f"{out[r['id']][2]['key']}:{t}"] for r in rows for t in (2, 3)}


def node_programs(rows: list[dict], out: dict, threads: int) -> dict[str, dict]:
    """{id: {"value", "n"}}: the checker's own program for every program answer, written by
    edge/program.write on the 1.5B, which is what the node's greedy `generate` produces."""
    from edgewise.edge import program

    cache = json.loads(PROGRAMS.read_text()) if PROGRAMS.exists() else {}
    mine = [r for r in rows if "program" in out[r["id"]][2]]
    todo = [r for r in mine if out[r["id"]][2]["key"] not in cache]
    if todo:
        from edgewise.config import EngineConfig
        from edgewise.engine import load_engine

        eng = load_engine(MODELS[3], EngineConfig(n_threads=threads, n_ctx=1024), progress=False)
        for i, r in enumerate(todo):
            p = program.write(eng, r["prompt"])
            cache[out[r["id"]][2]["key"]] = {"value": p.value, "n": len(p.tokens)}
            if i % 25 == 0:
                print(f"{MODELS[3]}: wrote {i + 1}/{len(todo)} programs", flush=True)
                PROGRAMS.write_text(json.dumps(cache))
        eng.close()
        PROGRAMS.write_text(json.dumps(cache))
    return {r["id"]: cache[out[r["id"]][2]["key"]] for r in mine}


def program_verdicts(rows: list[dict], out: dict, progs: dict) -> np.ndarray:
    """+1 where the checker's program computes the local program's number, -1 where it does
    not, 0 for answers that are not programs (the router's program check, router/backend.py)."""
    from edgewise.edge.program import same_value

    v = np.zeros(len(rows))
    for i, r in enumerate(rows):
        if r["id"] in progs:
            v[i] = 1.0 if same_value(out[r["id"]][2]["value"], progs[r["id"]]["value"]) else -1.0
    return v


def stat(values, name: str, window: int) -> float:
    """The router's statistics (router/cascade.py) of the first ``window`` values (0 = all)."""
    from edgewise.router.cascade import summarise

    return summarise(values, name, window)


def check_values(entry: dict, name: str) -> list[float]:
    """The per-token values a check statistic summarises (router/cascade.py)."""
    from edgewise.router.cascade import check_values as values

    return values({"logprobs": entry["lp"], "argmax_logprobs": entry["top"], "agree": entry["agree"]}, name)


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


def at_tuned(conf, check, C, held, cost_check, cost_cloud, rule: dict) -> list[dict]:
    """Held-out and all-item figures of the rule's thresholds (tuned on train)."""
    out = []
    for name, mask in (("heldout", held), ("all", np.ones(len(C), bool))):
        checked = mask & (conf < rule["keep_above"])
        up_check = checked & (check < rule["check_threshold"])
        up_casc = mask & (conf < rule["threshold"])
        for router, up, paid in (("cascade", up_casc, 0 * checked), ("cascade+check", up_check, checked)):
            tiers = np.where(up[mask], 3, 2)
            cost = (cost_cloud * up)[mask].sum() + (cost_check * paid)[mask].sum()
            out.append({"window": rule["window"], "split": name, "router": router,
                        "checked": round(float(paid[mask].mean()), 3), "cloud_share": round(float(up[mask].mean()), 3),
                        "quality": round(M.quality(tiers, C[mask]), 3),
                        "cost_vs_all_cloud": round(float(cost / cost_cloud[mask].sum()), 3),
                        "all_local": round(M.quality(np.full(mask.sum(), 2), C[mask]), 3),
                        "all_cloud": round(M.quality(np.full(mask.sum(), 3), C[mask]), 3)})
    return out


def decision_wait(rows: list[dict], out: dict) -> list[dict]:
    """Seconds a request waits for local tokens before the router decides, per window.
    From the collector's recorded tier-2 generation times, prorated by tokens (an estimate:
    prefill is spread over the tokens, so short windows are slightly overstated)."""
    res = []
    for w in WINDOWS:
        waits = []
        for r in rows:
            o = out[r["id"]][2]
            n = max(1, o["completion_tokens"])
            waits.append(o["seconds"] * (min(w, n) / n if w else 1.0))
        res.append({"window": w or "all", "mean_s": round(float(np.mean(waits)), 2),
                    "p50_s": round(float(np.percentile(waits, 50)), 2), "p90_s": round(float(np.percentile(waits, 90)), 2)})
    return res


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
    tok = score_all(rows, out, a.threads)
    progs = node_programs(rows, out, a.threads)
    if a.score_only:
        return
    verdict = program_verdicts(rows, out, progs)
    C = np.array([[out[r["id"]][t]["correct"] for t in TIERS] for r in rows], bool)
    held, everything = np.array([r["heldout"] for r in rows]), np.ones(len(rows), bool)
    prices = pricing.table(None)
    cost_cloud = np.array([pricing.cost(prices, 3, out[r["id"]][3]["prompt_tokens"], out[r["id"]][3]["completion_tokens"])
                           for r in rows])

    def apgr(score, mask):
        return M.summary(score[mask], np.full(mask.sum(), 2), C[mask])["apgr"]

    trows, priced, tuned, at = [], [], {}, []
    for w in WINDOWS:
        # escalate-first scores: higher = more reason to send to the cloud
        sig = {f"local {s}": -np.array([stat(tok[r["id"], 2]["lp"], s, w) for r in rows]) for s in LOCAL_STATS}
        sig |= {f"check {s}": -np.array([stat(check_values(tok[r["id"], 3], s), s, w) for r in rows])
                for s in CHECK_STATS}
        for name, s in sig.items():
            trows.append({"window": w or "all", "signal": name, "train": round(apgr(s, ~held), 3),
                          "heldout": round(apgr(s, held), 3), "all": round(apgr(s, everything), 3),
                          "auc_local_right": round(T.auc_binary(-s, C[:, 1]), 3)})
        lpick = max(LOCAL_STATS, key=lambda s: apgr(sig[f"local {s}"], ~held))  # picks: train split only
        cpick = max(CHECK_STATS, key=lambda s: apgr(sig[f"check {s}"], ~held))
        # a program answer is judged by the checker's own program instead (router/backend.py)
        conf, check = -sig[f"local {lpick}"], -sig[f"check {cpick}"] + SURE * verdict
        s = -check
        trows.append({"window": w or "all", "signal": f"check {cpick}+program", "train": round(apgr(s, ~held), 3),
                      "heldout": round(apgr(s, held), 3), "all": round(apgr(s, everything), 3),
                      "auc_local_right": round(T.auc_binary(-s, C[:, 1]), 3)})
        n_read = np.array([len(tok[r["id"], 3]["lp"][:w] if w else tok[r["id"], 3]["lp"]) for r in rows])
        n_read = np.where(verdict != 0, 0, n_read)  # a program check reads the prompt ...
        written = np.array([progs[r["id"]]["n"] if r["id"] in progs else 0 for r in rows])  # ... and writes
        cost_check = ((np.array([tok[r["id"], 3]["prompt_tokens"] for r in rows]) + n_read) * prices["check"]["input"]
                      + written * prices["check"]["output"]) / 1e6
        for name, mask in (("train", ~held), ("heldout", held), ("all", everything)):
            priced.append({"window": w or "all", "split": name, "n": int(mask.sum()),
                           "cascade_cost_apgr": round(cascade_cost_apgr(conf[mask], C[mask], cost_cloud[mask]), 3),
                           "cascade+check_cost_apgr": round(cost_apgr(conf[mask], -check[mask], C[mask],
                                                                      cost_check[mask], cost_cloud[mask])[0], 3),
                           "check_all_cost_share": round(float(cost_check[mask].sum() / cost_cloud[mask].sum()), 3)})
        price = float(cost_check[~held].mean() / cost_cloud[~held].mean())  # a check, in cloud calls
        keep, t_check = tune_check(conf[~held], check[~held], C[~held, 1], C[~held, 2], price)
        tuned[w] = {"window": w, "local_stat": lpick, "threshold": round(tune_threshold(conf[~held], C[~held, 1], C[~held, 2]), 3),
                    "check_stat": cpick, "keep_above": round(keep, 3), "check_threshold": round(t_check, 3),
                    "check_price_in_cloud_calls": round(price, 4)}
        at += at_tuned(conf, check, C, held, cost_check, cost_cloud, tuned[w])
    print(table(trows, list(trows[0])))
    print(table(priced, list(priced[0])))
    for w, t in tuned.items():
        print(f"window {w or 'all'}: rule tuned on train (router/cascade.py RULES): {t}")
    print(table(at, list(at[0])))
    waits = decision_wait(rows, out)
    print("local tokens waited for before the decision (0.5B, 2 threads, this machine):")
    print(table(waits, list(waits[0])))
    path = write("router_check", {"machine": machine(), "models": {"local": MODELS[2], "checker": MODELS[3]},
                                  "windows": list(WINDOWS), "prices_per_1m": prices, "items": len(rows),
                                  "heldout": int(held.sum()), "escalation_share": trows, "cost_normalised": priced,
                                  "rules": list(tuned.values()), "at_tuned": at,
                                  "decision_wait_s": waits})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
