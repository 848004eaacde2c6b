"""`router calibrate` with the cascade on: the threshold math on hand-made readings,
and the command end to end on a real local model."""
from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
import yaml

from edgewise.router.calibrate_cascade import calibrate, candidates, escalated, for_share, for_under


def readings(scores, fixed_up=()):
    """Movable readings with these scores, then fixed ones (True = sent up regardless)."""
    return ([{"tier": 2, "escalated": False, "score": s} for s in scores]
            + [{"tier": 3 if up else 1, "escalated": up, "score": None} for up in fixed_up])


SAMPLES = [
    readings([-3.0, -2.0, -1.0, -0.5, -0.1]),
    readings([-1.0, -1.0, -1.0, -0.2], fixed_up=(True, False)),  # ties move together
    readings([-2.5, -0.3], fixed_up=(True, True, True, False, False)),
    readings([-0.7]),
]


@pytest.mark.parametrize("sample", SAMPLES)
def test_candidates_reach_every_count_of_escalations(sample):
    scores = sorted(r["score"] for r in sample if r["score"] is not None)
    reached = {int(escalated(sample, t).sum()) for t in candidates(sample)}
    fixed = sum(r["escalated"] for r in sample if r["score"] is None)
    # every cut between distinct scores is reachable, from none to all
    want = {fixed + sum(s <= v for s in scores) for v in scores} | {fixed}
    assert reached == want


@pytest.mark.parametrize("sample, share", list(itertools.product(SAMPLES, np.linspace(0, 1, 11))))
def test_for_share_is_the_nearest_reachable_share(sample, share):
    t = for_share(sample, share)
    got = escalated(sample, t).mean()
    best = min(abs(escalated(sample, c).mean() - share) for c in candidates(sample))
    assert abs(got - share) == pytest.approx(best)


@pytest.mark.parametrize("sample", SAMPLES)
def test_for_under_is_the_least_escalation_within_the_cap(sample):
    rng = np.random.default_rng(len(sample))
    for _ in range(20):
        labels = rng.integers(1, 4, len(sample)).tolist()
        for cap in (0.0, 0.1, 0.25, 0.5, 1.0):
            t = for_under(sample, labels, cap)
            up = escalated(sample, t)
            missed = ((np.array(labels) == 3) & ~up).mean()
            ok = [c for c in candidates(sample)
                  if ((np.array(labels) == 3) & ~escalated(sample, c)).mean() <= cap + 1e-12]
            if ok:
                assert missed <= cap + 1e-12
                assert up.sum() == min(escalated(sample, c).sum() for c in ok)
            else:  # the fixed decisions alone miss more: escalate every movable answer
                assert all(up[i] for i, r in enumerate(sample) if r["score"] is not None)


def test_both_targets_take_the_stricter():
    sample = SAMPLES[0]
    labels = [3, 3, 2, 3, 2]
    a = calibrate(sample, share=0.2)["threshold"]
    b = calibrate(sample, max_under=0.0, labels=labels)["threshold"]
    assert calibrate(sample, share=0.2, max_under=0.0, labels=labels)["threshold"] == max(a, b)


def test_calibrate_reports_what_it_reached():
    out = calibrate(SAMPLES[2], share=0.8)
    assert out["movable"] == 2 and out["cloud_share"] == pytest.approx(5 / 7, abs=1e-4)


@pytest.mark.parametrize("kwargs", [{}, {"max_under": 0.1}])
def test_bad_targets_are_refused(kwargs):
    with pytest.raises(ValueError):
        calibrate(SAMPLES[0], **kwargs)


def test_nothing_to_calibrate_is_said():
    with pytest.raises(ValueError, match="nothing to calibrate"):
        calibrate(readings([], fixed_up=(True, False)), share=0.5)


@pytest.mark.slow
def test_cli_calibrates_the_cascade_on_real_answers(tmp_path, smollm):
    from typer.testing import CliRunner

    from tests.router.test_grader_calibrate import _app

    prompts = ["What is the capital of France?", "Say hello.", "What colour is the sky on a clear day?",
               "Name a fruit that is yellow.", "How many legs does a spider have?", "What is 2 + 2?"]
    f = tmp_path / "p.txt"
    f.write_text("\n".join(prompts))
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml.safe_dump({
        "model": smollm, "engine": {"n_ctx": 512, "n_threads": 1},
        "backends": [{"name": "cloud", "url": "http://127.0.0.1:9"}],  # never called: nothing is sent
        "router": {"cloud": ["cloud"], "cascade": True, "thresholds": {"tier3": 0.999, "tier1": 0.999}}}))
    shares = []
    for target in (0.0, 0.5, 1.0):
        r = CliRunner().invoke(_app(), ["calibrate", str(f), "--cloud-share", str(target), "--config", str(cfg)])
        assert r.exit_code == 0, r.output
        out = json.loads(r.stdout.strip().splitlines()[-1])
        raw = yaml.safe_load(cfg.read_text())
        assert raw["router"]["cascade"]["threshold"] == out["cascade"]["threshold"]
        assert raw["router"]["thresholds"]["tier3"] == 0.999  # the grader's threshold is left alone
        assert out["movable"] == len(prompts)  # every prompt was answered locally and read
        shares.append(out["cloud_share"])
    assert shares[0] == 0.0 and shares[2] == 1.0 and abs(shares[1] - 0.5) <= 1 / len(prompts)


def test_cli_cascade_under_escalation_needs_labels(tmp_path):
    from typer.testing import CliRunner

    from tests.router.test_grader_calibrate import _app

    f = tmp_path / "p.txt"
    f.write_text("hello\n")
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml.safe_dump({"router": {"cascade": True}}))
    r = CliRunner().invoke(_app(), ["calibrate", str(f), "--max-under-escalation", "0.1", "--config", str(cfg)])
    assert r.exit_code != 0 and "label" in r.output
