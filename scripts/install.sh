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
# ggml's AMX kernels segfault in the first matmul on some Sapphire Rapids VMs
# (ggml-org/llama.cpp#20824); -march=native would turn them on, so on x86 the
# build keeps native code but switches AMX off (explicit -mno-* wins in GCC).
cmake_args="-DGGML_RPC=ON"
if [ "$(uname -m)" = x86_64 ]; then
  noamx="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
  cmake_args="$cmake_args '-DCMAKE_C_FLAGS=$noamx' '-DCMAKE_CXX_FLAGS=$noamx'"
fi
key=$(printf '%s %s %s %s' "$LLAMA_VERSION" "$pyver" "$flags" "$cmake_args" | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/edgewise/wheels/$key
if ! ls "$cache"/llama_cpp_python-$LLAMA_VERSION-*.whl >/dev/null 2>&1; then
  echo "building llama-cpp-python $LLAMA_VERSION with $cmake_args (about 7 minutes, once)..." >&2
  tmp=$(mktemp -d)
  CMAKE_ARGS="$cmake_args" "$VPY" -m pip wheel -q --no-deps --no-cache-dir --no-binary llama-cpp-python \
    "llama-cpp-python==$LLAMA_VERSION" -w "$tmp"
  mkdir -p "$cache" && mv "$tmp"/llama_cpp_python-*.whl "$cache"/ && rm -rf "$tmp"
fi
# pip keeps an installed 0.3.36 from another build; the venv records which build it has
if [ "$(cat .venv/.llama-build 2>/dev/null)" != "$key" ]; then
  "$VPY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$cache"/llama_cpp_python-$LLAMA_VERSION-*.whl
  echo "$key" > .venv/.llama-build
fi
"$VPY" -m pip install -q --disable-pip-version-check -e ".[test,bench]"
"$VPY" - <<'PY'
import llama_cpp
assert llama_cpp.llama_supports_rpc(), "llama-cpp-python was built without GGML_RPC"
print("edgewise installed; llama.cpp RPC backend available")
PY
