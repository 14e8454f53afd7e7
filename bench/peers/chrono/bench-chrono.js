'use strict';
// chrono-node as Sitrep's peer for TIMEX3: throughput over the TEXT of TimeML files with each DCT as the
// reference date (chrono.parse(text, refDate)), and optionally chrono's results written as TimeML for the
// reference scorer (../shared/tools/timex/score_timex.js).
//
//   node bench-chrono.js --bench DIR [DIR ...] [--passes N]     one line of JSON: docs, chars, seconds/pass, docs/s, chars/s, peak RSS
//   node bench-chrono.js --write OUT DIR [DIR ...]              TimeML per input file, TIMEX3 type DATE/TIME, value from chrono's date
//
// The TimeML reader is the shared scorer's own (tml.js), loaded from ../shared at run time, not copied.

const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

const repo = path.resolve(__dirname, '..', '..', '..');
const tml = require(path.join(repo, '..', 'shared', 'tools', 'timex', 'tml.js'));

function listTml(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTml(p));
    else if (e.name.endsWith('.tml')) out.push(p);
  }
  return out;
}

// The DCT as a local Date at noon when it is a bare day (so no zone shifts it to the day before), else as written.
function refDate(dct) {
  const v = (dct && dct.value) || '';
  const m = v.match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/);
  if (!m) return new Date(2000, 0, 1, 12);
  return new Date(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 12, m[5] ? +m[5] : 0);
}

function load(dirs) {
  const docs = [];
  for (const d of dirs) for (const f of listTml(d)) {
    const g = tml.readTml(f);
    docs.push({ file: f, dir: d, gold: g, text: g.text, ref: refDate(g.dct) });
  }
  return docs;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

// TIMEX3 from one chrono result: TIME when an hour was stated, else DATE at the finest certain unit.
function toTimex(r) {
  const c = r.start;
  const y = c.get('year'), mo = c.get('month'), d = c.get('day');
  if (c.isCertain('hour')) {
    return { type: 'TIME', value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(c.get('hour'))}:${pad(c.get('minute') || 0)}` };
  }
  if (c.isCertain('day') || c.isCertain('weekday')) return { type: 'DATE', value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}` };
  if (c.isCertain('month')) return { type: 'DATE', value: `${pad(y, 4)}-${pad(mo)}` };
  if (c.isCertain('year')) return { type: 'DATE', value: pad(y, 4) };
  return { type: 'DATE', value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}` };
}

function main(argv) {
  const passesAt = argv.indexOf('--passes');
  const passes = passesAt >= 0 ? parseInt(argv[passesAt + 1], 10) : 3;
  if (argv[0] === '--write') {
    const out = argv[1];
    const docs = load(argv.slice(2));
    for (const doc of docs) {
      const timexes = chrono.parse(doc.text, doc.ref).map(r => ({ start: r.index, end: r.index + r.text.length, ...toTimex(r) }));
      const dest = path.join(out, path.relative(doc.dir, doc.file));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, tml.writeTml(doc.gold, timexes));
    }
    console.log(`wrote ${docs.length} files to ${out}`);
    return;
  }
  if (argv[0] !== '--bench') throw new Error('usage: --bench DIR... [--passes N] | --write OUT DIR...');
  const dirs = argv.slice(1, passesAt >= 0 ? passesAt : undefined);
  const docs = load(dirs);
  const chars = docs.reduce((s, d) => s + d.text.length, 0);
  let found = 0;
  const run = () => { found = 0; for (const d of docs) found += chrono.parse(d.text, d.ref).length; };
  run(); // warm-up: JIT and chrono's pattern caches
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9 / passes;
  console.log(JSON.stringify({
    system: 'chrono-node ' + JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', 'chrono-node', 'package.json'), 'utf8')).version,
    docs: docs.length, chars, found, seconds, docs_per_s: docs.length / seconds, chars_per_s: chars / seconds,
    peak_mb: process.resourceUsage().maxRSS / 1024,
  }));
}

main(process.argv.slice(2));
