"""`edgewise audit`: what a node holding the public weights recovers from
the hidden states a split sends it.

At depth d (the edge ran layers [0, d) first) the node receives h_d, one
row per token; it computes and returns h_D, D = d + remote layers.  The
attacks (attacks.py) score the share of tokens recovered from h_d; on the
output side, the share of the tokens the model is about to generate that
the node predicts from h_D -- with the logit lens and, for a U-shape, by
running the public tail layers itself (replay.py).
"""
from __future__ import annotations

import numpy as np

from edgewise.split.attacks import Weights, exact_match, fit_probes, rates

SAMPLE_TEXT = (
    "Patient: Maria Lopez, born 14 March 1984, lives at 22 Rua das Flores, Lisbon. "
    "Diagnosis: type 2 diabetes; prescribed metformin 500 mg twice daily. "
    "Her employer, Acme Logistics, must not be told. Contact her at maria.lopez@example.com."
)
MESSAGE = ("Splitting alone does not hide your text from a server that has the model's public weights: "
           "it can invert the hidden states it receives back into tokens (see the rates above), and with the "
           "LM head it can predict what the model generates. Use split inference for memory or speed, "
           "not for confidentiality; keep private text on fully local models.")


def depths_for(n_layers: int, head: int, out_depth: int, sweep: bool) -> tuple[list[int], list[int]]:
    """(depths for the cheap attacks, depths for exact matching)."""
    if not sweep:
        return sorted({0, head, out_depth}), ([head] if head > 0 else [])
    cheap = sorted(set(range(0, min(n_layers, 8) + 1)) | set(range(0, n_layers + 1, 4)) | {head, out_depth, n_layers})
    exact = sorted({d for d in (1, 2, 4, 8, n_layers // 2, head) if 0 < d < n_layers})
    return cheap, exact


def run(model: str, remote_layers: int, local_tail: int = 0, text: str = SAMPLE_TEXT, sweep: bool = False,
        max_tokens: int = 64, shortlist: int = 32, threads: int | None = None, probe_tokens: int = 2048,
        log=print) -> dict:
    from edgewise.split.capture import Model
    from edgewise.split.gguf import model_info
    from edgewise.split.layout import Layout
    from edgewise.store import resolve

    path = str(resolve(model, progress=True))
    info = model_info(path)
    lay = Layout(info.n_layers, remote_layers, local_tail)
    L, head, out_depth = lay.n_layers, lay.head, lay.head + lay.remote
    log(f"dequantizing embeddings and LM head of {model} ...")
    w = Weights(path)
    m = Model(path, n_ctx=max(256, max_tokens) + 16, n_batch=max(256, shortlist, max_tokens), n_seq=shortlist + 1,
              threads=threads)
    try:
        tokens = m.tokenize(text)[:max_tokens]
        cheap, exact = depths_for(L, head, out_depth, sweep)
        hs = m.run([(t, i, 0) for i, t in enumerate(tokens)], sorted(set(cheap) | set(exact) | {L}), stop=False)
        final = w.lens(hs[L])[:, 0]  # what the model itself predicts at each position
        log(f"fitting linear probes on {probe_tokens} tokens of public text ...")
        probes = fit_probes(m, w, sorted(d for d in set(cheap) | set(exact) if 0 < d < L), probe_tokens)
        table = {d: rates(w, probes.get(d), tokens, hs[d], final) for d in sorted(set(cheap) | set(exact))}
        for d in exact:
            log(f"exact matching at depth {d} ({len(tokens)} tokens x {shortlist} candidates) ...")
            r = exact_match(m, w, probes.get(d), tokens, hs[d], d, shortlist)
            table[d].update(exact=r["exact"], shortlist=r["shortlist"])
    finally:
        m.close()
    tail = _tail_replay(path, hs[out_depth], out_depth, final, w) if out_depth < L else 1.0
    return {"model": model, "n_layers": L, "head": head, "remote": lay.remote, "tail": local_tail,
            "tokens": len(tokens), "shortlist": shortlist, "probe_tokens": probe_tokens,
            "input_depth": head, "output_depth": out_depth, "tail_replay_generated": tail,
            "depths": {str(d): table[d] for d in sorted(table)}, "message": MESSAGE}


def _tail_replay(path: str, h: np.ndarray, start: int, final: np.ndarray, w: Weights) -> float | None:
    from edgewise.split.gguf import model_info
    from edgewise.split.replay import run_tail

    try:
        return float(np.mean(w.lens(run_tail(model_info(path), h, start))[:, 0] == final))
    except NotImplementedError:
        return None


def _pct(x) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}%"


def best_input_rate(r: dict) -> float:
    return max(r[k] for k in ("nearest", "lens", "probe", "exact") if r.get(k) is not None)


def report(res: dict) -> str:
    L, head, out = res["n_layers"], res["input_depth"], res["output_depth"]
    cols = ("nearest", "lens", "probe", "exact", "shortlist", "next", "generated")
    lines = [f"audit of {res['model']} ({L} layers): the node receives h_{head} (after {head} local layers) and "
             f"returns h_{out}; {res['tokens']} tokens; probes fitted on {res['probe_tokens']} tokens of public "
             f"text; exact matching tries {res['shortlist']} candidates per token", "",
             f"{'depth':>5} " + " ".join(f"{c:>9}" for c in cols)]
    for d, r in res["depths"].items():
        tag = "  <- node input" if int(d) == head else ("  <- node output" if int(d) == out else "")
        lines.append(f"{d:>5} " + " ".join(f"{_pct(r.get(c)):>9}" for c in cols) + tag)
    best_in = best_input_rate(res["depths"][str(head)])
    out_lens = res["depths"][str(out)]["generated"]
    tail = res["tail_replay_generated"]
    lines += ["", f"input side:  the node recovers {100 * best_in:.0f}% of the prompt tokens from what it receives "
                  f"(depth {head})."]
    if out == L:
        lines.append("output side: the node returns the last layer's output; the public LM head turns it into the "
                     "exact logits, so it knows every generated token (100%).")
    else:
        t = f"{100 * tail:.0f}%" if tail is not None else "n/a for this architecture"
        lines.append(f"output side: from what it returns (depth {out}) the logit lens predicts "
                     f"{100 * out_lens:.0f}% of the generated tokens; running the public tail layers itself, "
                     f"{t}.")
    lines += ["columns: share of the text's tokens recovered by each attack (nearest embedding, logit lens, "
              "linear probe, exact candidate matching); shortlist = true token among the candidates tried "
              "(exact matching's ceiling); next = lens predicts the following token; generated = lens agrees "
              "with the model's own next-token prediction", "", MESSAGE]
    return "\n".join(lines)
