"""Routing grader evaluation: real tier outcomes -> labels -> cost-quality on held-out.

    python bench/router_eval.py                   # collect missing outcomes (resumes), evaluate
    python bench/router_eval.py --no-collect      # evaluate the outcomes already recorded
    python bench/router_eval.py --budget-min 60   # stop collecting after an hour
    python bench/router_eval.py --full            # also run every tier on training prompts

Tiers: 1 smollm2-135m, 2 qwen2.5-coder-0.5b (local), 3 qwen2.5-coder-1.5b
standing in for the cloud. Greedy, n_threads=2. Outcomes are cached in
src/edgewise/data/router/outcomes.jsonl. The grader evaluated is the shipped
grader.npz (train with python -m edgewise.router.train after collecting);
this script refuses to score it on any item it trained on.
Writes bench/results/router_eval.json and router_eval.png.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import RESULTS, machine, table, write  # noqa: E402
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router.collect import MAX_TOKENS, MODELS, N_THREADS, collect  # noqa: E402
from edgewise.router.dataset import TIERS, labelled, load_outcomes, load_prompts  # noqa: E402
from edgewise.router.features import features  # noqa: E402
from edgewise.router.grader import Grader  # noqa: E402
from edgewise.router.pricing import DEFAULT_PRICES  # noqa: E402
from edgewise.router import train as T  # noqa: E402
from edgewise.router.train import auc_binary  # noqa: E402


def parse(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-collect", action="store_true")
    ap.add_argument("--full", action="store_true", help="run all tiers on training prompts too")
    ap.add_argument("--budget-min", type=float, default=None, help="stop collecting after this long")
    ap.add_argument("--threads", type=int, default=N_THREADS, help="llama.cpp threads (1 on a busy machine)")
    ap.add_argument("--grader", type=Path, default=None, help="grader.npz (default: shipped)")
    for t in TIERS:  # defaults: edgewise.router.pricing (local free, cloud $0.50 / $1.50)
        d = DEFAULT_PRICES[f"tier{t}"]
        ap.add_argument(f"--tier{t}-in", type=float, default=d["input"], help=f"$ per 1M input tokens, tier {t}")
        ap.add_argument(f"--tier{t}-out", type=float, default=d["output"], help=f"$ per 1M output tokens, tier {t}")
    ap.add_argument("--bootstrap", type=int, default=1000)
    return ap.parse_args(argv)


def heldout_arrays(rows: list[dict], outcomes: dict, grader: Grader):
    """Held-out items with all three tiers run: probabilities, correctness, tokens, labels."""
    items = [r for r in rows if r["heldout"] and all(t in outcomes[r["id"]] for t in TIERS)]
    P = np.array([list(grader.model.proba(features(r["prompt"])).values()) for r in items])
    correct = np.array([[outcomes[r["id"]][t]["correct"] for t in TIERS] for r in items], bool)
    tokens = np.array([[[outcomes[r["id"]][t]["prompt_tokens"], outcomes[r["id"]][t]["completion_tokens"]]
                        for t in TIERS] for r in items], float)
    labels = np.array([r["label"] for r in items])
    return items, P, correct, tokens, labels


def tier_stats(outcomes: dict) -> list[dict]:
    out = []
    for t in TIERS:
        rs = [tiers[t] for tiers in outcomes.values() if t in tiers]
        if rs:
            out.append({"tier": t, "model": MODELS[t], "runs": len(rs),
                        "accuracy": round(np.mean([r["correct"] for r in rs]), 3),
                        "mean_out_tokens": round(np.mean([r["completion_tokens"] for r in rs]), 1),
                        "mean_s": round(np.mean([r["seconds"] for r in rs]), 2),
                        "total_s": round(sum(r["seconds"] for r in rs))})
    return out


def category_prior(items: list[dict], rows: list[dict]) -> np.ndarray:
    """Train-split share of label 3 in each item's (intended difficulty, kind, language).

    A reference, not a router: it reads metadata the grader never sees, so it
    shows how far knowing the prompt's type alone can get.
    """
    key = lambda r: (r["intended"], r["kind"], r["lang"])  # noqa: E731
    rates: dict[tuple, list[bool]] = {}
    for r in rows:
        if not r["heldout"]:
            rates.setdefault(key(r), []).append(r["label"] == 3)
    return np.array([np.mean(rates.get(key(r), [0.5])) for r in items])


def routers(P, correct, grader, items, rows) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """score (higher = more cloud) and local tier for each router compared."""
    n = len(P)
    t1 = grader.thresholds["tier1"]
    return {
        "grader": (P[:, 2], np.where(P[:, 0] >= t1, 1, 2)),
        "grader-2tier": (P[:, 2], np.full(n, 2)),
        "category-prior": (category_prior(items, rows), np.full(n, 2)),
        "prompt-length": (np.array([len(r["prompt"]) for r in items], float), np.full(n, 2)),
        "oracle": (M.oracle_score(correct), np.full(n, 2)),
    }


def cross_validated(rows: list[dict], outcomes: dict, k: int = 5) -> dict | None:
    """Secondary, steadier estimate: k-fold over every item with all three tiers run
    (--full). Each fold's grader trains on the other folds' labels only."""
    items = [r for r in rows if all(t in outcomes[r["id"]] for t in TIERS)]
    if len(items) <= sum(r["heldout"] for r in rows):  # nothing beyond the held-out split
        return None
    P = np.zeros((len(items), 3))
    for test in T.folds(items, k):
        held = set(test.tolist())
        model = T.fit_model([r for i, r in enumerate(items) if i not in held])
        for i in test:
            P[i] = list(model.proba(features(items[i]["prompt"])).values())
    correct = np.array([[outcomes[r["id"]][t]["correct"] for t in TIERS] for r in items], bool)
    s = M.summary(P[:, 2], np.full(len(items), 2), correct)
    lo, hi = M.bootstrap_apgr(P[:, 2], np.full(len(items), 2), correct, 200)
    return {"n": len(items), "folds": k, "weak": s["weak"], "strong": s["strong"], "apgr": s["apgr"],
            "apgr_ci95": [lo, hi], "cpt50": s["cpt50"], "cpt80": s["cpt80"], "cpt95": s["cpt95"],
            "auc_label3": auc_binary(P[:, 2], np.array([r["label"] for r in items]) == 3)}


def at_thresholds(P, correct, tokens, labels, thresholds, prices) -> dict:
    tiers = M.route(P, thresholds["tier3"], thresholds["tier1"])
    all_cloud = M.cost(np.full(len(P), 3), tokens, prices)
    spent = M.cost(tiers, tokens, prices)
    return {"thresholds": thresholds, "tier_share": {t: round(float((tiers == t).mean()), 3) for t in TIERS},
            "quality": round(M.quality(tiers, correct), 3),
            "under_escalation": round(M.under_escalation(tiers, labels), 3),
            "under_escalation_of_label3": round(float(((labels == 3) & (tiers < 3)).sum()
                                                      / max(1, (labels == 3).sum())), 3),
            "cost_per_1k_usd": round(1000 * spent / len(P), 4),
            "all_cloud_cost_per_1k_usd": round(1000 * all_cloud / len(P), 4)}


def plot(curves: dict, weak: float, strong: float, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, s in curves.items():
        ax.plot([p["cloud_share"] * 100 for p in s["points"]], [p["quality"] * 100 for p in s["points"]],
                marker=".", label=f"{name} (APGR {s['apgr']:.2f})")
    ax.plot([0, 100], [weak * 100, strong * 100], ls=":", c="grey", label="random (APGR 0.50)")
    ax.axhline(weak * 100, ls="--", c="grey", lw=0.8, label="all tier 2 (local 0.5B)")
    ax.axhline(strong * 100, ls="--", c="red", lw=0.8, label="all tier 3 (cloud stand-in 1.5B)")
    ax.set_xlabel("cloud calls (%)")
    ax.set_ylabel("answered correctly (%)")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main(argv=None) -> None:
    args = parse(argv)
    prompts = load_prompts()
    t0 = time.monotonic()
    if not args.no_collect:
        collect(prompts, full=args.full, budget_s=args.budget_min * 60 if args.budget_min else None,
                threads=args.threads)
    collect_s = time.monotonic() - t0
    outcomes = load_outcomes()
    rows = labelled(prompts, outcomes)
    grader = Grader.load(args.grader)
    leaked = {r["id"] for r in rows if r["heldout"]} & set(grader.meta["train_ids"])
    if leaked:
        raise SystemExit(f"grader trained on held-out items {sorted(leaked)[:5]}: retrain")
    items, P, correct, tokens, labels = heldout_arrays(rows, outcomes, grader)
    prices = {t: (getattr(args, f"tier{t}_in"), getattr(args, f"tier{t}_out")) for t in TIERS}
    compared = routers(P, correct, grader, items, rows)
    curves = {name: M.summary(s, loc, correct) for name, (s, loc) in compared.items()}
    lo, hi = M.bootstrap_apgr(P[:, 2], compared["grader"][1], correct, args.bootstrap)
    labels_all = Counter(r["label"] for r in rows)
    result = {
        "machine": machine(), "models": MODELS, "max_tokens": MAX_TOKENS, "threads_this_run": args.threads,
        "prices_per_1m": prices,
        "prompts": len(prompts), "labelled": len(rows), "heldout_complete": len(items),
        "labels": {"all": dict(sorted(labels_all.items())),
                   "train": dict(sorted(Counter(r["label"] for r in rows if not r["heldout"]).items())),
                   "heldout": dict(sorted(Counter(labels.tolist()).items()))},
        "tiers": tier_stats(outcomes), "collect_s_this_run": round(collect_s),
        "generation_s_total": round(sum(r["seconds"] for t in outcomes.values() for r in t.values())),
        "apgr_ci95": [lo, hi], "curves": curves,
        "heldout_auc": {"label3": auc_binary(P[:, 2], labels == 3),
                        "tier2_wrong": auc_binary(P[:, 2], ~correct[:, 1]),
                        "cloud_gain": auc_binary(P[:, 2], correct[:, 2] & ~correct[:, 1])},
        "at_default_thresholds": at_thresholds(P, correct, tokens, labels, grader.thresholds, prices),
        "cross_validated_all_items": cross_validated(rows, outcomes),
    }
    report(result)
    write("router_eval", result)
    title = (f"router held-out n={len(items)}; {result['machine']['cpu'][:40]}; "
             f"{result['machine']['date'][:10]}")
    shown = {k: curves[k] for k in ("grader", "category-prior", "prompt-length", "oracle")}
    plot(shown, curves["grader"]["weak"], curves["grader"]["strong"], RESULTS / "router_eval.png", title)


def fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def report(r: dict) -> None:
    m = r["machine"]
    print(f"machine: {m['cpu']} x{m['cores']}, {m['platform']}, load {m['loadavg_1m']}, {m['date']}")
    print("models: " + ", ".join(f"tier{t}={n}" for t, n in r["models"].items()))
    print(f"prompts {r['prompts']}, labelled {r['labelled']}, held-out with all tiers {r['heldout_complete']}")
    print(f"labels: {r['labels']}")
    print(table(r["tiers"], ["tier", "model", "runs", "accuracy", "mean_out_tokens", "mean_s", "total_s"]))
    c = r["curves"]["grader"]
    print(f"\nheld-out: all-tier2 quality {c['weak']:.3f}, all-tier3 quality {c['strong']:.3f}")
    rows = [{"router": k, "APGR": fmt(v["apgr"]), "CPT50": fmt(v["cpt50"]), "CPT80": fmt(v["cpt80"]),
             "CPT95": fmt(v["cpt95"])} for k, v in r["curves"].items()]
    print(table(rows, ["router", "APGR", "CPT50", "CPT80", "CPT95"]))
    print(f"grader APGR 95% bootstrap interval: [{r['apgr_ci95'][0]:.2f}, {r['apgr_ci95'][1]:.2f}]")
    a = r["heldout_auc"]
    print(f"grader p(tier3) ROC AUC on held-out: label 3 {a['label3']:.2f}, tier 2 wrong {a['tier2_wrong']:.2f}, "
          f"cloud fixes it {a['cloud_gain']:.2f}")
    d = r["at_default_thresholds"]
    print(f"\nat shipped thresholds {d['thresholds']}: tier shares {d['tier_share']}, quality {d['quality']}, "
          f"under-escalation {d['under_escalation']} of all ({d['under_escalation_of_label3']} of label-3), "
          f"cost ${d['cost_per_1k_usd']}/1k requests vs all-cloud ${d['all_cloud_cost_per_1k_usd']}/1k")
    cv = r["cross_validated_all_items"]
    if cv:
        print(f"{cv['folds']}-fold CV over all {cv['n']} items with every tier: APGR {cv['apgr']:.2f} "
              f"[{cv['apgr_ci95'][0]:.2f}, {cv['apgr_ci95'][1]:.2f}], CPT50/80/95 {fmt(cv['cpt50'])}/"
              f"{fmt(cv['cpt80'])}/{fmt(cv['cpt95'])}, AUC label 3 {cv['auc_label3']:.2f} "
              f"(quality all-tier2 {cv['weak']:.3f}, all-tier3 {cv['strong']:.3f})")
    print(f"generation time recorded: {r['generation_s_total']} s")


if __name__ == "__main__":
    main()
