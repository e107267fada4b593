#!/usr/bin/env bash
# Load test and start-up timing for the MlPrep web app, on 127.0.0.1 only, with bounded durations.
#
# Publishes the app in Release, times start-up to the first 200 from /healthz (first start with an empty
# data folder, so it includes migrations and the initial content sync; then warm starts), saves the
# question page, the list page and a search API response as files, serves those with nginx, and runs wrk
# against each app URL and its nginx twin in the same run. Machines are noisy, so the result that
# matters is the ratio app / nginx measured minutes apart on the same machine, not the absolute numbers.
#
# Usage: bench/load/run.sh            (from anywhere; needs root or sudo only to install wrk and nginx)
# Knobs (environment): DURATION=10s CONNECTIONS=64 THREADS=2 COLD_STARTS=3 WARM_STARTS=5 KEEP_TMP=1
set -euo pipefail

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
COLD_STARTS=${COLD_STARTS:-3}
WARM_STARTS=${WARM_STARTS:-5}
QUESTION_PATH=/questions/ML-001
LIST_PATH='/questions?track=ml-fundamentals'
SEARCH_PATH='/api/search?q=gradient+boosting'

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d /tmp/mlprep-load.XXXXXX)
app_pid=""
nginx_pid=""

cleanup() {
  # Only the processes this script started, by their ids.
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ -n "$nginx_pid" ]]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# --- tools -------------------------------------------------------------------------------------------
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  ((${#missing[@]} == 0)) && return
  local sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  log "installing ${missing[*]} with apt"
  # Another apt or dpkg may be running: apt waits for the lock (DPkg::Lock::Timeout), and the whole
  # install is retried in case the lock was taken between the update and the install.
  for attempt in 1 2 3 4 5; do
    if $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}" >"$tmp/apt.log" 2>&1; then
      return
    fi
    log "apt-get install failed (attempt $attempt); waiting for other apt processes, then updating the package lists"
    tail -n 3 "$tmp/apt.log" >&2
    if command -v fuser >/dev/null; then
      while fuser /var/lib/dpkg/lock-frontend /var/lib/apt/lists/lock >/dev/null 2>&1; do sleep 5; done
    else
      sleep 15
    fi
    $sudo apt-get -o DPkg::Lock::Timeout=300 update -q >>"$tmp/apt.log" 2>&1 || sleep 10
  done
  log "could not install ${missing[*]}; see the log above"
  exit 1
}

# A port nothing on 127.0.0.1 answers on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# --- the app -----------------------------------------------------------------------------------------
publish() {
  # Another engineer may be editing src/: a broken build is retried after a pause.
  for attempt in 1 2 3; do
    # ReadyToRun: precompiled code, so start-up does not wait for the JIT (see docs/performance.md).
    if dotnet publish "$repo/src/MlPrep.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$tmp/app" -nologo -v q >"$tmp/publish.log" 2>&1; then
      return
    fi
    log "publish failed (attempt $attempt), retrying in 60 s:"
    grep -E 'error' "$tmp/publish.log" | sort -u | head -n 5 >&2 || true
    sleep 60
  done
  log "publish failed; see $tmp/publish.log"
  KEEP_TMP=1
  exit 1
}

# Starts the app on $app_port with data folder $1 and waits for the first 200 from /healthz; sets
# app_pid, startup_ms and phases (not run in a subshell, so the caller keeps the process id). The app's
# own log lines get UTC timestamps, which give the time each start-up phase ended.
start_app() {
  local data=$1 started status
  app_log="$tmp/app-$((++starts)).log"
  started=$(now_ms)
  # Run from the publish folder, as a deployment would: the content root (appsettings.json and its
  # log levels) is the working directory.
  (cd "$tmp/app" && ASPNETCORE_ENVIRONMENT=Production MLPREP_DATA=$data DOTNET_NOLOGO=1 \
    Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    Logging__Console__FormatterOptions__TimestampFormat='HH:mm:ss.fff ' \
    exec dotnet MlPrep.Web.dll --urls "http://127.0.0.1:$app_port" >"$app_log" 2>&1) &
  app_pid=$!
  while :; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$app_port/healthz" || true)
    [[ "$status" == 200 ]] && break
    if ! kill -0 "$app_pid" 2>/dev/null; then
      log "the app exited during start-up:"; tail -n 20 "$app_log" >&2; exit 1
    fi
    if (($(now_ms) - started > 60000)); then
      log "no 200 from /healthz within 60 s (last status $status)"; tail -n 20 "$app_log" >&2; exit 1
    fi
    sleep 0.005
  done
  startup_ms=$(($(now_ms) - started))
  # Milliseconds after launch at which the bank was loaded, the sync finished and Kestrel listened.
  phases=$(awk -v t0="$(( started % 86400000 ))" '
    function ms(ts,  p) { split(ts, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] - t0 }
    /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / { at = $1 }
    /Loaded [0-9]+ questions/ && !loaded { loaded = ms(at) }
    /content sync/ && !synced { synced = ms(at) }
    /Now listening on/ && !listening { listening = ms(at) }
    END { printf "bank loaded +%d ms, migrated and synced +%d ms, listening +%d ms", loaded, synced, listening }
  ' "$app_log")
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# Median and max of the numbers given as arguments.
median_max() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d\n", m, v[NR] }'; }

# --- wrk ---------------------------------------------------------------------------------------------
# Runs wrk against a URL; prints "requests/s p50_ms p99_ms non2xx errors".
load() {
  local url=$1 name=$2 out="$tmp/wrk-$2.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$out" 2>&1
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v
    }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
    END { printf "%.0f %.2f %.2f %d %s\n", rps, p50, p99, non2xx, (errors == "" ? "none" : errors) }
  ' "$out"
}

# --- run ---------------------------------------------------------------------------------------------
install_tools
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
log "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ { print $2 " GiB" }')"
log "tools: $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), $($nginx_bin -v 2>&1), dotnet $(dotnet --version)"
log "publishing the web app (Release, ReadyToRun)"
publish
app_port=$(free_port)

starts=0
cold=() warm=()
for i in $(seq 1 "$COLD_STARTS"); do
  start_app "$tmp/data-cold-$i"
  cold+=("$startup_ms"); cold_phases=$phases; log "first start $i (empty data folder: migrate + initial sync): $startup_ms ms ($phases)"
  stop_app
done
for i in $(seq 1 "$WARM_STARTS"); do
  start_app "$tmp/data-cold-1"
  warm+=("$startup_ms"); warm_phases=$phases; log "warm start $i (synced data folder): $startup_ms ms ($phases)"
  if ((i < WARM_STARTS)); then stop_app; fi
done
grep -h -m1 -o 'Loaded [0-9]* questions.*' "$tmp/app-1.log" >&2 || true
grep -h -m1 -o 'content sync [0-9]* added.*' "$tmp/app-1.log" >&2 || true

# The app from the last warm start stays up for the load test.
base="http://127.0.0.1:$app_port"
mkdir -p "$tmp/static"
declare -A paths=([question]=$QUESTION_PATH [list]=$LIST_PATH [search]=$SEARCH_PATH)
declare -A files=([question]=question.html [list]=list.html [search]=search.json)
for page in question list search; do
  status=$(curl -s -o "$tmp/static/${files[$page]}" -w '%{http_code}' "$base${paths[$page]}")
  if [[ "$status" != 200 ]]; then log "$base${paths[$page]} answered $status"; exit 1; fi
done
chmod -R a+rX "$tmp"

nginx_port=$(free_port)
mkdir -p "$tmp/nginx/temp"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $tmp/nginx/temp/body;
  proxy_temp_path $tmp/nginx/temp/proxy;
  fastcgi_temp_path $tmp/nginx/temp/fastcgi;
  uwsgi_temp_path $tmp/nginx/temp/uwsgi;
  scgi_temp_path $tmp/nginx/temp/scgi;
  types { text/html html; application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/static;
  }
}
EOF
"$nginx_bin" -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/question.html" && break; sleep 0.05; done

for page in question list search; do
  app_bytes=$(curl -s "$base${paths[$page]}" | wc -c)
  nginx_bytes=$(curl -s "http://127.0.0.1:$nginx_port/${files[$page]}" | wc -c)
  log "$page: app $app_bytes bytes, nginx $nginx_bytes bytes"
done

# Warm up both servers (JIT, output cache, connection pools) before anything is recorded.
for page in question list search; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$base${paths[$page]}" >/dev/null 2>&1
  wrk -t"$THREADS" -c"$CONNECTIONS" -d1s "http://127.0.0.1:$nginx_port/${files[$page]}" >/dev/null 2>&1
done

declare -A result
for page in question list search; do
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION: $page (app, then nginx)"
  result[$page-app]=$(load "$base${paths[$page]}" "$page-app")
  result[$page-nginx]=$(load "http://127.0.0.1:$nginx_port/${files[$page]}" "$page-nginx")
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
read -r cold_median cold_max < <(median_max "${cold[@]}")
read -r warm_median warm_max < <(median_max "${warm[@]}")
echo
echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores; load average (1, 5, 15 min) $load_before at the start, $load_after at the end."
echo
echo "## Start-up to first 200 from /healthz (real bank)"
echo
echo "| start | runs | median | max | all (ms) |"
echo "|---|---:|---:|---:|---|"
echo "| first (empty data folder: migrate + initial sync) | ${#cold[@]} | $cold_median ms | $cold_max ms | ${cold[*]} |"
echo "| warm (synced data folder, sync writes nothing) | ${#warm[@]} | $warm_median ms | $warm_max ms | ${warm[*]} |"
echo
echo "Phases, from the app's log: last first start: $cold_phases; last warm start: $warm_phases."
echo
echo "## Throughput: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, app beside nginx serving the same bytes as a file"
echo
echo "| page | URL | app req/s | nginx req/s | app / nginx | app p50 | app p99 | nginx p99 | app errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
for page in question list search; do
  read -r a_rps a_p50 a_p99 a_non2xx a_err <<<"${result[$page-app]}"
  read -r n_rps _ n_p99 _ _ <<<"${result[$page-nginx]}"
  ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN { printf "%.1f%%", (n > 0 ? 100 * a / n : 0) }')
  errors="non-2xx $a_non2xx, socket $a_err"
  echo "| $page | \`${paths[$page]}\` | $a_rps | $n_rps | $ratio | $a_p50 ms | $a_p99 ms | $n_p99 ms | $errors |"
done
echo
for page in question list search; do
  for side in app nginx; do
    echo "### wrk: $page, $side"
    echo '```'
    cat "$tmp/wrk-$page-$side.txt"
    echo '```'
  done
done
