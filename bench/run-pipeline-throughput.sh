#!/usr/bin/env bash
# The whole analysis pipeline, warm, on one core: raw article text → reader (decoding, cleaning) → language,
# fingerprints, tokens, POS, lemmas, parse, NER, TIMEX3, actors, places, events (the same Pipeline object as
# `sitrep ingest` and `sitrep annotate`), then separately the JSON record and the SQLite store write.
#
#   bench/run-pipeline-throughput.sh [--articles N] [--passes P] [--core C] [--fundus] [--no-store] [--no-build]
#
# The corpus is deterministic: the first N articles (default 1000) that bench/ingest/make-ud-articles.py rebuilds from
# the UD treebanks in ../shared (plain text, one file per `# newdoc`); --fundus adds the 80 fundus news pages (HTML).
# One warm-up pass, then P timed passes (default 3); figures are the best pass, with the median beside it, and per
# CPU-second of the process (on a shared machine the wall time also counts other processes' time). Peak RSS is the
# process's VmHWM. Prints the load average before and after: compare figures only at similar load.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
articles=1000; passes=3; core=1; build=1; extra=()
artifacts="${SITREP_BENCH_ARTIFACTS:-/tmp/sitrep-bench-artifacts}"
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --passes) passes="$2"; shift 2 ;;
    --core) core="$2"; shift 2 ;;
    --fundus) extra+=(--fundus); shift ;;
    --no-store) extra+=(--no-store); shift ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

if [ "$build" = 1 ]; then
  dotnet build "$repo/bench/Sitrep.Bench" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/ingest/make-ud-articles.py" "$work/ud" "$articles" >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); pinned to core $core"
SITREP_DATA="${SITREP_DATA:-$repo/data}" taskset -c "$core" dotnet "$artifacts/bin/Sitrep.Bench/release/Sitrep.Bench.dll" pipeline \
  --dir "$work/ud" --passes "$passes" "${extra[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
