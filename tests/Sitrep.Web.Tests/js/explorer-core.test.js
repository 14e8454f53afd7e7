// The explorer page's logic without a browser: node --test tests/Sitrep.Web.Tests/js (run by ExplorerScriptTests).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const core = require(path.join(__dirname, "..", "..", "..", "src", "Sitrep.Web", "wwwroot", "explorer-core.js"));

// From the seed article: "Both Russia and North Korea denied the US allegations" (offsets into this sentence).
const DENIAL = "Both Russia and North Korea denied the US allegations.";
const denial = (event, extra) => ({
  event, cameo: "016", modality: "asserted", date: "2023-08-30",
  trigger: { start: 28, end: 34 },
  source: { code: "RUS", start: 5, end: 11 },
  target: { code: "USA", start: 39, end: 41 },
  ...extra,
});

const text = (t, pieces) => pieces.map(p => t.slice(p.start, p.end));

test("pieces cover the whole text, in order, without gaps or overlaps", () => {
  const pieces = core.markSegments(DENIAL, [denial(108), denial(109, { source: { code: "PRK", start: 16, end: 27 } })], null);
  assert.equal(pieces[0].start, 0);
  assert.equal(pieces[pieces.length - 1].end, DENIAL.length);
  for (let i = 1; i < pieces.length; i++) assert.equal(pieces[i].start, pieces[i - 1].end);
  assert.equal(text(DENIAL, pieces).join(""), DENIAL);
});

test("triggers and actors are marked with their own kinds and the trigger's event", () => {
  const pieces = core.markSegments(DENIAL, [denial(108), denial(109, { source: { code: "PRK", start: 16, end: 27 } })], null);
  const at = s => pieces.find(p => DENIAL.slice(p.start, p.end) === s);
  assert.deepEqual(at("Russia").kinds, ["actor"]);
  assert.deepEqual(at("North Korea").kinds, ["actor"]);
  assert.deepEqual(at("US").kinds, ["actor"]);
  assert.deepEqual(at("denied").kinds, ["trigger"]);
  // Two events share the trigger: the piece names both, and a click opens the first.
  assert.equal(at("denied").event, 108);
  assert.equal(at("denied").titles.length, 2);
  assert.match(at("denied").titles[1], /^PRK → 016 → USA \(asserted, 2023-08-30\)$/);
  assert.deepEqual(at(" and ").kinds, []);
  assert.equal(at(" and ").event, null);
});

test("a trigger inside an actor's span splits it, and the inner piece has both kinds", () => {
  const t = "the Russian Defence Ministry said";
  const pieces = core.markSegments(t, [{ event: 1, cameo: "010", modality: "asserted", date: "2023", trigger: { start: 12, end: 19 }, source: { code: "RUSMIL", start: 4, end: 28 }, target: null }], null);
  assert.deepEqual(text(t, pieces), ["the ", "Russian ", "Defence", " Ministry", " said"]);
  assert.deepEqual(pieces.map(p => p.kinds), [[], ["actor"], ["actor", "trigger"], ["actor"], []]);
  assert.deepEqual(pieces.map(p => p.event), [null, null, 1, null, null]);
});

test("offsets outside the text are clamped, empty and missing spans are left out", () => {
  const t = "Kim met Putin.";
  const pieces = core.markSegments(t, [
    { event: 1, cameo: "040", modality: "asserted", date: "2023", trigger: { start: 4, end: 7 }, source: { code: "PRK", start: -3, end: 3 }, target: { code: "RUS", start: 8, end: 999 } },
    { event: 2, cameo: "040", modality: "asserted", date: "2023", trigger: { start: 5, end: 5 }, source: { code: "X", start: null, end: null }, target: { code: "Y" } },
    { event: 3, cameo: "040", modality: "asserted", date: "2023", trigger: null, source: null, target: null },
  ], null);
  assert.deepEqual(text(t, pieces), ["Kim", " ", "met", " ", "Putin."]);
  assert.deepEqual(pieces.map(p => p.kinds.join("+")), ["actor", "", "trigger", "", "actor"]);
  assert.ok(pieces.every(p => p.titles.every(x => x !== "X" && x !== "Y")));
});

test("the focused mention is the trigger that starts at the offset the document was opened at", () => {
  const pieces = core.markSegments(DENIAL, [denial(108)], 28);
  assert.deepEqual(pieces.filter(p => p.focus).map(p => DENIAL.slice(p.start, p.end)), ["denied"]);
  assert.ok(core.markSegments(DENIAL, [denial(108)], null).every(p => !p.focus));
  assert.ok(core.markSegments(DENIAL, [denial(108)], 5).every(p => !p.focus)); // an actor's start is not a mention
});

test("offsets are UTF-16 code units, as the store's: text after an emoji is cut where the store says", () => {
  const t = "😀 Putin met Kim.";
  const start = t.indexOf("met");
  const pieces = core.markSegments(t, [{ event: 7, cameo: "040", modality: "asserted", date: "2023", trigger: { start, end: start + 3 }, source: null, target: null }], null);
  assert.equal(pieces.find(p => p.event === 7) && t.slice(pieces.find(p => p.event === 7).start, pieces.find(p => p.event === 7).end), "met");
});

test("no events: one plain piece; empty text: none", () => {
  assert.deepEqual(core.markSegments("Quiet day.", [], null), [{ start: 0, end: 10, kinds: [], titles: [], event: null, focus: false }]);
  assert.deepEqual(core.markSegments("", [denial(1)], null), []);
});

test("many events stay one piece per boundary", () => {
  const words = Array.from({ length: 5000 }, (_, i) => "w" + i);
  const t = words.join(" ");
  let at = 0;
  const events = words.map((w, i) => { const e = { event: i, cameo: "010", modality: "asserted", date: "2023", trigger: { start: at, end: at + w.length }, source: null, target: null }; at += w.length + 1; return e; });
  const pieces = core.markSegments(t, events, null);
  assert.equal(pieces.length, 2 * 5000 - 1);
  assert.equal(pieces.filter(p => p.event !== null).length, 5000);
  assert.equal(pieces[pieces.length - 1].event, 4999);
});

test("the address keeps the tab and the filters, and an unknown tab is the events tab", () => {
  assert.deepEqual(core.parseHash("#events?actor=PRK&open=event:106"), { tab: "events", values: { actor: "PRK", open: "event:106" } });
  assert.deepEqual(core.parseHash("#claims?stance=denied"), { tab: "claims", values: { stance: "denied" } });
  assert.deepEqual(core.parseHash("#nonsense?x=1"), { tab: "events", values: { x: "1" } });
  assert.deepEqual(core.parseHash(""), { tab: "events", values: {} });
  assert.deepEqual(core.parseHash("#documents"), { tab: "documents", values: {} });
  // A value with "?", "&" or "=" survives the round trip.
  const values = { contains: "a?b&c=d", from: "2023-08-01", to: "" };
  const hash = core.formatHash("documents", values);
  assert.equal(hash, "#documents?contains=a%3Fb%26c%3Dd&from=2023-08-01");
  assert.deepEqual(core.parseHash(hash), { tab: "documents", values: { contains: "a?b&c=d", from: "2023-08-01" } });
  assert.equal(core.formatHash("events", {}), "#events");
});

test("what the detail panel shows is read back from the address, and nothing else is", () => {
  assert.deepEqual(core.parseOpen("event:106"), { kind: "event", id: 106 });
  assert.deepEqual(core.parseOpen("doc:d548750d0cc910b7e:1204"), { kind: "doc", id: "d548750d0cc910b7e", at: 1204 });
  assert.deepEqual(core.parseOpen("doc:d548750d0cc910b7e:"), { kind: "doc", id: "d548750d0cc910b7e", at: null });
  for (const bad of ["", undefined, "event:", "event:12x", "event:1:2", "doc:", "doc::5", "movie:1", "doc:a:b:c"])
    assert.equal(core.parseOpen(bad), null, String(bad));
});

test("only http(s) URLs become links", () => {
  for (const ok of ["https://apnews.com/article/x", "http://example.org/a?b=c", "HTTPS://EXAMPLE.ORG"]) assert.ok(core.isWebUrl(ok), ok);
  for (const bad of ["javascript:alert(1)", " https://x.org", "data:text/html,x", "//evil.org", "ftp://x.org", "https://", "", null, undefined, 42])
    assert.ok(!core.isWebUrl(bad), String(bad));
});
