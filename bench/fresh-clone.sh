#!/usr/bin/env bash
# `npm run bench:fresh-clone -- [RUNS]`: what a new user waits for, measured from fresh clones of this
# repository's HEAD in empty folders (nothing beside them): `npm ci`, then `npm run start:demo` until
# the portal's home page answers, then `npm test`. One line per run and step, in seconds; the folders
# are removed afterwards. Set DATABASE_URL to include the server suites in `npm test`, as CI does.
set -euo pipefail
runs=${1:-3}
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
port=${BENCH_PORT:-3917}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
echo "fresh-clone benchmark of $(git -C "$repo" rev-parse --short HEAD) on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  folder=$(mktemp -d)
  git clone -q "$repo" "$folder/app"
  cd "$folder/app"
  start=$(now)
  npm ci --no-audit --no-fund >"$folder/npm-ci.log" 2>&1
  echo "run $run: npm ci $(since "$start") s"
  start=$(now)
  PORT=$port npm run start:demo >"$folder/demo.log" 2>&1 &
  demo=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && grep -q "portal is ready" "$folder/demo.log"; do
    if ! kill -0 "$demo" 2>/dev/null; then echo "start:demo stopped:"; tail -20 "$folder/demo.log"; exit 1; fi
    sleep 0.5
  done
  echo "run $run: start:demo to the first page $(since "$start") s"
  kill -- "$demo" 2>/dev/null || true
  pkill -f "dist/apps/api/src/commands/demo/main.js --serve" 2>/dev/null || true
  wait "$demo" 2>/dev/null || true
  if [ "${BENCH_SKIP_TESTS:-}" != 1 ]; then
    # A new machine has no migrated PGlite template yet (test/support/test-databases.ts): each run builds it.
    rm -rf "${TMPDIR:-/tmp}/ai-plus-test-templates"
    start=$(now)
    status=0
    npm test >"$folder/test.log" 2>&1 || status=$?
    echo "run $run: npm test $(since "$start") s (exit $status; $(grep -E '^tests: ' "$folder/test.log" | tail -1))"
    # The folder goes; a failing run keeps the names of what failed on this output.
    if [ "$status" != 0 ]; then grep -E '^\s+● ' "$folder/test.log" | sort -u | sed "s/^/run $run: failed: /" || true; fi
  fi
  cd /
  rm -rf "$folder"
done
