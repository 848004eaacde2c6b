"""Load and save the shipped triage model (file I/O lives here and in train.py only)."""
from __future__ import annotations

import threading
import warnings
import zlib
from importlib import resources

import numpy as np

from .features import FEATURE_VERSION, features
from edgewise.algo.linear import LinearModel
from .policy import LEVELS, Thresholds
from .rules import Facts

MODEL_FILE = "triage_model.npz"
_CANARY = ("my 70-year-old father has had no fever but a cough for 3 weeks",
           "宝宝2个月大，发烧38.5度，没有咳嗽")


def feature_signature() -> int:
    """crc32 of the features of fixed texts: changes if the tokenizer changes."""
    joined = "\x00".join("\x01".join(features(Facts(t))) for t in _CANARY)
    return zlib.crc32(f"{FEATURE_VERSION}:{joined}".encode())


def save(path, model: LinearModel, th: Thresholds) -> None:
    np.savez_compressed(path, **model.to_arrays(), thresholds=np.array([th.emergency, th.clinic]),
                        signature=np.array(feature_signature(), np.int64))


def load(path) -> tuple[LinearModel, Thresholds]:
    with np.load(path) as z:
        model = LinearModel.from_arrays(z)
        th = Thresholds(*map(float, z["thresholds"]))
        signature = int(z["signature"])
    if model.classes != LEVELS:
        raise ValueError(f"triage model classes {model.classes} != {LEVELS}")
    if signature != feature_signature():
        warnings.warn("triage features changed since the model was trained; retrain with "
                      "`python -m edgewise.triage.train`", RuntimeWarning, stacklevel=2)
    return model, th


_lock = threading.Lock()
_default: tuple[LinearModel, Thresholds] | None = None


def default_model() -> tuple[LinearModel, Thresholds]:
    """The shipped model, loaded once on first use."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                ref = resources.files("edgewise").joinpath("data", "triage", MODEL_FILE)
                with resources.as_file(ref) as path:
                    _default = load(path)
    return _default
