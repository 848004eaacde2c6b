"""`edgewise grade PROMPT` and `edgewise router calibrate FILE` (registered by the CLI main).

grade prints {"tier", "privacy", "scores", "ms"}: ms covers the grade call,
privacy check included, not process start or loading the weights.
calibrate reads one prompt per line (or JSON lines with "prompt" and, if
known, "label": 1|2|3), picks the tier-3 threshold for this sample and
writes it to router.thresholds in the config file.  With router.cascade on,
the local model answers every sample prompt as the router would (and the
node checks, if configured), and the cascade's threshold is tuned instead
(router/calibrate_cascade.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import typer


def _config_thresholds(config: str | None) -> dict | None:
    from edgewise.config import load_config

    th = (load_config(config).router or {}).get("thresholds")
    return {k: float(v) for k, v in th.items()} if isinstance(th, dict) else None


def _cascade_on(path: Path) -> bool:
    from edgewise.config import load_config

    return path.exists() and bool((load_config(str(path)).router or {}).get("cascade"))


def grade(prompt: str = typer.Argument(..., help="The request text to grade."),
          config: str = typer.Option(None, "--config", help="Config file with router.thresholds.")) -> None:
    """Grade a prompt: tier 1 (tiny local), 2 (local main) or 3 (cloud), with its privacy level."""
    from edgewise.cli.common import fail, user_errors
    from edgewise.router.grader import Grader

    with user_errors():
        try:
            grader = Grader.load(thresholds=_config_thresholds(config)).warm()
        except (OSError, ValueError, KeyError) as e:
            fail(f"cannot load the grader weights: {e}")
        g = grader.grade([{"role": "user", "content": prompt}])
    typer.echo(json.dumps({"tier": g.tier, "privacy": g.privacy, "scores": g.scores, "ms": round(g.ms, 3)},
                          ensure_ascii=False))


def read_prompts(path: Path) -> tuple[list[str], list[int] | None]:
    """Plain lines, or JSON lines with "prompt" (and optional "label")."""
    prompts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = None
        if line.lstrip().startswith("{"):
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                row = None
        if isinstance(row, dict) and isinstance(row.get("prompt"), str):
            prompts.append(row["prompt"])
            labels.append(row.get("label"))
        else:
            prompts.append(line)
            labels.append(None)
    known = all(lb in (1, 2, 3) for lb in labels)
    return prompts, ([int(lb) for lb in labels] if known and labels else None)


def write_router(path: Path, key: str, value) -> None:
    """Set router.<key>, keeping the rest of the file (comments are not kept)."""
    import yaml

    raw = yaml.safe_load(path.read_text()) if path.exists() else {}
    if not isinstance(raw, dict):
        raw = {}
    router = raw.get("router") if isinstance(raw.get("router"), dict) else {}
    router[key] = value
    raw["router"] = router
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))


def write_thresholds(path: Path, thresholds: dict) -> None:
    write_router(path, "thresholds", {k: round(float(v), 6) for k, v in thresholds.items()})


def cascade_readings(path: Path, prompts: list[str]) -> tuple[list[dict], str]:
    """The router's reading of every prompt (RouterBackend.reading) with this config's
    models and node, and which cascade setting the calibration moves."""
    import tempfile

    from edgewise.config import load_config
    from edgewise.edge.backends.local import LocalBackend
    from edgewise.edge.gateway.schemas import ChatRequest
    from edgewise.engine import load_engine
    from edgewise.router.backend import RouterBackend
    from edgewise.router.ledger import Ledger

    cfg = load_config(str(path))
    local = LocalBackend(load_engine(cfg.model, cfg.engine, progress=False))
    readings = []
    with tempfile.TemporaryDirectory() as tmp:  # nothing is served: keep the user's ledger clean
        router = RouterBackend(cfg, local, ledger=Ledger(Path(tmp) / "ledger.sqlite"))
        for i, p in enumerate(prompts):
            readings.append(router.reading(ChatRequest(model="edgewise", messages=[{"role": "user", "content": p}])))
            if (i + 1) % 10 == 0:
                typer.echo(f"read {i + 1}/{len(prompts)} answers", err=True)
        key = "check_threshold" if router.checker else "threshold"
        if router.checker:
            router.checker.close()
    local.engine.close()
    return readings, key


def _calibrate_cascade(path: Path, prompts, labels, cloud_share, max_under_escalation) -> dict:
    import yaml

    from edgewise.router import calibrate_cascade

    calibrate_cascade.check_targets(cloud_share, max_under_escalation, labels)  # before minutes of answering
    readings, key = cascade_readings(path, prompts)
    res = calibrate_cascade.calibrate(readings, cloud_share, max_under_escalation, labels)
    raw = yaml.safe_load(path.read_text()) or {}
    c = (raw.get("router") or {}).get("cascade")
    c = dict(c) if isinstance(c, dict) else {}
    c[key] = round(float(res["threshold"]), 6)
    write_router(path, "cascade", c)
    out = {"cascade": {key: c[key]}, "prompts": len(prompts), **res, "config": str(path)}
    fixed = sum(r["escalated"] for r in readings if r["score"] is None) / len(readings)
    if cloud_share is not None and fixed > cloud_share:
        out["note"] = (f"the grader and fixed checks alone send {fixed:.1%} of the sample to the cloud; "
                       "router.thresholds.tier3 moves that (calibrate with router.cascade off)")
    return out


def calibrate(file: Path = typer.Argument(..., help="Prompts: one per line, or JSON lines with \"prompt\"."),
              cloud_share: float = typer.Option(None, "--cloud-share", help="Share of requests to send to tier 3."),
              max_under_escalation: float = typer.Option(
                  None, "--max-under-escalation", help="Largest share of requests that need tier 3 but stay local."),
              config: str = typer.Option(None, "--config", help="Config file to write (default: the user config).")
              ) -> None:
    """Calibrate routing on your own prompts and save it in the config: the grader's tier-3
    threshold, or with router.cascade on the cascade's threshold (the local model answers each prompt)."""
    import numpy as np

    from edgewise.cli.common import fail
    from edgewise.config import default_config_path
    from edgewise.router.grader import Grader, calibrate as calibrate_thresholds

    if cloud_share is None and max_under_escalation is None:
        fail("give --cloud-share and/or --max-under-escalation")
    for name, v in (("--cloud-share", cloud_share), ("--max-under-escalation", max_under_escalation)):
        if v is not None and not 0.0 <= v <= 1.0:
            fail(f"{name} must be between 0 and 1")
    if not file.is_file():
        fail(f"{file} does not exist")
    prompts, labels = read_prompts(file)
    if not prompts:
        fail(f"{file} holds no prompts")
    path = Path(config) if config else default_config_path()
    if _cascade_on(path):
        try:
            out = _calibrate_cascade(path, prompts, labels, cloud_share, max_under_escalation)
        except ValueError as e:
            fail(str(e))
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    # keep a tier-1 threshold the user already set; only tier 3 is calibrated
    grader = Grader.load(thresholds=_config_thresholds(str(path)) if path.exists() else None)
    th = calibrate_thresholds(grader, prompts, cloud_share, max_under_escalation, labels)
    p3 = np.array([grader.proba(p)["tier3"] for p in prompts])
    write_thresholds(path, th)
    out = {"thresholds": th, "prompts": len(prompts), "cloud_share": round(float((p3 >= th["tier3"]).mean()), 4),
           "config": str(path)}
    if max_under_escalation is not None:
        out["under_escalation_from"] = "labels" if labels else "grader p(tier3) estimate"
    typer.echo(json.dumps(out, ensure_ascii=False))
