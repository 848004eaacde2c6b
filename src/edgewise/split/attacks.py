"""Inversion attacks on split hidden states, using only public weights.

  nearest   h_d's nearest row of the token embedding matrix (cosine)
  lens      logit lens: final norm + LM head applied to h_d, argmax
  probe     a linear inverse map h_d -> token embedding, fitted (ridge) on
            public text the attacker pushes through the public model, then
            nearest embedding.  Fitting takes seconds; it beats nearest by far
            past depth 0 (the residual stream drifts from the embeddings)
  exact     candidate matching (SipIt-style): at each position push
            candidates through layers [0, d) after the recovered prefix and
            keep the one whose h_d is closest (L2).  The right candidate
            matches to float noise, so the attack fails only when the true
            token is not among the K candidates tried ("shortlist"): the
            model's own next-token prediction, the probe, nearest and lens.
"""
from __future__ import annotations

import importlib
import inspect

import numpy as np

CORPUS_MODULES = ("argparse", "textwrap", "json", "collections", "subprocess", "email", "http.client", "csv",
                  "logging", "datetime", "pathlib", "unittest", "sqlite3", "zipfile")


class Weights:
    """Embedding matrix (row-normalised) and LM head, dequantized from the GGUF."""

    def __init__(self, path: str):
        from edgewise.split.gguf import model_info, read_tensor

        info = model_info(path)
        emb = read_tensor(info, "token_embd.weight")
        self.emb_unit = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        self.head = emb if info.output_name == "token_embd.weight" else read_tensor(info, info.output_name)
        self.norm = read_tensor(info, "output_norm.weight").reshape(-1)
        self.eps = info.rms_eps

    def nearest(self, h: np.ndarray, k: int = 1) -> np.ndarray:
        return topk(h @ self.emb_unit.T, k)

    def lens(self, h: np.ndarray, k: int = 1) -> np.ndarray:
        hn = h / np.sqrt(np.mean(h * h, axis=1, keepdims=True) + self.eps) * self.norm
        return topk(hn @ self.head.T, k)


def topk(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest per row, best first."""
    if k == 1:
        return scores.argmax(axis=1)[:, None]
    idx = np.argpartition(-scores, k, axis=1)[:, :k]
    order = np.take_along_axis(scores, idx, axis=1).argsort(axis=1)[:, ::-1]
    return np.take_along_axis(idx, order, axis=1)


def public_corpus() -> str:
    """Text any attacker has: docstrings of Python's standard library."""
    docs = []
    for name in CORPUS_MODULES:
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        for _, obj in inspect.getmembers(mod):
            d = inspect.getdoc(obj)
            if d and len(d) > 200 and d not in docs:
                docs.append(d)
    return "\n\n".join(docs)


class Probe:
    """Ridge regression from standardised h_d to the unit token embedding."""

    def __init__(self, x: np.ndarray, y: np.ndarray, alpha: float = 10.0):
        self.mu, self.sd = x.mean(0), x.std(0) + 1e-3
        z = (x - self.mu) / self.sd
        self.w = np.linalg.solve(z.T @ z + alpha * np.eye(z.shape[1]), z.T @ y)

    def topk(self, weights: Weights, h: np.ndarray, k: int = 1) -> np.ndarray:
        p = ((h - self.mu) / self.sd) @ self.w
        return weights.nearest(p / np.maximum(np.linalg.norm(p, axis=1, keepdims=True), 1e-12), k)


def fit_probes(model, weights: Weights, depths: list[int], n_tokens: int = 2048, chunk: int = 256) -> dict:
    """One probe per depth > 0, from ``n_tokens`` of public text (first tokens of each chunk skipped:
    attention-sink positions look nothing like the rest)."""
    depths = [d for d in depths if d > 0]
    if not depths:
        return {}
    toks = model.tokenize(public_corpus(), add_bos=False)[:n_tokens]
    xs: dict[int, list] = {d: [] for d in depths}
    ys = []
    for s in range(0, len(toks), chunk):
        part = toks[s:s + chunk]
        if len(part) < 8:
            break
        model.clear()
        hs = model.run([(t, i, 0) for i, t in enumerate(part)], depths)
        for d in depths:
            xs[d].append(hs[d][4:])
        ys.append(weights.emb_unit[np.array(part[4:])])
    model.clear()
    y = np.concatenate(ys)
    return {d: Probe(np.concatenate(xs[d]), y) for d in depths}


def shortlist(sources: list[tuple[np.ndarray, int]], k: int) -> list[int]:
    """Up to k distinct candidates, taking ``n`` from each source in turn, then filling."""
    out: list[int] = []
    for src, n in [*sources, *((s, k) for s, _ in sources)]:
        for t in src[:n]:
            if len(out) >= k:
                return out
            if int(t) not in out:
                out.append(int(t))
    return out


def exact_match(model, weights: Weights, probe: Probe | None, tokens: list[int], h: np.ndarray, depth: int,
                k: int) -> dict:
    """Recover the tokens one by one from h (rows at ``depth``) with the weights only."""
    near, lens = weights.nearest(h, k), weights.lens(h, k)
    guess = probe.topk(weights, h, k) if probe else near
    model.clear()
    recovered: list[int] = []
    found = 0
    prior = np.array([], dtype=int)
    for i in range(len(tokens)):
        cands = shortlist([(prior, k // 2), (guess[i], k // 2), (near[i], 2), (lens[i], 2)], k)
        found += tokens[i] in cands
        for j in range(len(cands)):
            model.seq_cp(0, j + 1)
        got = model.run([(c, i, j + 1) for j, c in enumerate(cands)], [depth])[depth]
        for j in range(len(cands)):
            model.seq_rm(j + 1)
        best = cands[int(np.argmin(((got - h[i]) ** 2).sum(axis=1)))]
        recovered.append(best)
        # extend the recovered prefix through every layer: its logits give the next prior
        full = model.run([(best, i, 0)], [model.n_layers], stop=False)[model.n_layers]
        prior = weights.lens(full, max(k // 2, 1))[0]
    model.clear()
    hits = sum(a == b for a, b in zip(recovered, tokens))
    return {"exact": hits / len(tokens), "shortlist": found / len(tokens), "recovered": recovered}


def rates(weights: Weights, probe: Probe | None, tokens: list[int], h: np.ndarray, final: np.ndarray) -> dict:
    """Share of tokens each one-shot attack recovers from h (rows = positions)."""
    t = np.array(tokens)
    lens = weights.lens(h)[:, 0]
    near = weights.nearest(h)[:, 0]
    return {"nearest": float(np.mean(near == t)),
            "lens": float(np.mean(lens == t)),
            "probe": float(np.mean(probe.topk(weights, h)[:, 0] == t)) if probe else float(np.mean(near == t)),
            "next": float(np.mean(lens[:-1] == t[1:])) if len(t) > 1 else 0.0,
            "generated": float(np.mean(lens == final))}
