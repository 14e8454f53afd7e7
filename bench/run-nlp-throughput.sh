#!/usr/bin/env bash
# Sitrep's linguistic core and wink-nlp, side by side in one run, on the same text: the raw text rebuilt from the
# `# text =` lines of a CoNLL-U file (default: UD English-EWT test in ../shared), one core, warm.
#
#   bench/run-nlp-throughput.sh [--gold FILE.conllu] [--core N] [--seconds S] [--runs R] [--no-build]
#
# Sitrep: tokenizer + sentence splitter, POS tags + lemmas, dependency parser, NER (when the NER stage exists), per stage
# and for the whole chain. wink-nlp: readDoc with its default pipeline, plus every token's POS tag and lemma.
# Both are pinned to the same core (taskset); peak RSS is measured from outside by /usr/bin/time. Each system's tokens/s
# counts its own tokens; "gold words/s" divides the same number (the treebank's words) by each system's time, so their
# ratio is the ratio of speeds on the same text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
gold="$repo/../shared/data/ud/en_ewt-ud-test.conllu"
core=1; seconds=3; runs=3; build=1
artifacts="${SITREP_BENCH_ARTIFACTS:-/tmp/sitrep-bench-artifacts}"
while [ $# -gt 0 ]; do
  case "$1" in
    --gold) gold="$2"; shift 2 ;;
    --core) core="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

if [ "$build" = 1 ]; then
  dotnet build "$repo/bench/Sitrep.Bench" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
fi
if [ ! -d "$here/peers/wink/node_modules/wink-nlp" ]; then
  (cd "$here/peers/wink" && npm install --no-audit --no-fund --silent)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); both pinned to core $core"
echo
echo "== Sitrep =="
/usr/bin/time -f '%M' -o "$work/sitrep.rss" taskset -c "$core" dotnet "$artifacts/bin/Sitrep.Bench/release/Sitrep.Bench.dll" nlp \
  --gold "$gold" --seconds "$seconds" --runs "$runs" --dump-text "$work/text.txt" --json "$work/sitrep.json"
echo "peak RSS (time -v): $(( $(cat "$work/sitrep.rss") / 1024 )) MB"
words="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).gold_words)' "$work/sitrep.json")"
echo
echo "== wink-nlp =="
/usr/bin/time -f '%M' -o "$work/wink.rss" taskset -c "$core" node "$here/peers/wink/bench.js" "$work/text.txt" \
  --seconds "$seconds" --runs "$runs" --gold-words "$words" --json "$work/wink.json"
echo "peak RSS (time -v): $(( $(cat "$work/wink.rss") / 1024 )) MB"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
node - "$work" <<'EOF'
const fs = require('fs');
const dir = process.argv[2];
const s = JSON.parse(fs.readFileSync(`${dir}/sitrep.json`));
const w = JSON.parse(fs.readFileSync(`${dir}/wink.json`));
const rss = (n) => Math.round(Number(fs.readFileSync(`${dir}/${n}.rss`, 'utf8')) / 1024);
const rows = [
  ['Sitrep: tokens, sentences, POS, lemmas, parse' + (s.ner ? ', NER' : ' (no NER stage yet)'), s, rss('sitrep')],
  ['wink-nlp: readDoc (default pipeline) + POS + lemma', w, rss('wink')],
];
const pad = (x, n) => String(x).padStart(n);
console.log(`\n${'system (same text, one core, warm)'.padEnd(58)} ${pad('tokens/s', 10)} ${pad('gold w/s', 10)} ${pad('per CPU-s', 10)} ${pad('peak MB', 8)}`);
for (const [name, r, mb] of rows)
  console.log(`${name.padEnd(58)} ${pad((r.tokens / r.seconds).toFixed(0), 10)} ${pad((r.gold_words / r.seconds).toFixed(0), 10)} ${pad((r.tokens / r.cpu_seconds).toFixed(0), 10)} ${pad(mb, 8)}`);
console.log(`ratio Sitrep / wink-nlp (gold words/s, wall): ${(w.seconds / s.seconds).toFixed(2)}; per CPU-second: ${(w.cpu_seconds / s.cpu_seconds).toFixed(2)}`);
EOF
