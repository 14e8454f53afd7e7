#!/usr/bin/env bash
# Query benchmark on a synthetic store of N merged events (default 1,000,000; generated for the benchmark only by
# generate-events.py with a fixed seed, about 1% of them RUS→PRK): whole-process times of `sitrep events --dyad`
# and `sitrep series --by week` for one dyad, pinned to one core, best and median of R runs (wall and CPU time),
# with the machine's load and the query plans. The command is published ReadyToRun
# (`dotnet publish -p:PublishReadyToRun=true`), as an installed `sitrep` would be, so start-up is not JIT.
# SITREP_TRACE_STARTUP=1 makes sitrep print where its start-up time goes (stderr).
#
#   bench/store/run-store-queries.sh [N] [RUNS]
#   SITREP_BIN=out/sitrep BENCH_DB=/tmp/bench.db bench/store/run-store-queries.sh   # reuse a published sitrep / a generated store
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
n="${1:-1000000}"; runs="${2:-7}"
work="$(mktemp -d)"; db="${BENCH_DB:-$work/bench.db}"
if [[ -z "${SITREP_BIN:-}" ]]; then
  dotnet publish "$repo/src/Sitrep.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$work/artifacts" -o "$work/pub" -v quiet -nologo >/dev/null
  SITREP_BIN="$work/pub/sitrep"
fi
sitrep=(taskset -c 1 "$SITREP_BIN")
if [[ ! -f "$db" ]]; then
  # One real document gives the events a document to belong to.
  "${sitrep[@]}" ingest "$repo/samples/text" --db "$db" --no-progress >/dev/null
  python3 "$here/generate-events.py" "$db" "$n" >/dev/null
fi
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("ANALYZE"); c.commit()
print("events:", c.execute("SELECT count(*) FROM event_clusters").fetchone()[0])
print("indexes:", ", ".join(r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='event_clusters' ORDER BY name")))
# The part of each query that reads the 1M-row table, as SitrepStore.ListEvents and SitrepStore.Series issue it.
where = "c.num_mentions > 0 AND c.source_root = 'RUS' AND c.target_root = 'PRK'"
for name, sql in [
    ("events page", f"SELECT c.id FROM event_clusters c WHERE {where} ORDER BY c.day IS NULL, c.day, c.id LIMIT 100 OFFSET 0"),
    ("series days", f"SELECT c.day, count(*), sum(c.quad_class = 1), sum(c.quad_class = 2), sum(c.quad_class = 3), sum(c.quad_class = 4), "
                    f"total(c.goldstein), sum(c.num_mentions) FROM event_clusters c WHERE {where} AND c.day IS NOT NULL GROUP BY c.day ORDER BY c.day")]:
    print(f"plan ({name}):", "; ".join(r[3] for r in c.execute("EXPLAIN QUERY PLAN " + sql)))
PY
echo "load: $(uptime)"
time_it() {
  local label="$1"; shift
  python3 - "$runs" "$label" "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
walls, cpus = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    walls.append((time.perf_counter() - t) * 1000); after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
print(f"{label:<45} best {min(walls):5.0f} ms   median {statistics.median(walls):5.0f} ms   (CPU median {statistics.median(cpus):4.0f} ms)")
PY
}
time_it "sitrep --version (process start)" "${sitrep[@]}" --version
time_it "sitrep events --dyad RUS-PRK" "${sitrep[@]}" events --db "$db" --dyad RUS-PRK
time_it "sitrep series --dyad RUS-PRK --by week" "${sitrep[@]}" series --db "$db" --dyad RUS-PRK --by week
echo "load: $(uptime)"
rm -rf "$work"
