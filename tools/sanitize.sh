#!/bin/sh
# Builds relgraph and its tests with AddressSanitizer + UBSan (including
# float-cast-overflow) into build-asan/ and runs the default test selection.
# Any sanitizer report fails the run (halt_on_error).
#   tools/sanitize.sh            # build + default tests
#   tools/sanitize.sh -R Render  # extra ctest arguments
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-asan}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_SANITIZE=ON >/dev/null
cmake --build "$build" -j"${JOBS:-2}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
ctest --test-dir "$build" -j"${JOBS:-2}" -LE 'slow|accuracy|fuzz' --output-on-failure "$@"
