"""The router behind the one public model name ``edgewise``.

Per request: the local grader picks a tier, the privacy level overrides it
(``sensitive`` never leaves the laptop), and the chosen backend answers:

  tier 1  tiny local model (smollm2-135m)
  tier 2  local main model; with ``router.check: speculative`` and a node, the
          big remote model verifies it (speculative decoding is the check).
          A word problem (router/kind.py) is answered by a program the local
          model writes and the sandbox runs (edge/program.py); ``router.program:
          false`` turns that off
  tier 3  the cloud: ``router.cloud`` names upstream backends, tried in order

With ``router.cascade`` (true, or {window: N, threshold: T, ...}) a tier-2
request starts locally and is escalated to the cloud when the local model was
unsure of its answer: all of it by default, or its first N tokens, so a kept
answer streams sooner (router/cascade.py).  With {check: true} and a node, an
unsure answer is not judged by the local model alone: the node's big model
scores the same window in one batched pass (edge/answer_check.py) and its
reading decides.  The tier header follows the answer that is sent; escalated
requests first wait for the window's local tokens.

Every response carries its tier (header ``x-edgewise-tier``) and its cost
(``x-edgewise-cost``, or the final usage chunk when streaming), and every
request is written to the SQLite ledger.
"""
from __future__ import annotations

import itertools
import threading
import time

from edgewise.config import Config
from edgewise.edge.backends.local import LocalBackend
from edgewise.edge.gateway.errors import APIError
from edgewise.edge.privacy_gate import PrivateBackend
from edgewise.privacy import privacy_level
from edgewise.router import cascade, pricing
from edgewise.router.ledger import Ledger


class RouterBackend:
    name = "router"

    def __init__(self, cfg: Config, local: LocalBackend, grader=None, ledger: Ledger | None = None):
        r = cfg.router
        self.cfg = cfg
        self.local = local
        self.prices = pricing.table(cfg.prices)
        self.policy = cfg.privacy.get("policy")
        self.ledger = ledger or Ledger(r.get("ledger"))
        self._grader = grader
        self._tiny: LocalBackend | None = None
        self._lock = threading.Lock()
        self.tiny_model = r.get("tiny_model", "smollm2-135m")
        self.program = bool(r.get("program", True))
        self.check = None
        if r.get("check") == "speculative" and cfg.remote.url:
            from edgewise.edge.modes import SpeculativeBackend

            spec = SpeculativeBackend(cfg, local.engine)
            spec.worker = local.worker  # the draft is the local engine: one queue
            self.check = PrivateBackend(spec, lambda: local, self.policy)
        self.cloud = [PrivateBackend(_upstream(cfg, n), lambda: local, self.policy)
                      for n in r.get("cloud", [b.name for b in cfg.backends])]
        c = r.get("cascade")
        c = {} if c is True else c if isinstance(c, dict) else None
        self.cascade = None if c is None else cascade.from_config(c)
        self.checker = None  # the node reads unsure local answers (cascade: {check: true})
        if c and c.get("check") and cfg.remote.url:
            self.checker = _checker(cfg, local)

    # -- Backend interface -----------------------------------------------------
    def ready(self) -> bool:
        return self.local.ready()

    def models(self) -> list[str]:
        return []

    def submit(self, job):
        return self.local.submit(job)

    def open(self, req, cancel: threading.Event):
        return self.route(req)[1](cancel)

    # -- routing -----------------------------------------------------------------
    def grader(self):
        with self._lock:
            if self._grader is None:
                from edgewise.router.grader import Grader

                self._grader = Grader.load(thresholds=self.cfg.router.get("thresholds"))
            return self._grader

    def tiny(self) -> LocalBackend:
        with self._lock:
            if self._tiny is None:
                from edgewise.engine import load_engine

                self._tiny = LocalBackend(load_engine(self.tiny_model, self.cfg.engine, progress=False), "tier1")
            return self._tiny

    def decide(self, req) -> tuple[int, str, dict]:
        msgs = req.dict_messages()
        verdict = privacy_level(msgs)
        grade = self.grader().grade(msgs, privacy=False)  # privacy_level already ran above
        info = {"grade": grade.scores, "grade_ms": round(grade.ms, 2)}
        tier = grade.tier
        if verdict.level == "sensitive" and tier == 3:
            tier = 2  # sensitive text never leaves the laptop
        if tier == 3 and not self.cloud:
            tier = 2
        if tier == 2 and self.program:
            from edgewise.router.grader import request_text
            from edgewise.router.kind import p_math

            info["p_math"] = round(p_math(request_text(msgs)), 3)
        return tier, verdict.level, info

    def route(self, req):
        t0 = time.perf_counter()
        tier, level, info = self.decide(req)
        if tier == 1:
            backend, opener = self.tiny(), None
        elif tier == 2 and self.cascade is not None and self.cloud and level != "sensitive":
            return self.local, self._cascade_opener(req, level, info, t0)
        elif tier == 2 and self.check and level != "sensitive":
            backend, opener = self.check.route(req)
        elif tier == 2:
            backend, opener = self.local, lambda cancel: self._open_local(req, info, cancel)
        else:
            return self.local, self._cloud_opener(req, level, info, t0)
        opener = opener or (lambda cancel, b=backend: b.open(req, cancel))
        checked = backend is not self.local and tier == 2
        return backend, lambda cancel: self._priced(opener(cancel), tier, level, info, t0, checked)

    def _open_local(self, req, info: dict, cancel, logprobs=None, tokens=None):
        """Tier 2's answer: a program for a word problem (if it gives a number), else the plain one."""
        from edgewise.router.kind import THRESHOLD

        if info.get("p_math", 0.0) >= THRESHOLD:
            from edgewise.edge.program import open_program

            gen = open_program(self.local, req, cancel, logprobs, tokens)
            info["program"] = gen is not None
            if gen is not None:
                return gen
        return self.local.open(req, cancel, logprobs=logprobs, tokens=tokens)

    def _cloud_opener(self, req, level, info, t0, check_tokens: int = 0, check_written: int = 0):
        """Tier 3 with fallbacks: each cloud backend in order, then the local model."""
        def open_cloud(cancel):
            errors = []
            for b in self.cloud:
                try:
                    _, opener = b.route(req)
                    return self._priced(opener(cancel), 3, level, info, t0, check_tokens=check_tokens,
                                        check_written=check_written)
                except APIError as e:
                    if e.status < 500 and e.status != 429:
                        raise  # the request itself is bad: another cloud will refuse it too
                    errors.append(f"{b.name}: {e.message}")
            gen = self.local.open(req, cancel)  # runs on this worker: the local queue
            gen.meta.setdefault("notices", []).append("cloud unavailable (" + "; ".join(errors) +
                                                      "); answered by the local model")
            return self._priced(gen, 2, level, info, t0, check_tokens=check_tokens, check_written=check_written)
        return open_cloud

    def _cascade_opener(self, req, level, info, t0):
        """Start the local answer; after the rule's window (its first tokens, or all
        of it) keep it (the rest streams on) or, if unsure, drop it and ask the cloud."""
        def open_cascade(cancel):
            gen, head, done, lps, ids = self._read_window(req, info, cancel)
            inner = gen.deltas
            up, seen = self._judge(gen, lps, ids, level)
            up = up and not cancel.is_set()
            seen = {**info, "cascade": {**seen, "escalated": up}}
            check = {"check_tokens": seen["cascade"].get("check_tokens", 0),
                     "check_written": seen["cascade"].get("check_written", 0)}
            if not up:
                gen.deltas = itertools.chain(head, () if done else inner)
                return self._priced(gen, 2, level, seen, t0, **check)
            inner.close()  # stop decoding the dropped answer
            return self._cloud_opener(req, level, seen, t0, **check)(cancel)
        return open_cascade

    def _read_window(self, req, info, cancel):
        """Start tier 2's local answer and read the rule's window of it (runs on the local
        worker): (gen, the deltas read, finished?, their log-probs, their token ids)."""
        lps: list[float] = []
        ids: list[int] = []
        gen = self._open_local(req, info, cancel, lps, ids)
        head, done = [], False
        for d in gen.deltas:
            head.append(d)
            done = d.finish_reason is not None
            if done or len(lps) >= cascade.read_limit(self.cascade):
                break
        return gen, head, done, lps, ids

    def reading(self, req) -> dict:
        """How the router would route ``req``, without answering it or asking the cloud
        (`router calibrate` tunes the cascade on these; router/calibrate_cascade.py):
        {"tier", "escalated", "score", "seen"}.  score is what the calibrated threshold
        compares: the node's check where it checked the answer, local confidence where no
        node is configured, None where the decision is fixed (grader, program check, sure)."""
        tier, level, info = self.decide(req)
        if not (tier == 2 and self.cascade is not None and self.cloud and level != "sensitive"):
            return {"tier": tier, "escalated": tier == 3, "score": None, "seen": {}}
        gen, _, _, lps, ids = self._read_window(req, info, threading.Event())
        gen.deltas.close()
        up, seen = self._judge(gen, lps, ids, level)
        score = seen.get("check") if self.checker else seen["confidence"]
        return {"tier": 2, "escalated": up, "score": score, "seen": seen}

    def _judge(self, gen, lps: list[float], ids: list[int], level: str) -> tuple[bool, dict]:
        """Escalate? From local confidence, or, where it is unsure and a node is
        configured, from the node's reading of the same window."""
        rule = self.cascade
        conf = cascade.confidence(lps, rule)
        seen = {"confidence": round(conf, 3), "threshold": rule.threshold, "read_tokens": len(lps)}
        if self.checker and level == "none" and cascade.needs_check(conf, rule):
            if gen.meta.get("program") is not None:
                agree = self._program_check(gen, ids, seen)
                if agree is not None:
                    return not agree, seen
            window = ids[: rule.window] if rule.window else ids
            scored = self.checker.score(gen.meta["prompt_ids"], window)
            check = None if scored is None else cascade.check_confidence(scored, rule)
            if check is not None:
                seen.update(check=round(check, 3), check_threshold=rule.check_threshold,
                            check_tokens=len(gen.meta["prompt_ids"]) + len(window))
                return cascade.escalate_checked(check, rule), seen
        return cascade.escalate(conf, rule), seen

    def _program_check(self, gen, ids: list[int], seen: dict) -> bool | None:
        """Does the node's own program compute the local program's number?  None if the node failed."""
        from edgewise.edge import program

        prompt = gen.meta["prompt_ids"]
        written = self.checker.write(prompt, min(program.MAX_TOKENS, 2 * len(ids) + 32))
        if written is None:
            return None
        text = self.local.engine.detokenize_bytes(written).decode("utf-8", "replace")
        node_value = program.value_of(text)
        agree = program.same_value(gen.meta["program"], node_value)
        seen.update(program_check={"local": gen.meta["program"], "node": node_value, "agree": agree},
                    check_tokens=len(prompt), check_written=len(written))
        return agree

    def _priced(self, gen, tier: int, level: str, info: dict, t0: float, checked: bool = False,
                check_tokens: int = 0, check_written: int = 0):
        gen.meta.update(tier=tier, privacy=gen.meta.get("privacy", level), route=info)
        inner = gen.deltas

        def deltas():
            yield from inner
            p, c = gen.prompt_tokens, gen.completion_tokens
            gen.meta["cost"] = round(pricing.cost(self.prices, tier, p, c, checked, check_tokens, check_written), 8)
            remote = (p + c if tier == 3 or checked else 0) + check_tokens + check_written
            self.ledger.record(tier=tier, model="edgewise", served_by=gen.meta.get("served_by", gen.model),
                               prompt_tokens=p, completion_tokens=c, local_tokens=max(0, p + c - remote),
                               remote_tokens=remote, cost=gen.meta["cost"],
                               cloud_cost=pricing.cloud_cost(self.prices, p, c), privacy=gen.meta["privacy"],
                               redacted=int(bool(gen.meta.get("redacted"))), ms=(time.perf_counter() - t0) * 1000)
        gen.deltas = deltas()
        return gen


def _checker(cfg: Config, local: LocalBackend):
    from edgewise.edge.answer_check import AnswerChecker
    from edgewise.edge.modes import node_url
    from edgewise.edge.node_link import NodeLink

    url = node_url(cfg)
    return AnswerChecker(local.engine, lambda: NodeLink(url, cfg.remote.token))


def _upstream(cfg: Config, name: str):
    from edgewise.edge.backends.upstream import UpstreamBackend

    return UpstreamBackend(cfg.backend(name))
