#!/usr/bin/env bash
# TIMEX3 throughput, one core, warm: Sitrep (tagger alone; tokenizer+POS+parser+TIMEX3 as annotate runs it) and
# chrono-node on the same text (the TEXT of each TimeBank and AQUAINT .tml, its DCT as the reference date).
# Each system runs in its own process, pinned to one core; peak memory is that process's.
#   bash bench/run-timex-throughput.sh [PASSES]     (needs ../shared/data/timex, dotnet, node; installs chrono-node on first run)
set -euo pipefail
cd "$(dirname "$0")/.."
PASSES="${1:-3}"
CORE="${TIMEX_BENCH_CORE:-0}"
DATA="$(cd .. && pwd)/shared/data/timex"
ART="${ARTIFACTS:-/tmp/art-timex-bench}"
[ -d bench/peers/chrono/node_modules/chrono-node ] || (cd bench/peers/chrono && npm install --no-audit --no-fund >/dev/null)
dotnet build bench/Sitrep.Bench -c Release --artifacts-path "$ART" >/dev/null
BENCH="$ART/bin/Sitrep.Bench/release/Sitrep.Bench.dll"
out=$(mktemp)
taskset -c "$CORE" dotnet "$BENCH" timex --mode tagger --passes "$PASSES" "$DATA/TimeBank" "$DATA/AQUAINT" >>"$out"
(cd bench/peers/chrono && taskset -c "$CORE" node bench-chrono.js --bench "$DATA/TimeBank" "$DATA/AQUAINT" --passes "$PASSES") >>"$out"
SITREP_DATA="${SITREP_DATA:-$PWD/data}" taskset -c "$CORE" dotnet "$BENCH" timex --mode pipeline --passes 1 "$DATA/TimeBank" "$DATA/AQUAINT" >>"$out"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const chrono = rows.find(r => r.system.startsWith("chrono"));
console.log(`${"system".padEnd(28)} ${"docs".padStart(5)} ${"chars".padStart(8)} ${"docs/s".padStart(9)} ${"chars/s".padStart(10)} ${"peak MB".padStart(8)} ${"vs chrono".padStart(9)}`);
for (const r of rows)
  console.log(`${r.system.padEnd(28)} ${String(r.docs).padStart(5)} ${String(r.chars).padStart(8)} ${r.docs_per_s.toFixed(1).padStart(9)} ${Math.round(r.chars_per_s).toString().padStart(10)} ${r.peak_mb.toFixed(0).padStart(8)} ${(r.docs_per_s / chrono.docs_per_s).toFixed(2).padStart(9)}`);
' "$out"
rm -f "$out"
