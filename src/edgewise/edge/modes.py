"""Backends that pair the laptop with a remote node: ``remote`` (the node
generates and streams), ``speculative`` (local draft, remote verify) and
``auto`` (the planner picks per request from measurements)."""
from __future__ import annotations

import sys
import threading

from edgewise.config import BackendConfig, Config, ConfigError
from edgewise.edge.backends.base import Delta, Generation, Serial
from edgewise.edge.backends.local import sampling_of
from edgewise.edge.backends.upstream import UpstreamBackend
from edgewise.engine import ContextOverflow, Engine
from edgewise.engine.chat import chat_tokens


def node_url(cfg: Config) -> str:
    if not cfg.remote.url:
        raise ConfigError("no remote node: pass --server http[s]://host:port or set remote.url in the config")
    from edgewise.net.tls import check_node_url

    return check_node_url(cfg.remote.url)


def remote_backend(cfg: Config) -> UpstreamBackend:
    from edgewise.net.tls import client_context

    url = node_url(cfg)
    b = BackendConfig(name="node", url=url, model="edgewise", api_key=cfg.remote.token)
    return UpstreamBackend(b, verify=client_context(url) or True)


class SpeculativeBackend:
    """Local draft engine + remote target, behind the gateway Backend interface."""

    def __init__(self, cfg: Config, draft: Engine, draft_len="auto", pipelined: bool = True,
                 show_provisional: bool = False, auto: bool = False, local_target: Engine | None = None):
        from edgewise.edge.node_link import NodeLink
        from edgewise.edge.speculative import SpeculativeDecoder

        url = node_url(cfg)
        self.name = "speculative"
        self.draft = draft
        self.notices: list[str] = []
        self.decoder = SpeculativeDecoder(draft, lambda: NodeLink(url, cfg.remote.token), draft_len, pipelined,
                                          notice=self._notice, auto=auto, local_target=local_target)
        self.worker = Serial("speculative")
        self.show_provisional = show_provisional

    def _notice(self, msg: str) -> None:
        self.notices.append(msg)
        print(f"edgewise: {msg}", file=sys.stderr, flush=True)

    def ready(self) -> bool:
        return True

    def models(self) -> list[str]:
        return ["edgewise-speculative"]

    def submit(self, job):
        return self.worker.submit(job)

    def open(self, req, cancel: threading.Event) -> Generation:
        prompt = chat_tokens(self.draft, req.dict_messages(), tools=req.tools)
        room = self.draft.n_ctx - len(prompt)
        if room <= 0:
            raise ContextOverflow(f"the messages use {len(prompt)} tokens; the context holds {self.draft.n_ctx}")
        gen = Generation(iter(()), model="edgewise", prompt_tokens=len(prompt), cancel=cancel)
        shown = _Provisional() if self.show_provisional else None
        on_draft = shown.show if shown else None
        stream = self.decoder.generate(prompt, min(req.limit or room, room), sampling_of(req), req.stops,
                                       cancel.is_set, on_draft)

        def deltas():
            for d in stream:
                if d.token is not None:
                    gen.completion_tokens += 1
                if shown:
                    shown.commit()
                yield Delta(d.text, d.finish_reason)
            st = self.decoder.stats
            local = st.local_target > 0
            where = f"local:{self.decoder.local_target.name}" if local else \
                f"speculative:{self.decoder.opened.get('model', '?')}"
            gen.meta.update(served_by=where,
                            remote_tokens=gen.completion_tokens if not (st.fell_back or local) else 0,
                            spec={"rounds": st.rounds, "acceptance": round(st.acceptance, 3), "streamed": st.streamed,
                                  "passes": st.passes, "fell_back": st.fell_back, "plans": _runs(st.plans)})
            gen.meta["notices"] = list(self.notices)

        gen.deltas = deltas()
        return gen


def _runs(plans: list[str]) -> list[list]:
    """['spec', 'spec', 'remote_stream'] -> [['spec', 2], ['remote_stream', 1]]"""
    out: list[list] = []
    for p in plans:
        if out and out[-1][0] == p:
            out[-1][1] += 1
        else:
            out.append([p, 1])
    return out


class _Provisional:
    """Show drafted text dimmed on a terminal; it is erased before committed text."""

    def __init__(self):
        self.shown = False

    def show(self, text: str) -> None:
        self.commit()
        sys.stdout.write("\x1b[s\x1b[2m" + text + "\x1b[0m")
        sys.stdout.flush()
        self.shown = True

    def commit(self) -> None:
        if self.shown:
            sys.stdout.write("\x1b[u\x1b[J")
            self.shown = False


def build(cfg: Config, mode: str, model: str | None, progress: bool = True, draft_len="auto",
          show_provisional: bool = False, **_):
    from edgewise.engine import load_engine

    from edgewise.edge.backends.local import LocalBackend
    from edgewise.edge.privacy_gate import PrivateBackend

    policy = cfg.privacy.get("policy")
    if mode == "remote":
        holder = {}

        def local():  # loaded only if a request must stay on the laptop
            if "b" not in holder:
                holder["b"] = LocalBackend(load_engine(model or cfg.model, cfg.engine, progress=progress))
            return holder["b"]
        return PrivateBackend(remote_backend(cfg), local, policy)
    if mode in ("speculative", "auto"):
        # auto: the same session, re-planned every round between speculating and
        # letting the target stream (algo/draft_len.choose_mode on live measurements).
        draft = load_engine(model or cfg.model, cfg.engine, progress=progress)
        target = None
        if mode == "auto" and cfg.remote.local_target:  # weights are mmapped; the planner times one step
            target = load_engine(cfg.remote.local_target, cfg.engine, progress=progress)
        spec = SpeculativeBackend(cfg, draft, draft_len, show_provisional=show_provisional, auto=mode == "auto",
                                  local_target=target)
        local = LocalBackend(draft)
        local.worker = spec.worker  # one engine, one queue
        return PrivateBackend(spec, lambda: local, policy)
    raise ConfigError(f"unknown mode {mode!r}")


def for_gateway(cfg: Config, choice: str, local, gw):
    from edgewise.edge.privacy_gate import PrivateBackend

    if choice in ("speculative", "auto"):
        target = None
        if choice == "auto" and cfg.remote.local_target:
            from edgewise.engine import load_engine

            target = load_engine(cfg.remote.local_target, cfg.engine, progress=False)
        spec = SpeculativeBackend(cfg, local.engine, auto=choice == "auto", local_target=target)
        spec.worker = local.worker  # the draft engine is the local engine: one queue
        return PrivateBackend(spec, lambda: local, cfg.privacy.get("policy"))
    from edgewise.router.backend import RouterBackend

    return RouterBackend(cfg, local)
