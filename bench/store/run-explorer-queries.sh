#!/usr/bin/env bash
# Explorer API latency on a synthetic store of N merged events (the store of run-store-queries.sh: generate-events.py,
# fixed seed, about 1% RUS→PRK): `sitrep serve` pinned to one core, each path asked R times with curl; prints every
# time, the median, and the server's resident memory at the end.
#
#   bench/store/run-explorer-queries.sh [N] [RUNS]
#   SITREP_BIN=out/sitrep BENCH_DB=/tmp/bench.db bench/store/run-explorer-queries.sh   # reuse a published sitrep / a generated store
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
n="${1:-1000000}"; runs="${2:-5}"; port="${PORT:-18189}"
work="$(mktemp -d)"; db="${BENCH_DB:-$work/bench.db}"
if [[ -z "${SITREP_BIN:-}" ]]; then
  dotnet publish "$repo/src/Sitrep.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$work/artifacts" -o "$work/pub" -v quiet -nologo >/dev/null
  SITREP_BIN="$work/pub/sitrep"
fi
if [[ ! -f "$db" ]]; then
  "$SITREP_BIN" ingest "$repo/samples/text" --db "$db" --no-progress >/dev/null
  python3 "$here/generate-events.py" "$db" "$n" >/dev/null
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('ANALYZE'); c.commit()" "$db"
fi
taskset -c 1 "$SITREP_BIN" serve --db "$db" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/summary" >/dev/null && break; sleep 0.2; done
echo "events: $(curl -s "http://127.0.0.1:$port/api/summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["merged_events"])')"
for path in "api/events?dyad=RUS-PRK" "api/events?actor=RUS&quad=4&offset=2000" "api/events" "api/events/1" \
            "api/series?dyad=RUS-PRK&by=week" "api/series?by=month" "api/claims?limit=200" "api/actors?limit=50" "api/summary" "/"; do
  times=()
  for _ in $(seq "$runs"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/${path#/}")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-45s median %6.3f s   (%s)\n' "$path" "$median" "${times[*]}"
done
echo "server RSS: $(( $(ps -o rss= -p $server) / 1024 )) MB; load: $(uptime | sed 's/.*load average: //')"
