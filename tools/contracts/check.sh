#!/usr/bin/env bash
# Contract checks for CI and for anyone touching proto/:
#  1. buf lint (STANDARD + COMMENTS);
#  2. buf breaking against the last commit of main that had proto/ (teams release separately,
#     so every change must stay wire- and JSON-compatible);
#  3. regenerating libs/contracts/src/gen must leave git status clean.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

buf lint
echo "buf lint: ok"

against=""
if git rev-parse --verify -q main >/dev/null; then
  if [ "$(git rev-parse HEAD)" = "$(git rev-parse main)" ]; then
    against="HEAD~1"   # on main itself: compare with the commit before
  else
    against="main"
  fi
fi
if [ -n "$against" ] && git rev-parse --verify -q "$against" >/dev/null && git cat-file -e "$against:proto" 2>/dev/null; then
  buf breaking --against ".git#ref=$(git rev-parse "$against")"
  echo "buf breaking against $against: ok"
else
  echo "buf breaking: no earlier commit with proto/ to compare against, skipped"
fi

buf generate
if [ -n "$(git status --porcelain -- libs/contracts/src/gen)" ]; then
  echo "generated contracts are out of date; run npm run generate and commit:" >&2
  git status --porcelain -- libs/contracts/src/gen >&2
  git diff --stat -- libs/contracts/src/gen >&2
  exit 1
fi
echo "generated contracts: up to date"
