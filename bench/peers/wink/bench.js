// wink-nlp throughput on the same text as Sitrep's `nlp` benchmark (peer figures only; not part of Sitrep).
// Usage: node bench.js TEXT_FILE [--seconds S] [--runs R] [--gold-words N] [--json FILE]
// TEXT_FILE holds documents separated by a form-feed line (Sitrep.Bench `nlp --dump-text` writes it).
// What wink does per document: readDoc with its default pipeline (sbd, negation, sentiment, pos, ner, and cer where the
// model has it: every annotation of wink-eng-lite-web-model), then reads every token's POS tag and lemma (its.lemma is
// computed on request). wink-nlp has no dependency parser. One thread (node's main loop), warm.
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const args = process.argv.slice(2);
if (args.length < 1) { console.error('usage: node bench.js TEXT_FILE [--seconds S] [--runs R] [--gold-words N] [--json FILE]'); process.exit(64); }
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const minSeconds = Number(opt('--seconds', '3'));
const runs = Number(opt('--runs', '3'));
const goldWords = Number(opt('--gold-words', '0'));
const jsonOut = opt('--json', null);

const docs = fs.readFileSync(args[0], 'utf8').split('\n\f\n');
const t0 = process.hrtime.bigint();
const nlp = winkNLP(model);
const its = nlp.its;
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

// Returns the token count, so the work cannot be skipped.
function readOnly() {
  let n = 0;
  for (const d of docs) n += nlp.readDoc(d).tokens().length();
  return n;
}
function withPosLemma() {
  let n = 0;
  for (const d of docs) {
    const t = nlp.readDoc(d).tokens();
    n += t.out(its.pos).length + t.out(its.lemma).length / 2;
  }
  return n;
}

// One warm-up pass, then passes until minSeconds have gone by; wall and CPU seconds per pass.
function time(pass) {
  pass();
  let n = 0;
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  let wall = 0;
  do { pass(); n++; wall = Number(process.hrtime.bigint() - w0) / 1e9; } while (wall < minSeconds);
  const c = process.cpuUsage(c0);
  return { wall: wall / n, cpu: (c.user + c.system) / 1e6 / n };
}

const tokens = readOnly();
let sentences = 0;
for (const d of docs) sentences += nlp.readDoc(d).sentences().length();
const best = { readDoc: null, full: null };
const med = { readDoc: [], full: [] };
for (let r = 0; r < runs; r++) {
  for (const [k, f] of [['readDoc', readOnly], ['full', withPosLemma]]) {
    const t = time(f);
    med[k].push(t.wall);
    if (!best[k] || t.wall < best[k].wall) best[k] = t;
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const peakMb = process.resourceUsage().maxRSS / 1024;
const f0 = (x) => x.toFixed(0).padStart(10);
console.log(`wink-nlp ${require('wink-nlp/package.json').version} + wink-eng-lite-web-model ${require('wink-eng-lite-web-model/package.json').version}, node ${process.version}`);
console.log(`text: ${docs.length} documents; wink: ${tokens} tokens, ${sentences} sentences; model loaded in ${loadSeconds.toFixed(2)} s`);
console.log(`  ${'run'.padEnd(46)} ${'best'.padStart(10)} ${'median'.padStart(10)} ${'per CPU-s'.padStart(10)}   tokens/s`);
console.log(`  ${'readDoc (sbd, negation, sentiment, pos, ner, cer)'.padEnd(46)} ${f0(tokens / best.readDoc.wall)} ${f0(tokens / median(med.readDoc))} ${f0(tokens / best.readDoc.cpu)}`);
console.log(`  ${'readDoc + its.pos + its.lemma'.padEnd(46)} ${f0(tokens / best.full.wall)} ${f0(tokens / median(med.full))} ${f0(tokens / best.full.cpu)}`);
if (goldWords > 0) console.log(`  gold words/s, readDoc + pos + lemma            ${f0(goldWords / best.full.wall)}`);
console.log(`peak RSS: ${peakMb.toFixed(0)} MB`);
if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify({
    system: 'wink-nlp', tokens, gold_words: goldWords, seconds: best.full.wall, cpu_seconds: best.full.cpu,
    read_doc_seconds: best.readDoc.wall, peak_mb: Number(peakMb.toFixed(1)),
  }) + '\n');
}
