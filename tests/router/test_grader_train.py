"""Training: no held-out leak, and a retrain from outcomes reproduces the shipped weights."""
from __future__ import annotations

from edgewise.router import train as T
from edgewise.router.dataset import is_heldout
from edgewise.router.grader import Grader


def test_shipped_grader_never_saw_heldout():
    ids = Grader.load().meta["train_ids"]
    assert ids and not any(is_heldout(i) for i in ids)


def test_retrain_reproduces_shipped_weights():
    rows = T.train_rows()
    shipped = Grader.load()
    assert sorted(r["id"] for r in rows) == sorted(shipped.meta["train_ids"])
    retrained = T.train(rows, log=lambda *_: None)  # CV-tuned thresholds included
    assert T.same_weights(retrained, shipped)
