#!/bin/sh
# Runs every libFuzzer target for SECONDS each (default 60), in build-fuzz/
# (configured with clang and -DRELGRAPH_FUZZ=ON if missing), and prints the
# executions per target and in all. Crashes are written to build-fuzz/crashes/.
#   tools/fuzz.sh 600          # ten minutes per target
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_FUZZ=ON \
    -DRELGRAPH_BUILD_TESTS=OFF >/dev/null
fi
targets="tokenizer metadata jsonld graphml tsv jsonl query"
cmake --build "$build" -j2 --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)
mkdir -p "$build/crashes"
total=0
status=0
for t in $targets; do
  found="$build/tests/fuzz/found/$t"
  mkdir -p "$found"
  log="$build/crashes/$t.log"
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$t-" \
      "$found" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1; then
    result=ok
  else
    result=CRASH
    status=1
  fi
  runs=$(awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}' "$log")
  total=$((total + runs))
  printf '%-10s %-6s %12s executions   (log: %s)\n' "$t" "$result" "$runs" "$log"
done
printf 'total      %19s executions in %s s per target\n' "$total" "$seconds"
exit $status
