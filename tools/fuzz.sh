#!/bin/sh
# Runs every libFuzzer target for SECONDS each (default 60), in build-fuzz/
# (configured with clang and -DRELGRAPH_FUZZ=ON if missing), JOBS targets at a
# time (default 1), and prints the executions per target and in all. Crashes
# are written to build-fuzz/crashes/; inputs that found new coverage are kept in
# build-fuzz/tests/fuzz/found/<target>/ and reused by the next run.
#   tools/fuzz.sh 600                       # ten minutes per target
#   JOBS=2 nice -n 19 tools/fuzz.sh 900     # two at a time, behind other work
#   TARGETS="jsonl tsv" tools/fuzz.sh 60    # some targets only
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-fuzz}
jobs=${JOBS:-1}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_FUZZ=ON \
    -DRELGRAPH_BUILD_TESTS=OFF >/dev/null
fi
targets=${TARGETS:-"tokenizer metadata jsonld graphml tsv ntriples jsonl query"}
# shellcheck disable=SC2046
cmake --build "$build" -j2 --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)
mkdir -p "$build/crashes"
# A UBSan report is a crash too (tests/fuzz/ubsan.supp lists the known third-party ones).
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$root/tests/fuzz/ubsan.supp}
export UBSAN_OPTIONS

# One target; its log is build-fuzz/crashes/TARGET.log, its status TARGET.status.
run_one() {
  t=$1
  found="$build/tests/fuzz/found/$t"
  mkdir -p "$found"
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/crashes/$t-" "$found" "$root/tests/fuzz/corpus/$t" >"$build/crashes/$t.log" 2>&1; then
    echo ok >"$build/crashes/$t.status"
  else
    echo CRASH >"$build/crashes/$t.status"
  fi
}

running=0
for t in $targets; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
done
wait

total=0
status=0
for t in $targets; do
  log="$build/crashes/$t.log"
  result=$(cat "$build/crashes/$t.status")
  [ "$result" = ok ] || status=1
  runs=$(awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}' "$log")
  total=$((total + runs))
  printf '%-10s %-6s %12s executions   (log: %s)\n' "$t" "$result" "$runs" "$log"
done
printf 'total      %19s executions in %s s per target\n' "$total" "$seconds"
exit $status
