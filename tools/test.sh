#!/usr/bin/env bash
# Installs, builds and runs the whole default test suite (unit + smoke tests).
# Slow accuracy runs and training are labelled and excluded; run them with
#   RELGRAPH_SLOW=1 tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
# The sources follow .clang-format (tools/format.sh formats them).
tools/format.sh --check
# Warnings are errors here (CI runs this script).
tools/build.sh -DRELGRAPH_WERROR=ON
cd build
if [[ "${RELGRAPH_SLOW:-0}" == 1 ]]; then
  ctest --output-on-failure -j"$(nproc)"
else
  ctest --output-on-failure -j"$(nproc)" -LE 'slow|accuracy'
fi
