#!/usr/bin/env bash
# Configures and builds relgraph into build/ (the CLI ends up at build/relgraph).
# Arguments are passed to the configure step: tools/build.sh -DRELGRAPH_WERROR=ON
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j"$(nproc)"
