"""`edgewise grade PROMPT` and `edgewise router calibrate FILE` (registered by the CLI main).

grade prints {"tier", "privacy", "scores", "ms"}: ms covers the grade call,
privacy check included, not process start or loading the weights.
calibrate reads one prompt per line (or JSON lines with "prompt" and, if
known, "label": 1|2|3), picks the tier-3 threshold for this sample and
writes it to router.thresholds in the config file.
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


def write_thresholds(path: Path, thresholds: dict) -> None:
    """Set router.thresholds, keeping the rest of the file (comments are not kept)."""
    import yaml

    raw = yaml.safe_load(path.read_text()) if path.exists() else {}
    if not isinstance(raw, dict):
        raw = {}
    router = raw.get("router") if isinstance(raw.get("router"), dict) else {}
    router["thresholds"] = {k: round(float(v), 6) for k, v in thresholds.items()}
    raw["router"] = router
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))


def calibrate(file: Path = typer.Argument(..., help="Prompts: one per line, or JSON lines with \"prompt\"."),
              cloud_share: float = typer.Option(None, "--cloud-share", help="Share of requests to send to tier 3."),
              max_under_escalation: float = typer.Option(
                  None, "--max-under-escalation", help="Largest share of requests that need tier 3 but stay local."),
              config: str = typer.Option(None, "--config", help="Config file to write (default: the user config).")
              ) -> None:
    """Calibrate the tier-3 threshold on your own prompts and save it in the config."""
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
    # keep a tier-1 threshold the user already set; only tier 3 is calibrated
    grader = Grader.load(thresholds=_config_thresholds(str(path)) if path.exists() else None)
    th = calibrate_thresholds(grader, prompts, cloud_share, max_under_escalation, labels)
    p3 = np.array([grader.proba(p)["tier3"] for p in prompts])
    write_thresholds(path, th)
    out = {"thresholds": th, "prompts": len(prompts), "cloud_share": round(float((p3 >= th["tier3"]).mean()), 4),
           "config": str(path)}
    if max_under_escalation is not None:
        out["under_escalation_from"] = "labels" if labels else "grader p(tier3) estimate"
    if _cascade_on(path):
        out["note"] = ("router.cascade is on: the share counts the grader's tier-3 decisions only; the cascade "
                       "escalates some tier-2 answers too (router.cascade.threshold / check_threshold move that)")
    typer.echo(json.dumps(out, ensure_ascii=False))
