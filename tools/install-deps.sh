#!/usr/bin/env bash
# Installs what relgraph needs on Debian 12: the packages in tools/deps-debian.txt
# and the npm packages the test suite uses as real consumers (tests/js).
# Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_=""
if [[ $(id -u) -ne 0 ]]; then sudo_="sudo"; fi
mapfile -t pkgs < <(grep -vE '^\s*(#|$)' tools/deps-debian.txt)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq nodejs npm >/dev/null
fi
# npm ci where node_modules is missing or older than the lock file (a package was added).
for dir in tests/js tests/db; do
  [[ -f $dir/package-lock.json ]] || continue
  # A node_modules symlink to another checkout that has none is no install.
  if [[ -L $dir/node_modules && ! -f $dir/node_modules/.package-lock.json ]]; then rm "$dir/node_modules"; fi
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    echo "install-deps: npm ci in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
