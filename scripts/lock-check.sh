#!/usr/bin/env bash
# Fails when package-lock.json is not the lock file a fresh `npm install` writes for package.json, so `npm ci` (the
# reproducible install of the README, .ci/run and the workflows) keeps working. It resolves the tree in a temp copy of
# the two files (registry metadata only, no install) and compares.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp package.json package-lock.json "$tmp/"
(cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
if ! cmp -s package-lock.json "$tmp/package-lock.json"; then
  echo "lock-check: package-lock.json is not what 'npm install' writes for package.json:" >&2
  diff -u package-lock.json "$tmp/package-lock.json" | head -40 >&2 || true
  echo "lock-check: run 'npm install' and commit package-lock.json." >&2
  exit 1
fi
echo "lock-check: package-lock.json is complete."
