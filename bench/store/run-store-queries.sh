#!/usr/bin/env bash
# Query benchmark on a synthetic store of N merged events (default 1,000,000; generated for the benchmark only by
# generate-events.py with a fixed seed, about 1% of them RUS→PRK): whole-process times of `sitrep events --dyad`
# and `sitrep series --by week` for one dyad, one core, best and median of R runs. The command is published
# ReadyToRun (`dotnet publish -p:PublishReadyToRun=true`), as an installed `sitrep` would be, so start-up is not JIT.
#
#   bench/store/run-store-queries.sh [N] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
n="${1:-1000000}"; runs="${2:-7}"
work="$(mktemp -d)"; db="$work/bench.db"
dotnet publish "$repo/src/Sitrep.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$work/artifacts" -o "$work/pub" -v quiet -nologo >/dev/null
sitrep=(taskset -c 1 "$work/pub/sitrep")
# One real document gives the events a document to belong to.
"${sitrep[@]}" ingest "$repo/samples/text" --db "$db" --no-progress >/dev/null
python3 "$here/generate-events.py" "$db" "$n" >/dev/null
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("ANALYZE"); c.commit()
print("events:", c.execute("SELECT count(*) FROM event_clusters").fetchone()[0])
print("indexes:", ", ".join(r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='event_clusters' ORDER BY name")))
PY
time_it() {
  local label="$1"; shift
  local ts=()
  for _ in $(seq "$runs"); do
    local s e; s=$(date +%s%N); "${sitrep[@]}" "$@" >/dev/null; e=$(date +%s%N)
    ts+=($(( (e - s) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${ts[@]}" | sort -n))
  printf '%-45s best %5d ms   median %5d ms\n' "$label" "${sorted[0]}" "${sorted[$(( ${#sorted[@]} / 2 ))]}"
}
time_it "sitrep --version (process start)" --version
time_it "sitrep events --dyad RUS-PRK" events --db "$db" --dyad RUS-PRK
time_it "sitrep series --dyad RUS-PRK --by week" series --db "$db" --dyad RUS-PRK --by week
rm -rf "$work"
