"""Per-type precision/recall of `scan` on the synthetic corpus.

    python -m tests.privacy.evaluate            # test seeds
    python -m tests.privacy.evaluate --dev      # the seeds used for tuning
"""
from __future__ import annotations

import sys
from collections import Counter

from edgewise.privacy import scan

try:
    from .synth import DEV_SEEDS, FUZZY, STRUCTURED, TEST_SEEDS, generate
except ImportError:  # run as a script from this folder
    from synth import DEV_SEEDS, FUZZY, STRUCTURED, TEST_SEEDS, generate


def _matches(kind: str, value: str, text: str, sp) -> bool:
    if sp.type != kind:
        return False
    if kind in FUZZY:  # boundaries of names/addresses are fuzzy: overlap is enough
        start = text.find(value)
        return sp.start < start + len(value) and start < sp.end
    return sp.text == value


def evaluate(seeds) -> dict:
    tp, fn, fp = Counter(), Counter(), Counter()
    neg_total = neg_flagged = 0
    flagged_examples = []
    for seed in seeds:
        pos, neg = generate(seed)
        for case in pos:
            spans = scan(case.text)
            used = set()
            for kind, value in case.expected:
                hit = next((i for i, sp in enumerate(spans)
                            if i not in used and _matches(kind, value, case.text, sp)), None)
                if hit is None:
                    fn[kind] += 1
                else:
                    tp[kind] += 1
                    used.add(hit)
            for i, sp in enumerate(spans):
                if i not in used:
                    fp[sp.type] += 1
        for case in neg:
            spans = scan(case.text)
            neg_total += 1
            if spans:
                neg_flagged += 1
                flagged_examples.append((case.text, spans))
            for sp in spans:
                fp[sp.type] += 1
    per_type = {}
    for kind in (*STRUCTURED, *FUZZY):
        found = tp[kind] + fp[kind]
        per_type[kind] = {
            "recall": tp[kind] / max(1, tp[kind] + fn[kind]),
            "precision": tp[kind] / found if found else 1.0,
            "n": tp[kind] + fn[kind],
        }
    return {"per_type": per_type, "negatives": neg_total,
            "negatives_flagged": neg_flagged / max(1, neg_total),
            "flagged_examples": flagged_examples}


def main() -> None:
    seeds = DEV_SEEDS if "--dev" in sys.argv else TEST_SEEDS
    res = evaluate(seeds)
    print(f"{'type':<15}{'precision':>10}{'recall':>9}{'n':>6}")
    for kind, m in res["per_type"].items():
        print(f"{kind:<15}{m['precision']:>10.3f}{m['recall']:>9.3f}{m['n']:>6}")
    print(f"negatives flagged: {res['negatives_flagged']:.3%} of {res['negatives']}")
    if "-v" in sys.argv:
        for text, spans in res["flagged_examples"][:40]:
            print("  NEG", repr(text), [(s.type, s.text) for s in spans])


if __name__ == "__main__":
    main()
