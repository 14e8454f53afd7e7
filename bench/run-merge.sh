#!/usr/bin/env bash
# Scaling out, measured: the first N UD articles (default 1000, from bench/ingest/make-ud-articles.py) split into P
# parts (default 2) as P machines would take them; each part ingested into its own store (`sitrep ingest`, the
# "machines", one after the other here), then `sitrep merge` of the parts into one store; against one machine's single
# ingest of all the parts. Prints each step's wall time and peak RSS, and checks that the merged store holds the same
# rows as one machine ingesting the parts in turn (all tables but the ingest runs' own records; times masked).
#
#   bench/run-merge.sh [--articles N] [--parts P] [--no-build]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
articles=1000; parts=2; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --parts) parts="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
source "$here/cli.sh"
build_cli
make_workdir
python3 "$here/ingest/make-ud-articles.py" "$work/ud" "$articles" >/dev/null
# Part k takes every P-th article, as a round-robin split of a shared input list would.
i=0
for f in $(ls "$work/ud" | sort); do
  k=$(( i % parts )); mkdir -p "$work/part$k"; mv "$work/ud/$f" "$work/part$k/"; i=$(( i + 1 ))
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $articles articles in $parts parts"
BENCH_DIR="$here" SITREP_DATA="${SITREP_DATA:-$repo/data}" python3 - "$sitrep_dll" "$work" "$parts" <<'PY'
import os, subprocess, sys, time
sys.path.insert(0, os.path.join(os.environ["BENCH_DIR"], "store"))
from store_digest import digest
dll, work, parts = sys.argv[1], sys.argv[2], int(sys.argv[3])

def run(label, *args):
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "dotnet", dll, *args, "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 2): sys.exit(f"{label} failed ({p.returncode}): {p.stderr}")
    print(f"{label:<40} {wall:6.2f} s wall, peak RSS {int(p.stderr.strip().splitlines()[-1]) // 1024} MB")
    return wall

one = os.path.join(work, "one.db")
ingest = [run(f"ingest part {k} into its own store", "ingest", os.path.join(work, f"part{k}"), "--db", os.path.join(work, f"part{k}.db")) for k in range(parts)]
merge = run(f"merge the {parts} stores", "merge", *[os.path.join(work, f"part{k}.db") for k in range(parts)], "--db", os.path.join(work, "merged.db"))
alone = run("one machine: one ingest of all parts", "ingest", *[os.path.join(work, f"part{k}") for k in range(parts)], "--db", os.path.join(work, "alone.db"))
print(f"with {parts} machines: slowest part {max(ingest):.2f} s + merge {merge:.2f} s = {max(ingest) + merge:.2f} s, against {alone:.2f} s on one machine ({alone / (max(ingest) + merge):.2f}x)")
# The store to compare with: one machine ingesting the parts one after the other (a run each, as the merge makes).
for k in range(parts):
    run(f"one machine: ingest part {k} in turn", "ingest", os.path.join(work, f"part{k}"), "--db", one)
a, sentences, docs = digest(os.path.join(work, "merged.db"), skip={"ingest_runs"})
b, _, _ = digest(one, skip={"ingest_runs"})
print(f"merged store: {docs} documents, {sentences} sentences; " + ("the same rows as the one-machine store" if a == b else "DIFFERS from the one-machine store"))
sys.exit(0 if a == b else 1)
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
