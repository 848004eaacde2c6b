"""Per-deployment calibration of the tier-3 threshold, and the two CLI commands."""
from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from edgewise.router.dataset import load_prompts
from edgewise.router.grader import Grader, calibrate


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader.load()


@pytest.fixture(scope="module")
def sample() -> list[str]:
    return [p["prompt"] for p in load_prompts()]


def cloud_share(grader, prompts, th) -> float:
    return float(np.mean([grader.proba(p)["tier3"] >= th["tier3"] for p in prompts]))


@pytest.mark.parametrize("target", [0.0, 0.1, 0.25, 0.5, 0.8, 1.0])
def test_calibrate_hits_the_cloud_share(grader, sample, target):
    th = calibrate(grader, sample, target_cloud_share=target)
    assert abs(cloud_share(grader, sample, th) - target) <= 0.02
    assert th["tier1"] == grader.thresholds["tier1"]  # only the cloud threshold moves


def test_under_escalation_with_labels_is_respected(grader, sample):
    rng = np.random.default_rng(0)
    labels = rng.integers(1, 4, len(sample)).tolist()
    for cap in (0.0, 0.05, 0.2):
        th = calibrate(grader, sample, max_under_escalation=cap, labels=labels)
        p3 = np.array([grader.proba(p)["tier3"] for p in sample])
        missed = ((np.array(labels) == 3) & (p3 < th["tier3"])).mean()
        assert missed <= cap + 1e-9


def test_under_escalation_without_labels_uses_the_grader_estimate(grader, sample):
    loose = calibrate(grader, sample, max_under_escalation=0.2)
    strict = calibrate(grader, sample, max_under_escalation=0.01)
    assert strict["tier3"] <= loose["tier3"]
    assert cloud_share(grader, sample, strict) >= cloud_share(grader, sample, loose)


def test_both_targets_take_the_stricter(grader, sample):
    a = calibrate(grader, sample, target_cloud_share=0.1)
    b = calibrate(grader, sample, max_under_escalation=0.01)
    both = calibrate(grader, sample, target_cloud_share=0.1, max_under_escalation=0.01)
    assert both["tier3"] == min(a["tier3"], b["tier3"])


def test_calibrate_rejects_bad_input(grader):
    with pytest.raises(ValueError):
        calibrate(grader, [], target_cloud_share=0.2)
    with pytest.raises(ValueError):
        calibrate(grader, ["hi"])


def _app():
    import typer

    from edgewise.cli.grade import calibrate as calibrate_cmd, grade as grade_cmd

    app = typer.Typer()
    app.command("grade")(grade_cmd)
    app.command("calibrate")(calibrate_cmd)
    return app


def test_cli_grade_prints_json(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    r = CliRunner().invoke(_app(), ["grade", "我的手机号是13812345678，帮我写一首诗"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["tier"] in (1, 2, 3) and out["privacy"] == "pii"
    assert {"tier1", "tier2", "tier3", "thresholds"} <= set(out["scores"]) and out["ms"] < 300


def test_cli_calibrate_writes_the_config(tmp_path, sample):
    from typer.testing import CliRunner

    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("\n".join(json.dumps({"prompt": p}, ensure_ascii=False) for p in sample[:120]))
    cfg = tmp_path / "conf" / "config.yaml"
    r = CliRunner().invoke(_app(), ["calibrate", str(prompts), "--cloud-share", "0.3", "--config", str(cfg)])
    assert r.exit_code == 0, r.output
    written = yaml.safe_load(cfg.read_text())["router"]["thresholds"]
    assert abs(json.loads(r.stdout)["cloud_share"] - 0.3) <= 0.02 and "tier3" in written
    # an existing file keeps its other settings; grade then uses the written thresholds
    cfg.write_text(yaml.safe_dump({"model": "smollm2-135m", "router": {"cloud": ["x"]}}))
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(sample[:50]))
    r = CliRunner().invoke(_app(), ["calibrate", str(plain), "--cloud-share", "1.0", "--config", str(cfg)])
    assert r.exit_code == 0, r.output
    raw = yaml.safe_load(cfg.read_text())
    assert raw["model"] == "smollm2-135m" and raw["router"]["cloud"] == ["x"]
    r = CliRunner().invoke(_app(), ["grade", "hi", "--config", str(cfg)])
    assert json.loads(r.stdout)["scores"]["thresholds"]["tier3"] == raw["router"]["thresholds"]["tier3"]


def test_cli_calibrate_needs_a_target(tmp_path):
    from typer.testing import CliRunner

    f = tmp_path / "p.txt"
    f.write_text("hello\n")
    r = CliRunner().invoke(_app(), ["calibrate", str(f), "--config", str(tmp_path / "c.yaml")])
    assert r.exit_code != 0
