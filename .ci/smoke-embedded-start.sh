#!/usr/bin/env bash
# `npm start` with no DATABASE_URL and no Postgres: the seeded analyst signs in
# and sees both seed articles; a restart keeps every row.
set -euo pipefail
cd "$(dirname "$0")/.."
port=3210
data=$(mktemp -d)
jar=$(mktemp)
log=$(mktemp)
export SLANT_DATA_DIR="$data" PORT="$port" SLANT_DEMO_PASSWORD="ci-demo-password" DATABASE_URL=""

start() {
  # A process group of its own, so stopping it stops npm, Slant, Next.js and the database alike.
  setsid npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do
    if curl -fsS "http://localhost:$port/api/health" 2>/dev/null | grep -q '"database":"embedded"'; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start exited"; exit 1; fi
    sleep 1
  done
  cat "$log"; echo "npm start did not become healthy"; exit 1
}
stop() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" || true
  for _ in $(seq 1 30); do curl -fsS "http://localhost:$port/api/health" >/dev/null 2>&1 || return 0; sleep 1; done
  echo "Slant did not stop"; exit 1
}
trap 'kill -KILL -- "-$pid" 2>/dev/null || true' EXIT
articles_as_analyst() {
  rm -f "$jar"
  csrf=$(curl -fsS -c "$jar" -b "$jar" "http://localhost:$port/api/auth/csrf" | node -pe 'JSON.parse(require("fs").readFileSync(0)).csrfToken')
  curl -fsS -o /dev/null -c "$jar" -b "$jar" -X POST "http://localhost:$port/api/auth/callback/credentials" \
    --data-urlencode "csrfToken=$csrf" --data-urlencode "email=analyst1@example.org" --data-urlencode "password=$SLANT_DEMO_PASSWORD"
  curl -fsS -b "$jar" "http://localhost:$port/api/articles"
}

if curl -fsS "http://localhost:$port/api/health" >/dev/null 2>&1; then echo "port $port is already in use"; exit 1; fi
start
grep -q "database: embedded Postgres, data in $data" "$log" || { cat "$log"; echo "start log does not name the mode"; exit 1; }
first=$(articles_as_analyst)
echo "$first" | grep -q '"name":"Al Mayadeen English"' && echo "$first" | grep -q '"name":"South Front"' || { echo "$first"; echo "seed articles missing"; exit 1; }
stop

if curl -fsS "http://localhost:$port/api/health" >/dev/null 2>&1; then echo "port $port is already in use"; exit 1; fi
start
second=$(articles_as_analyst)
[ "$first" = "$second" ] || { echo "rows changed across a restart"; echo "$first"; echo "$second"; exit 1; }
stop
rm -rf "$data" "$jar" "$log"
echo "embedded start: 1 passed, 0 failed"
