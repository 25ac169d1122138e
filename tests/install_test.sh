#!/bin/sh
# Installs a built tree to a temporary prefix, builds examples/consumer against
# it with find_package(relgraph) and runs it and the installed CLI from /tmp,
# so models and schemas must come from the prefix.
# Usage: tests/install_test.sh <build dir> <source dir>
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
work=$(mktemp -d /tmp/relgraph-install-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "install_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/relgraph include/relgraph/pipeline.hpp lib/librelgraph_core.a \
         lib/cmake/relgraph/relgraphConfig.cmake lib/cmake/relgraph/relgraphTargets.cmake \
         lib/pkgconfig/relgraph.pc share/relgraph/models/parser.bin share/relgraph/schemas/relations.json \
         share/bash-completion/completions/relgraph; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
if command -v help2man >/dev/null; then
  [ -s "$prefix/share/man/man1/relgraph.1" ] || fail "missing share/man/man1/relgraph.1"
fi

# The CMake package: configure, build and run the consumer outside the source tree.
cmake -S "$src/examples/consumer" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
cd /tmp
unset RELGRAPH_MODELS RELGRAPH_SCHEMAS
out=$("$work/consumer/relgraph_consumer")
echo "$out"
echo "$out" | grep -qx "data: $prefix/share/relgraph" || fail "consumer did not use the installed data"
n=$(echo "$out" | sed -n 's/^triples: //p')
[ -n "$n" ] && [ "$n" -gt 0 ] || fail "consumer found no triples"

# The pkg-config file: a compile-and-link check of the same program.
PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --exists relgraph || fail "pkg-config cannot read relgraph.pc"
# shellcheck disable=SC2046
c++ -O1 -DRELGRAPH_DATA_DIR="\"$prefix/share/relgraph\"" "$src/examples/consumer/main.cpp" \
    -o "$work/consumer-pc" $(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --cflags --libs relgraph)
"$work/consumer-pc" | grep -q "^triples: $n\$" || fail "pkg-config build differs"

# The installed CLI finds its data next to itself (no checkout in /tmp).
printf 'Marta Velasquez founded Corvane Robotics in Lisbon in 2019.\n' > "$work/a.txt"
"$prefix/bin/relgraph" extract "$work/a.txt" -o "$work/a.tsv"
[ -s "$work/a.tsv" ] || fail "installed relgraph wrote no triples"
echo "install_test: ok"
