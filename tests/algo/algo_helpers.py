"""Test helpers: exact speculative-decoding calculator, toy models, chi-square.

The exact calculator enumerates every draft sample and every accept/reject
branch analytically, using the library's acceptance_prob and residual (both
injectable so mutation tests can show a broken rule is detected).
"""
from __future__ import annotations

import itertools
import math
from collections import defaultdict

import numpy as np

from edgewise.algo.sampling import dense_from_sparse, sample_sparse, sparse_topk
from edgewise.algo.speculative import acceptance_prob, residual, verify_sampled


def memo(fn):
    """Cache a toy model per prefix (building Generators is slow); the
    cached arrays are read-only so no test can mutate them by accident."""
    cache: dict[tuple[int, ...], np.ndarray] = {}

    def wrapped(prefix: tuple[int, ...]) -> np.ndarray:
        if prefix not in cache:
            arr = np.array(fn(prefix), dtype=np.float64)
            arr.setflags(write=False)
            cache[prefix] = arr
        return cache[prefix]
    return wrapped


def dirichlet_model(seed: int, vocab: int, conc: float = 1.0, zeros: int = 0):
    """Prefix-dependent toy distribution: p(. | prefix) is a fixed Dirichlet
    draw per prefix; `zeros` random entries are forced to 0."""
    def fn(prefix: tuple[int, ...]) -> np.ndarray:
        rng = np.random.default_rng([seed, len(prefix), *prefix])
        p = rng.dirichlet(np.full(vocab, conc))
        if zeros:
            p[rng.choice(vocab, size=zeros, replace=False)] = 0.0
        return p / p.sum()
    return fn


def truncated(fn, k: int, vocab: int):
    """The draft's real distribution when it sends (and samples) top-k."""
    return lambda prefix: dense_from_sparse(*sparse_topk(fn(prefix), k), vocab)


def round_distribution(p_fn, q_fn, context, gamma, *, accept=acceptance_prob, resid=residual):
    """Exact distribution of the token tuple emitted by one verify round."""
    q0 = q_fn(context)
    vocab = q0.size
    out: dict[tuple[int, ...], float] = defaultdict(float)
    for drafts in itertools.product(range(vocab), repeat=gamma):
        qs = [q_fn(context + drafts[:i]) for i in range(gamma)]
        reach = math.prod(q[x] for q, x in zip(qs, drafts))
        if reach == 0.0:
            continue
        ps = [p_fn(context + drafts[:i]) for i in range(gamma + 1)]
        for i, x in enumerate(drafts):
            a = accept(ps[i][x], qs[i][x])
            for y, py in enumerate(resid(ps[i], qs[i])):
                if py > 0.0:
                    out[drafts[:i] + (y,)] += reach * (1.0 - a) * py
            reach *= a
        for y, py in enumerate(ps[gamma]):
            out[drafts + (y,)] += reach * py
    return dict(out)


def generated_distribution(p_fn, q_fn, gamma, length, context=(), **rules):
    """Exact distribution of the first `length` tokens from repeated rounds."""
    out: dict[tuple[int, ...], float] = defaultdict(float)
    for emitted, prob in round_distribution(p_fn, q_fn, context, gamma, **rules).items():
        if prob == 0.0:
            continue
        need = length - len(context)
        if len(emitted) >= need:
            out[context + emitted[:need]] += prob
            continue
        sub = generated_distribution(p_fn, q_fn, gamma, length, context + emitted, **rules)
        for seq, sp in sub.items():
            out[seq] += prob * sp
    return dict(out)


def target_distribution(p_fn, length, vocab):
    """Exact autoregressive distribution of the first `length` tokens under p."""
    out = {}
    for seq in itertools.product(range(vocab), repeat=length):
        out[seq] = math.prod(p_fn(seq[:i])[seq[i]] for i in range(length))
    return out


def max_abs_diff(d1: dict, d2: dict) -> float:
    keys = set(d1) | set(d2)
    return max(abs(d1.get(k, 0.0) - d2.get(k, 0.0)) for k in keys)


def run_round(p_fn, q_fn, context, gamma, rng, k=None):
    """One real round: the draft samples from its sparse message, then
    verify_sampled decides. Returns the emitted tokens and n_accepted."""
    drafts, sparse = [], []
    for _ in range(gamma):
        q = q_fn(context + tuple(drafts))
        msg = sparse_topk(q, k or q.size)
        sparse.append(msg)
        drafts.append(sample_sparse(*msg, rng))
    ps = [p_fn(context + tuple(drafts[:i])) for i in range(gamma + 1)]
    n, nxt = verify_sampled(drafts, sparse, ps, rng)
    return tuple(drafts[:n]) + (nxt,), n


def generate(p_fn, q_fn, gamma, length, rng, k=None):
    out: tuple[int, ...] = ()
    while len(out) < length:
        emitted, _ = run_round(p_fn, q_fn, out, gamma, rng, k)
        out += emitted
    return out[:length]


# --- chi-square without scipy -------------------------------------------

def _gammainc_upper(a: float, x: float) -> float:
    """Regularised upper incomplete gamma Q(a, x) (Numerical Recipes 6.2)."""
    if x <= 0.0:
        return 1.0
    log_pre = -x + a * math.log(x) - math.lgamma(a)
    if x < a + 1.0:  # series for P(a, x)
        term = total = 1.0 / a
        n = a
        while abs(term) > abs(total) * 1e-15:
            n += 1.0
            term *= x / n
            total += term
        return 1.0 - total * math.exp(log_pre)
    b = x + 1.0 - a  # Lentz continued fraction for Q(a, x)
    c, d = 1.0 / 1e-300, 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = 1e-300 if abs(d) < 1e-300 else d
        c = b + an / c
        c = 1e-300 if abs(c) < 1e-300 else c
        d = 1.0 / d
        h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return math.exp(log_pre) * h


def chi2_sf(stat: float, dof: int) -> float:
    return _gammainc_upper(dof / 2.0, stat / 2.0)


def chisquare_pvalue(counts: dict, probs: dict, min_expected: float = 5.0) -> float:
    """Pearson chi-square p-value; cells with small expectation are pooled.

    A sample in a zero-probability cell is an outright failure (p = 0).
    """
    n = sum(counts.values())
    if any(probs.get(key, 0.0) <= 0.0 for key in counts):
        return 0.0
    keys = sorted(probs, key=lambda key: probs[key])
    cells, pool_obs, pool_exp = [], 0.0, 0.0
    for key in keys:
        exp, obs = n * probs[key], counts.get(key, 0)
        if exp < min_expected:
            pool_obs, pool_exp = pool_obs + obs, pool_exp + exp
        else:
            cells.append((obs, exp))
    if pool_exp >= min_expected or (pool_exp > 0.0 and not cells):
        cells.append((pool_obs, pool_exp))
    elif pool_exp > 0.0:  # too small to stand alone: merge into the smallest cell
        o, e = cells[0]
        cells[0] = (o + pool_obs, e + pool_exp)
    if len(cells) < 2:
        return 1.0
    stat = sum((o - e) ** 2 / e for o, e in cells)
    return chi2_sf(stat, len(cells) - 1)
