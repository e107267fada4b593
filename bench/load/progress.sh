#!/usr/bin/env bash
# Time to render the progress dashboard for a user with 100,000 review-log rows (target: under 100 ms).
#
# Builds the practice benchmark's database (the real bank, a card per question, 100,000 ratings over two
# years), runs the Release app on it on 127.0.0.1, warms up, then measures /progress with one connection
# (so each latency is one whole render: queries, Razor and SVG) using wrk, and prints p50 / p99.
# Usage: bench/load/progress.sh     Knobs: DURATION=10s PORT=5091 KEEP_TMP=1
set -euo pipefail
DURATION=${DURATION:-10s}
PORT=${PORT:-5091}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d /tmp/mlprep-progress.XXXXXX)
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

cd "$repo"
dotnet build -c Release bench/MlPrep.Bench -v quiet -nologo >/dev/null
dotnet build -c Release src/MlPrep.Web -v quiet -nologo >/dev/null
dotnet run -c Release --no-build --project bench/MlPrep.Bench -- practice-db "$tmp/data"
MLPREP_DATA="$tmp/data" ASPNETCORE_ENVIRONMENT=Production \
  dotnet run -c Release --no-build --project src/MlPrep.Web --urls "http://127.0.0.1:$PORT" >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
url="http://127.0.0.1:$PORT/progress"
curl -sf "$url" | grep -o 'Reviews this year</dt><dd>[0-9]*' | sed 's/.*<dd>/reviews in the last year on the page: /'
wrk -t1 -c1 -d3s "$url" >/dev/null 2>&1
wrk -t1 -c1 -d"$DURATION" --latency "$url" | tee "$tmp/wrk.txt" | grep -E "Requests/sec|50%|99%|Non-2xx" || true
echo "## /progress with 100,000 review-log rows, one connection, $DURATION: $(grep -E '^\s+50%' "$tmp/wrk.txt" | awk '{print "p50 " $2}'), $(grep -E '^\s+99%' "$tmp/wrk.txt" | awk '{print "p99 " $2}')"
