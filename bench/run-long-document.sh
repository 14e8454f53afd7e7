#!/usr/bin/env bash
# One very long document through the whole `sitrep annotate` and `sitrep ingest` processes: wall time, characters/s
# and peak RSS. Guards against costs that grow faster than the text (a scan of a whole layer per token or per event)
# and against holding the record whole in memory; ordinary articles are a few KB and never show them.
#
#   bench/run-long-document.sh [MEGABYTES] [--no-build]
#
# The text is deterministic: wire-style sentences written for this script, shuffled with a fixed seed, four to a
# paragraph, until it reaches MEGABYTES (default 6), under a "Published:" line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
megabytes="${1:-6}"; build=1
[ "${2:-}" = "--no-build" ] && build=0
artifacts="${SITREP_BENCH_ARTIFACTS:-/tmp/sitrep-bench-artifacts}"
if [ "$build" = 1 ]; then
  dotnet build "$repo/src/Sitrep.Cli" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
fi
sitrep="$artifacts/bin/Sitrep.Cli/release/sitrep.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work/long.txt" "$megabytes" <<'PY'
import random, sys
path, mb = sys.argv[1], float(sys.argv[2])
sentences = [
    "Officials in Seoul said on 30 Aug 2023 that North Korea had launched a ballistic missile early on Wednesday.",
    "The United States flew a B-52 bomber over the peninsula two days later, the ministry said in a statement.",
    "Russian Defence Minister Sergei Shoigu visited Pyongyang in July and met Kim Jong Un, state media reported.",
    "Talks between the two governments are expected to resume next week in Geneva, diplomats told reporters.",
    "The White House accused Moscow of seeking artillery shells from the North, which both capitals denied.",
    "Japan protested to Beijing after a coast guard vessel entered its waters on Tuesday, the foreign ministry said.",
    "Ukrainian forces shelled positions near Donetsk overnight, according to a regional governor.",
    "The European Union agreed on Friday to send more aid to Kyiv, its foreign policy chief announced.",
]
rng = random.Random(7)
out, size = [], 0
while size < mb * 1_000_000:
    para = " ".join(rng.choice(sentences) for _ in range(4))
    out.append(para)
    size += len(para) + 1
open(path, "w", encoding="utf-8").write("Published: 2023-09-01\n\n" + "\n".join(out) + "\n")
PY
chars=$(python3 -c "import sys; print(len(open(sys.argv[1], encoding='utf-8').read()))" "$work/long.txt")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); document: $chars characters"
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { echo "$name failed:"; tail -3 "$work/err"; exit 1; }
  read -r secs kb < "$work/time"
  python3 -c "import sys; s=float(sys.argv[2]); print(f'{sys.argv[1]}: {s:.1f} s, {int(sys.argv[3])/s/1e3:,.0f} K chars/s, peak RSS {int(sys.argv[4])//1024} MB, output {int(sys.argv[5])/1e6:,.0f} MB')" \
    "$name" "$secs" "$chars" "$kb" "$(stat -c %s "$work/out")"
}
cd "$repo"
run "annotate --compact" dotnet "$sitrep" annotate "$work/long.txt" --compact
run "ingest (new store)" dotnet "$sitrep" ingest "$work/long.txt" --db "$work/long.db"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
