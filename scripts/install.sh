#!/usr/bin/env bash
# Install edgewise into ./.venv.  llama-cpp-python 0.3.36 is built from source
# with the RPC backend (split inference needs libggml-rpc) once per CPU and
# Python, and the wheel is cached under $XDG_CACHE_HOME/edgewise/wheels, so
# later installs (and CI on a fresh clone) take seconds instead of ~7 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
LLAMA_VERSION=0.3.36
[ -x .venv/bin/python ] || "$PY" -m venv .venv
VPY=.venv/bin/python
"$VPY" -m pip install -q --disable-pip-version-check -U pip wheel setuptools

# Native build: key the cache by CPU features and Python version.
flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | tr ' ' '\n' | grep -E '^(avx|avx2|avx512[a-z]*|fma|f16c|sse4_2|amx[a-z_]*)$' | sort | tr '\n' ' ' || true)
pyver=$("$VPY" -c 'import sys; print(f"cp{sys.version_info[0]}{sys.version_info[1]}")')
key=$(printf '%s %s %s rpc' "$LLAMA_VERSION" "$pyver" "$flags" | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/edgewise/wheels/$key
if ! ls "$cache"/llama_cpp_python-$LLAMA_VERSION-*.whl >/dev/null 2>&1; then
  echo "building llama-cpp-python $LLAMA_VERSION with GGML_RPC=ON (about 7 minutes, once)..." >&2
  tmp=$(mktemp -d)
  CMAKE_ARGS="-DGGML_RPC=ON" "$VPY" -m pip wheel -q --no-deps --no-cache-dir --no-binary llama-cpp-python \
    "llama-cpp-python==$LLAMA_VERSION" -w "$tmp"
  mkdir -p "$cache" && mv "$tmp"/llama_cpp_python-*.whl "$cache"/ && rm -rf "$tmp"
fi
"$VPY" -m pip install -q --disable-pip-version-check "$cache"/llama_cpp_python-$LLAMA_VERSION-*.whl
"$VPY" -m pip install -q --disable-pip-version-check -e ".[test,bench]"
"$VPY" - <<'PY'
import llama_cpp
assert llama_cpp.llama_supports_rpc(), "llama-cpp-python was built without GGML_RPC"
print("edgewise installed; llama.cpp RPC backend available")
PY
