#!/usr/bin/env bash
# Configures and builds relgraph into build/ (the CLI ends up at build/relgraph).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
