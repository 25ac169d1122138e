#!/bin/sh
# Builds relgraph and its tests with sanitizers and runs them. Any sanitizer
# report fails the run (halt_on_error).
#   tools/sanitize.sh              # AddressSanitizer + UBSan (with float-cast-overflow),
#                                  # build-asan/, the whole default test selection
#   tools/sanitize.sh --smoke      # the same build, only the tests of the input-facing code
#                                  # and the hostile inputs (.ci/run runs this: it fits the CI budget)
#   tools/sanitize.sh --thread     # ThreadSanitizer, build-tsan/, the corpus tests with -j 2
#   tools/sanitize.sh -R Render    # extra ctest arguments
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mode=full
case "${1:-}" in
  --smoke) mode=smoke; shift ;;
  --thread) mode=thread; shift ;;
esac
jobs=${JOBS:-2}
if [ "$mode" = thread ]; then
  build=${BUILD:-$root/build-tsan}
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_TSAN=ON >/dev/null
  # The corpus tests drive the thread pool in-process and through the binary.
  cmake --build "$build" -j"$jobs" --target relgraph_cli corpus_test
  export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
  ctest --test-dir "$build" -j 2 -R '^Corpus' --output-on-failure "$@"
  exit
fi
build=${BUILD:-$root/build-asan}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_SANITIZE=ON >/dev/null
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
if [ "$mode" = smoke ]; then
  # The input-facing code: text, articles, formats, corpora and JSONL records, files,
  # and the hostile inputs.
  smoke="tokenizer_test article_test html_test io_test rdf_in_test core_test corpus_test output_safety_test"
  # shellcheck disable=SC2086
  cmake --build "$build" -j"$jobs" --target relgraph_cli $smoke
  for t in $smoke; do "$build/tests/$t" --gtest_brief=1; done
  ctest --test-dir "$build" -R '^hostile' --output-on-failure "$@"
  exit
fi
cmake --build "$build" -j"$jobs"
ctest --test-dir "$build" -j"$jobs" -LE 'slow|accuracy|fuzz' --output-on-failure "$@"
