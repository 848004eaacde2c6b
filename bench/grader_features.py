"""Do model-derived features route better than the grader's hashed n-grams?

    python bench/grader_features.py                  # extract (cached in /tmp), evaluate
    python bench/grader_features.py --threads 1      # on a busy machine

For each labelled router prompt (501), one llama.cpp pass per source (Engine
loaded with embedding=True, pooling_type=NONE, so the same decode gives every
position's final hidden state and logits). Sources:
  smol      smollm2-135m (tier 1) on the raw request text with BOS
  qwen      qwen2.5-coder-0.5b (tier 2) on the raw request text with BOS
  smolchat  smollm2-135m on its chat template (user turn only; the template's
            constant prefix stays in the KV cache and is not re-evaluated)
Candidate features per source:
  mean, last    mean-pooled / last-token hidden state (last = the position
                before the answer for smolchat)
  scalars       mean and std of the evaluated tokens' NLL, entropy and top
                probability of the next token at the end, log #tokens
Latency = wall time of that pass (tokenize, decode, copy out, scalars),
re-timed separately on prompts of 40-60 raw tokens.

Protocol = the shipped grader's: fit on the train split only, pick each
family's configuration (PCA dims, L2, mix) by stratified 5-fold CV APGR on
train (train.folds), then fit on all train and score the held-out split once;
plus 5-fold CV over all items with the chosen configuration.
Standardise -> PCA (fit inside each fold) -> class-balanced multinomial
logistic regression (numpy, same optimiser as edgewise.algo.linear.fit).
Writes bench/results/grader_features.json.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import machine, table, write  # noqa: E402
from edgewise.algo.linear import hash_tokens  # noqa: E402
from edgewise.router import metrics as M  # noqa: E402
from edgewise.router import train as T  # noqa: E402
from edgewise.router.dataset import TIERS, labelled, load_outcomes, load_prompts  # noqa: E402
from edgewise.router.features import features  # noqa: E402

# feature sources: model and input format (raw request text, or the model's chat template)
SOURCES = {"smol": "smollm2-135m", "qwen": "qwen2.5-coder-0.5b", "smolchat": "smollm2-135m"}
PCA_DIMS = (8, 16, 32, 64)
L2S = (1e-3, 1e-2, 1e-1, 1.0)
SCALAR_NAMES = ("nll_mean", "nll_std", "entropy_last", "top_p_last", "log_tokens")


# -- feature extraction ---------------------------------------------------------
class Extractor:
    """One model in embedding mode (pooling NONE) through edgewise's Engine wrapper."""

    def __init__(self, source: str, threads: int):
        import llama_cpp

        from edgewise.config import EngineConfig
        from edgewise.engine import load_engine

        self.lib, self.chat = llama_cpp, source.endswith("chat")
        self.eng = load_engine(SOURCES[source], EngineConfig(n_ctx=1024, n_batch=1024, n_threads=threads),
                               progress=False, embedding=True, pooling_type=llama_cpp.LLAMA_POOLING_TYPE_NONE)
        self.n_embd = self.eng.llm.n_embd()
        self("warm up")

    def tokens(self, text: str) -> list[int]:
        if self.chat:  # the GGUF's template (its default system turn): a constant, cacheable prefix
            from edgewise.engine.chat import chat_tokens

            return chat_tokens(self.eng, [{"role": "user", "content": text}])
        return self.eng.tokenize(text, add_bos=True)

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray, list[float], int]:
        """(mean, last, scalars, tokens evaluated). Chat reuses the cached template prefix,
        as a server would; raw text is evaluated from scratch."""
        toks = self.tokens(text)
        keep = min(self.eng.common_prefix(toks), len(toks) - 1) if self.chat else 0
        self.eng.truncate(keep)
        L = self.eng.eval(toks[keep:], "all")  # embedding mode: hidden states of every position too
        n = len(toks) - keep
        H = np.ctypeslib.as_array(self.lib.llama_get_embeddings(self.eng.llm._ctx.ctx), shape=(n, self.n_embd))
        Z = L - L.max(1, keepdims=True)
        logp = Z - np.log(np.exp(Z).sum(1, keepdims=True))
        nxt = toks[keep + 1:]
        nll = -logp[np.arange(len(nxt)), nxt] if nxt else np.zeros(1)
        p_last = np.exp(logp[-1])
        f = [nll.mean(), nll.std(), -(p_last * logp[-1]).sum(), p_last.max(), np.log(len(toks))]
        return H.mean(0), H[-1].copy(), f, n

    def close(self) -> None:
        self.eng.close()


def extract(source: str, texts: list[str], threads: int) -> dict[str, np.ndarray]:
    ex = Extractor(source, threads)
    mean, last, scal, secs, ntok = [], [], [], [], []
    for text in texts:
        t0 = time.perf_counter()
        m, la, f, n = ex(text)
        secs.append(time.perf_counter() - t0)
        mean.append(m)
        last.append(la)
        scal.append(f)
        ntok.append(n)
    ex.close()
    return {"mean": np.array(mean), "last": np.array(last), "scalars": np.array(scal),
            "seconds": np.array(secs), "tokens": np.array(ntok)}


def load_features(texts: list[str], ids: list[str], cache: Path, threads: int) -> dict:
    out = {}
    for src in SOURCES:
        path = cache.with_name(f"{cache.stem}_{src}.npz")
        if path.exists() and list(np.load(path)["ids"]) == ids:
            out[src] = dict(np.load(path))
            continue
        t0 = time.monotonic()
        out[src] = extract(src, texts, threads)
        print(f"extracted {src}: {time.monotonic() - t0:.0f} s", flush=True)
        np.savez(path, ids=np.array(ids), **out[src])
    return out


def latency(texts: list[str], threads: int, reps: int = 3, n: int = 20) -> dict:
    """Feature-pass wall time on prompts of 40-60 raw tokens (the budget's ~50-token case),
    re-timed in a separate pass (the extraction run may share the CPU)."""
    out = {}
    for src in SOURCES:
        ex = Extractor(src, threads)
        sel = [t for t in texts if 40 <= len(ex.eng.tokenize(t, add_bos=True)) <= 60][:n]
        ms, ntok = [], []
        # chat: the template prefix stays cached, the user turn is evaluated afresh every time
        prefix = len(os.path.commonprefix([ex.tokens("a"), ex.tokens("b")])) if ex.chat else 0
        for text in sel:
            for _ in range(reps):
                ex.eng.truncate(prefix)
                t0 = time.perf_counter()
                ntok.append(ex(text)[3])
                ms.append((time.perf_counter() - t0) * 1000)
        ex.close()
        out[src] = {"model": SOURCES[src], "prompts": len(sel), "reps": reps,
                    "median_tokens_evaluated": float(np.median(ntok)), "p50_ms": round(float(np.median(ms)), 1),
                    "p90_ms": round(float(np.percentile(ms, 90)), 1), "loadavg_1m_after": os.getloadavg()[0]}
    return out


# -- models ----------------------------------------------------------------------
def fit_dense(X: np.ndarray, y: np.ndarray, l2: float, steps: int = 500, lr: float = 0.05):
    """Class-balanced multinomial LR, full-batch Adam (as edgewise.algo.linear.fit). y in 0..2."""
    n, k = len(y), 3
    Y = np.eye(k)[y]
    sw = ((n / (k * np.maximum(np.bincount(y, minlength=k), 1)))[y] / n)[:, None]
    params = [np.zeros((X.shape[1], k)), np.zeros(k)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for t in range(1, steps + 1):
        Z = X @ params[0] + params[1]
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        G = (P - Y) * sw
        for p, g, mi, vi in zip(params, (X.T @ G + l2 * params[0], G.sum(0)), m, v):
            mi *= 0.9
            mi += 0.1 * g
            vi *= 0.999
            vi += 0.001 * g * g
            p -= lr * (mi / (1 - 0.9 ** t)) / (np.sqrt(vi / (1 - 0.999 ** t)) + 1e-8)
    return params


def log_proba(params, X: np.ndarray) -> np.ndarray:
    Z = X @ params[0] + params[1]
    return Z - Z.max(1, keepdims=True) - np.log(np.exp(Z - Z.max(1, keepdims=True)).sum(1, keepdims=True))


class Reducer:
    """Standardise, then (optionally) PCA to `dims` whitened components; fit on train rows."""

    def __init__(self, X: np.ndarray, dims: int | None):
        self.mu, self.sd = X.mean(0), X.std(0) + 1e-6
        Xs = (X - self.mu) / self.sd
        self.V = None
        if dims and dims < X.shape[1]:
            _, s, vt = np.linalg.svd(Xs, full_matrices=False)
            self.V = vt[:dims].T / (s[:dims] / np.sqrt(len(X)))

    def __call__(self, X: np.ndarray) -> np.ndarray:
        Xs = (X - self.mu) / self.sd
        return Xs if self.V is None else Xs @ self.V


def ngram_dense(train_texts: list[str], texts: list[str]) -> np.ndarray:
    """The grader's hashed features as a dense matrix over the buckets seen in training."""
    tr = [hash_tokens(features(t)) for t in train_texts]
    cols = {b: j for j, b in enumerate(np.unique(np.concatenate([ids for ids, _ in tr])))}
    X = np.zeros((len(texts), len(cols)))
    for i, t in enumerate(texts):
        for b, v in zip(*hash_tokens(features(t))):
            if b in cols:
                X[i, cols[b]] = v
    return X


def predictor(cfg: dict, F: dict, rows: list[dict]):
    """A function train_idx, test_idx -> log p (len(test), 3) for configuration cfg."""
    texts = [r["prompt"] for r in rows]
    y = np.array([r["label"] - 1 for r in rows])

    def dense(tr, te):
        X = np.hstack([F[src] for src in cfg["src"]])
        red = Reducer(X[tr], cfg.get("pca"))
        return red(X[tr]), red(X[te])

    def run(tr, te):
        kind = cfg["kind"]
        if kind == "ngram":  # exactly the shipped grader's model
            model = T.fit_model([rows[i] for i in tr])
            return np.log([list(model.proba(features(texts[i])).values()) for i in te])
        if kind == "dense":
            A, B = dense(tr, te)
            return log_proba(fit_dense(A, y[tr], cfg["l2"]), B)
        if kind == "concat":  # one model over [n-grams, scaled reduced embeddings]
            A, B = dense(tr, te)
            s = cfg["scale"] / np.sqrt(A.shape[1])
            Na = ngram_dense([texts[i] for i in tr], [texts[i] for i in tr + te])
            XA, XB = np.hstack([Na[:len(tr)], s * A]), np.hstack([Na[len(tr):], s * B])
            return log_proba(fit_dense(XA, y[tr], T.L2, steps=300), XB)
        if kind == "stack":  # weighted mean of the two models' log-probabilities
            a = predictor({"kind": "ngram"}, F, rows)(tr, te)
            b = predictor(cfg["emb"], F, rows)(tr, te)
            z = (1 - cfg["w"]) * a + cfg["w"] * b
            return z - np.log(np.exp(z).sum(1, keepdims=True))
        raise ValueError(kind)

    return lambda tr, te: run(list(tr), list(te))


# -- evaluation --------------------------------------------------------------------
def correctness(rows, outcomes) -> np.ndarray:
    return np.array([[outcomes[r["id"]][t]["correct"] for t in TIERS] for r in rows], bool)


def cv_scores(cfg, F, rows, k=5) -> np.ndarray:
    """Out-of-fold p(tier3) over rows (folds = train.folds: stratified, fixed seed)."""
    pred = predictor(cfg, F, rows)
    p3 = np.zeros(len(rows))
    for test in T.folds(rows, k):
        held = set(test.tolist())
        tr = [i for i in range(len(rows)) if i not in held]
        p3[test] = np.exp(pred(tr, test.tolist())[:, 2])
    return p3


def apgr(p3, correct) -> float:
    return M.summary(p3, np.full(len(p3), 2), correct)["apgr"]


def aucs(p3, rows, correct) -> dict:
    y = np.array([r["label"] for r in rows])
    return {"label3": T.auc_binary(p3, y == 3), "cloud_gain": T.auc_binary(p3, correct[:, 2] & ~correct[:, 1])}


def candidates() -> dict[str, list[dict]]:
    fams: dict[str, list[dict]] = {"ngram (shipped)": [{"kind": "ngram"}]}
    for m in SOURCES:
        for pool in ("mean", "last", "mean+last"):
            fams[f"emb {m} {pool}"] = [{"kind": "dense", "src": [f"{m}/{p}" for p in pool.split("+")],
                                        "pca": d, "l2": l2} for d in PCA_DIMS for l2 in L2S]
    for src in (["smol"], ["smolchat"], ["qwen"], ["smol", "qwen"]):
        fams["scalars " + "+".join(src)] = [{"kind": "dense", "src": [f"{m}/scalars" for m in src], "pca": None,
                                             "l2": l2} for l2 in L2S]
    return fams


def paired_gain_ci(p: np.ndarray, base: np.ndarray, correct: np.ndarray, n: int = 300) -> list[float]:
    """95% bootstrap interval of APGR(p) - APGR(base) over resampled items."""
    rng = np.random.default_rng(0)
    d = []
    for _ in range(n):
        i = rng.integers(0, len(p), len(p))
        if correct[i, 2].mean() > correct[i, 1].mean():
            d.append(apgr(p[i], correct[i]) - apgr(base[i], correct[i]))
    return [round(float(x), 3) for x in np.percentile(d, [2.5, 97.5])]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/edgewise_grader_features.npz"))
    args = ap.parse_args(argv)
    outcomes = load_outcomes()
    rows = [r for r in labelled(load_prompts(), outcomes) if all(t in outcomes[r["id"]] for t in TIERS)]
    raw = load_features([r["prompt"] for r in rows], [r["id"] for r in rows], args.cache, args.threads)
    F = {f"{m}/{k}": raw[m][k].astype(np.float64) for m in SOURCES for k in ("mean", "last", "scalars")}
    train_idx = [i for i, r in enumerate(rows) if not r["heldout"]]
    held_idx = [i for i, r in enumerate(rows) if r["heldout"]]
    train_rows, held_rows = [rows[i] for i in train_idx], [rows[i] for i in held_idx]
    Ftr = {k: v[train_idx] for k, v in F.items()}
    c_tr, c_he, c_all = correctness(train_rows, outcomes), correctness(held_rows, outcomes), correctness(rows, outcomes)

    # 1. per family: configuration by train-split CV APGR only
    chosen: dict[str, tuple[dict, float]] = {}

    def choose(fams):
        for fam, cfgs in fams.items():
            chosen[fam] = max(((c, apgr(cv_scores(c, Ftr, train_rows), c_tr)) for c in cfgs), key=lambda s: s[1])
            print(f"  {fam}: train-CV APGR {chosen[fam][1]:.3f} with {chosen[fam][0]}", flush=True)

    choose(candidates())
    best_emb = max((f for f in chosen if f.startswith("emb")), key=lambda f: chosen[f][1])
    emb_cfg = chosen[best_emb][0]
    choose({f"ngram + {best_emb} (concat)": [{**emb_cfg, "kind": "concat", "pca": d, "scale": s}
                                             for d in (8, 16, 32) for s in (0.5, 1.0, 2.0, 4.0, 8.0)],
            f"ngram + {best_emb} (stack)": [{"kind": "stack", "emb": emb_cfg, "w": w} for w in (0.25, 0.5, 0.75)]})

    # 2. each chosen configuration: held-out once, and 5-fold CV over all items
    lat = latency([r["prompt"] for r in rows], args.threads)
    results, base_all = [], None
    for fam, (cfg, cv_tr) in chosen.items():
        p_he = np.exp(predictor(cfg, F, rows)(train_idx, held_idx)[:, 2])
        p_all = cv_scores(cfg, F, rows)
        base_all = p_all if base_all is None else base_all
        a_he, a_all = aucs(p_he, held_rows, c_he), aucs(p_all, rows, c_all)
        srcs = {s.split("/")[0] for s in cfg.get("src", cfg.get("emb", {}).get("src", []))}
        results.append({"features": fam, "config": cfg, "train_cv_apgr": round(cv_tr, 3),
                        "cv_all_apgr": round(apgr(p_all, c_all), 3),
                        "cv_all_gain_ci95": paired_gain_ci(p_all, base_all, c_all),
                        "heldout_apgr": round(apgr(p_he, c_he), 3),
                        "heldout_auc_label3": round(a_he["label3"], 3),
                        "heldout_auc_cloud_gain": round(a_he["cloud_gain"], 3),
                        "cv_all_auc_label3": round(a_all["label3"], 3),
                        "cv_all_auc_cloud_gain": round(a_all["cloud_gain"], 3),
                        "feature_p50_ms": round(sum(lat[s]["p50_ms"] for s in srcs), 1) if srcs else 1.0})
    base = results[0]
    best = max(results, key=lambda r: r["train_cv_apgr"])
    gain_cv, gain_he = best["cv_all_apgr"] - base["cv_all_apgr"], best["heldout_apgr"] - base["heldout_apgr"]
    fits = best["feature_p50_ms"] + 3 <= 300  # + grader and privacy check
    decision = {"selected_by_train_cv": best["features"], "cv_all_gain": round(gain_cv, 3),
                "heldout_gain": round(gain_he, 3), "meets_latency": fits,
                "rule": "integrate iff both gains >= 0.05 and feature p50 + 3 ms <= 300 ms",
                "integrate": bool(gain_cv >= 0.05 and gain_he >= 0.05 and fits and best is not base)}
    result = {"machine": machine(), "sources": SOURCES, "threads": args.threads, "n_items": len(rows),
              "n_train": len(train_rows), "n_heldout": len(held_rows),
              "protocol": "configs chosen by stratified 5-fold CV APGR on the train split (train.folds); "
                          "held-out scored once; cv_all = 5-fold over all items, gain CI paired vs ngram",
              "grid": {"pca": PCA_DIMS, "l2": L2S}, "latency": lat,
              "extraction_s": {s: round(float(raw[s]["seconds"].sum()), 1) for s in SOURCES},
              "results": results, "decision": decision}
    report(result)
    write("grader_features", result)


def report(r: dict) -> None:
    m = r["machine"]
    print(f"\nmachine: {m['cpu']} x{m['cores']}, {m['platform']}, load {m['loadavg_1m']}, {m['date']}")
    print(f"sources: {r['sources']}, threads {r['threads']}; items {r['n_items']} "
          f"(train {r['n_train']}, held-out {r['n_heldout']})")
    for k, v in r["latency"].items():
        print(f"feature pass {k} ({v['model']}): p50 {v['p50_ms']} ms, p90 {v['p90_ms']} ms over {v['prompts']} "
              f"prompts x{v['reps']} of 40-60 raw tokens ({v['median_tokens_evaluated']:.0f} evaluated); "
              f"load after {v['loadavg_1m_after']:.2f}")
    print(table(r["results"], ["features", "train_cv_apgr", "cv_all_apgr", "cv_all_gain_ci95", "heldout_apgr",
                               "heldout_auc_label3", "heldout_auc_cloud_gain", "cv_all_auc_cloud_gain",
                               "feature_p50_ms"]))
    print(f"decision: {r['decision']}")


if __name__ == "__main__":
    main()
