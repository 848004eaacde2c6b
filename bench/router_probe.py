"""The shipped router on a blind probe set it never saw in any form.

data/router/probe.jsonl was written by someone who did not read the router's
code or data (same schema and checks as prompts.jsonl).  No grader, detector,
statistic or threshold was fitted on it, and it is never added to training.
Every tier's model answers every probe (outcomes in probe_outcomes.jsonl,
resumable), the node's readings and programs are computed as in
bench/router_check.py (same caches), and the shipped rules are applied as is:

  grader        p(tier3) of the shipped grader (prompt only)
  cascade       the local model's own confidence (cascade.RULES, whole answer)
  check         the node's reading; program answers by the node's own program

    .venv/bin/python bench/router_probe.py [--threads 2]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import machine, table, write  # noqa: E402
from bench.router_check import SURE, check_values, node_programs, program_verdicts, score_all, stat  # noqa: E402
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router.collect import MODELS, collect  # noqa: E402
from edgewise.router.dataset import DATA_DIR, TIERS, load_outcomes, read_jsonl  # noqa: E402

PROBE = DATA_DIR / "probe.jsonl"
PROBE_OUTCOMES = DATA_DIR / "probe_outcomes.jsonl"


def shipped_scores(rows, out, tok, verdict) -> dict[str, np.ndarray]:
    """Escalate-first scores (higher = more reason to send to the cloud) of each router."""
    from edgewise.router.cascade import RULES, WHOLE
    from edgewise.router.features import features
    from edgewise.router.grader import Grader

    grader, rule = Grader.load(), RULES[WHOLE]
    conf = np.array([stat(tok[r["id"], 2]["lp"], rule.local_stat, 0) for r in rows])
    gap = np.array([stat(check_values(tok[r["id"], 3], rule.check_stat), rule.check_stat, 0) for r in rows])
    return {"grader": np.array([grader.model.proba(features(r["prompt"]))["tier3"] for r in rows]),
            "cascade": -conf, "check": -(gap + SURE * verdict)}


def at_rule(conf, check, C) -> dict:
    """Cloud share and quality of the shipped whole-answer rule, with and without a node."""
    from edgewise.router.cascade import RULES, WHOLE

    r = RULES[WHOLE]
    casc = conf < r.threshold
    checked = conf < r.keep_above
    up = checked & (check < r.check_threshold)
    return {"cascade_cloud": round(float(casc.mean()), 3), "cascade_quality": round(M.quality(np.where(casc, 3, 2), C), 3),
            "check_checked": round(float(checked.mean()), 3), "check_cloud": round(float(up.mean()), 3),
            "check_quality": round(M.quality(np.where(up, 3, 2), C), 3)}


def main() -> None:
    from edgewise.router.kind import is_math

    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    items = read_jsonl(PROBE)
    collect(items, PROBE_OUTCOMES, full=True, threads=a.threads)
    out = load_outcomes(PROBE_OUTCOMES)
    rows = [r for r in items if all(t in out[r["id"]] for t in TIERS)]
    tok = score_all(rows, out, a.threads)
    verdict = program_verdicts(rows, out, node_programs(rows, out, a.threads))
    C = np.array([[out[r["id"]][t]["correct"] for t in TIERS] for r in rows], bool)
    scores = shipped_scores(rows, out, tok, verdict)
    kinds = np.array([r["kind"] for r in rows])
    res = []
    for name, s in scores.items():
        for k in ("all", "short", "math", "code"):
            m = np.ones(len(rows), bool) if k == "all" else kinds == k
            summ = M.summary(s[m], np.full(m.sum(), 2), C[m])
            lo, hi = M.bootstrap_apgr(s[m], np.full(m.sum(), 2), C[m], 500) if k == "all" else (None, None)
            res.append({"router": name, "items": k, "n": int(m.sum()), "apgr": round(summ["apgr"], 3),
                        "ci95": f"{lo:.2f}-{hi:.2f}" if lo is not None else "",
                        "all_local": round(summ["weak"], 3), "all_cloud": round(summ["strong"], 3)})
    detect = np.array([is_math(r["prompt"]) for r in rows])
    acc = {f"tier{t}": round(float(C[:, t - 1].mean()), 3) for t in TIERS}
    rule = at_rule(-scores["cascade"], -scores["check"], C)
    facts = {"detector_accuracy": round(float((detect == (kinds == "math")).mean()), 3),
             "program_answers": int(sum("program" in out[r["id"]][2] for r in rows)),
             "programs_agreeing": int((verdict > 0).sum()), "programs_disagreeing": int((verdict < 0).sum())}
    print(table(res, list(res[0])))
    print(f"tier accuracy {acc}; {facts}")
    print(f"shipped whole-answer rule: {rule}")
    path = write("router_probe", {"machine": machine(), "models": MODELS, "items": len(rows), "apgr": res,
                                  "tier_accuracy": acc, "facts": facts, "at_shipped_rule": rule})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
