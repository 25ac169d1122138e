#!/usr/bin/env bash
# Formats relgraph's C++ sources with clang-format and the repository's .clang-format.
#   tools/format.sh                 format every tracked source file in place
#   tools/format.sh FILE...         format the given files in place
#   tools/format.sh --check [FILE...]
#                                   change nothing; list the files that are not
#                                   formatted and exit 1 if there is any
# CLANG_FORMAT overrides the clang-format binary (default: clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format}
check=0
if [[ "${1:-}" == "--check" ]]; then
  check=1
  shift
fi
if ! command -v "$clang_format" >/dev/null; then
  echo "format: $clang_format not found (Debian package clang-format)" >&2
  exit 2
fi
if (($#)); then
  files=("$@")
else
  # Generated files (*.inc) are written by their generators and left alone.
  mapfile -t files < <(git ls-files -- '*.cpp' '*.hpp' '*.h' '*.cc')
fi
if ((check == 0)); then
  ((${#files[@]})) && "$clang_format" -i --style=file "${files[@]}"
  exit 0
fi
unformatted=0
for f in "${files[@]}"; do
  if ! "$clang_format" --style=file "$f" | cmp -s - "$f"; then
    echo "$f"
    unformatted=1
  fi
done
exit "$unformatted"
