#!/usr/bin/env bash
# Whole-process `sitrep ingest` into a new store with --jobs 1 and with more jobs, on the same articles: wall time,
# articles/s, sentences/s, CPU time and peak RSS per run (best and median of R runs), the speed-up, and a check that
# every run left the same store (all tables; only the times of ingest and analysis may differ, they are masked).
#
#   bench/run-ingest-jobs.sh [--articles N] [--runs R] [--jobs "1 2"] [--fundus] [--no-build]
#
# The corpus is the first N articles (default 1000) that bench/ingest/make-ud-articles.py rebuilds from the UD
# treebanks in ../shared; --fundus adds the 80 fundus news pages (HTML). Start-up (loading the models, about 1 s)
# is in the wall time, as a user sees it. Prints the load average before and after: compare figures at similar load.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
articles=1000; runs=3; jobs_list="1 $(nproc)"; build=1; fundus=0
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --jobs) jobs_list="$2"; shift 2 ;;
    --fundus) fundus=1; shift ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
source "$here/cli.sh"
build_cli
make_workdir
python3 "$here/ingest/make-ud-articles.py" "$work/ud" "$articles" >/dev/null
inputs=("$work/ud")
if [ "$fundus" = 1 ]; then inputs+=("$repo/../shared/data/extraction/fundus/html"); fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_DIR="$here" SITREP_DATA="${SITREP_DATA:-$repo/data}" python3 - "$sitrep_dll" "$work" "$runs" "$jobs_list" "${inputs[@]}" <<'PY'
import os, resource, statistics, subprocess, sys, time
sys.path.insert(0, os.path.join(os.environ["BENCH_DIR"], "store"))
from store_digest import digest
dll, work, runs, jobs_list, inputs = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(j) for j in sys.argv[4].split()], sys.argv[5:]

results = {}
for jobs in jobs_list:
    walls, cpus, rss = [], [], []
    for r in range(runs):
        db = os.path.join(work, f"j{jobs}-{r}.db")
        cmd = ["/usr/bin/time", "-f", "%M", "dotnet", dll, "ingest", *inputs, "--db", db, "--jobs", str(jobs), "--no-progress"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        walls.append(time.perf_counter() - t); after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode not in (0, 2): sys.exit(f"ingest failed ({p.returncode}): {p.stderr}")
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        rss.append(int(p.stderr.strip().splitlines()[-1]) // 1024)
        d, sentences, docs = digest(db)
        results.setdefault("digests", set()).add(d)
        os.remove(db)
    best, med = min(walls), statistics.median(walls)
    results[jobs] = med
    print(f"--jobs {jobs:<3} {docs} documents, {sentences} sentences: wall best {best:6.2f} s, median {med:6.2f} s; "
          f"{docs / med:6.1f} articles/s, {sentences / med:7.0f} sentences/s (median); CPU {statistics.median(cpus):6.2f} s; peak RSS {max(rss)} MB")
base = results[jobs_list[0]]
for jobs in jobs_list[1:]:
    print(f"speed-up of --jobs {jobs} over --jobs {jobs_list[0]}: {base / results[jobs]:.2f}x (median wall)")
same = len(results["digests"]) == 1
print("stores: " + ("identical in every run (times masked)" if same else f"DIFFER: {len(results['digests'])} digests"))
sys.exit(0 if same else 1)
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
