#!/usr/bin/env bash
# The main job: install, build, and turn the bundled sample article into its
# knowledge graph in every format (output/), with a diagram.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh -DRELGRAPH_WERROR=ON  # same configuration as tools/test.sh, so one build serves both
tools/sample.sh
