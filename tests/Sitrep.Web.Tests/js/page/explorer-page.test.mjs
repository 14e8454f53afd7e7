// The explorer page itself, rendered: index.html, explorer-core.js and app.js as `sitrep serve` sends them, run in
// happy-dom (a browser without a screen) against a live server. ExplorerPageTests starts the server over a store
// ingested from real text and runs this file with SITREP_EXPLORER_URL set. The API's answers are checked against the
// CLI in ExplorerServerTests; here every expectation is read from the API, and the page must show exactly that.
import test from "node:test";
import assert from "node:assert/strict";
import { Browser } from "happy-dom";

const BASE = process.env.SITREP_EXPLORER_URL;
if (!BASE) throw new Error("SITREP_EXPLORER_URL is not set: ExplorerPageTests sets it to the explorer it started.");

const browser = new Browser({
  settings: {
    enableJavaScriptEvaluation: true,
    suppressInsecureJavaScriptEnvironmentWarning: true,
    disableCSSFileLoading: true,
    navigation: { disableChildFrameNavigation: true },
  },
});
test.after(() => browser.close());

async function api(path) {
  const r = await fetch(new URL("/api/" + path, BASE), { headers: { Accept: "application/json" } });
  assert.equal(r.status, 200, path);
  return r.json();
}

/** Opens the page (with an optional hash), waits for its scripts and every request they made. */
async function open(hash = "") {
  const page = browser.newPage();
  await page.goto(new URL("/" + hash, BASE).href);
  await page.waitUntilComplete();
  const errors = page.virtualConsolePrinter.readAsString().split("\n").filter(l => /Error/.test(l) && !/stylesheet/.test(l));
  assert.deepEqual(errors, [], "the page's console shows no script error");
  return page;
}

/** Runs an action on the page and waits for what it started. */
async function act(page, action) {
  action();
  await page.waitUntilComplete();
}

const doc = page => page.mainFrame.document;
const rows = (page, table) => [...doc(page).querySelectorAll(`#${table} tbody tr`)];
const cells = tr => [...tr.querySelectorAll("td")].map(td => td.textContent);
const hashOf = page => decodeURIComponent(page.mainFrame.window.location.hash);

test("the first view shows the store's summary, every merged event in date order, and the series", async () => {
  const [summary, events, series] = await Promise.all([api("summary"), api("events?limit=50"), api("series?by=week")]);
  const page = await open();
  assert.equal(doc(page).getElementById("summary").textContent,
    `${summary.latest_documents} document(s) (${summary.duplicates} duplicate(s) kept aside), ${summary.merged_events} merged event(s), ${summary.errors} input error(s).`);
  assert.ok(events.total > 5, "the seed gives several merged events");
  const shown = rows(page, "events");
  assert.equal(shown.length, Math.min(events.total, 50));
  assert.deepEqual(shown.map(tr => Number(tr.dataset.id)), events.events.map(e => e.id));
  for (const [tr, e] of shown.map((tr, i) => [tr, events.events[i]])) {
    const [date, source, event, target, modality, reports, evidence] = cells(tr);
    assert.equal(date, e.date.value);
    assert.ok(source.startsWith(e.source ? e.source.code : "—"), source);
    assert.equal(event, e.cameo);
    assert.ok(target.startsWith(e.target ? e.target.code : "—"), target);
    assert.equal(modality, e.modality);
    assert.equal(reports, `${e.num_mentions} / ${e.num_articles}`);
    assert.equal(evidence, e.evidence);
  }
  assert.equal(doc(page).getElementById("events-status").textContent, `Merged events 1–${events.total} of ${events.total}, by date.`);
  assert.equal(doc(page).getElementById("prev").disabled, true);
  assert.equal(doc(page).getElementById("next").disabled, true);
  // One bar segment per non-empty quad class of each period, each titled with its count.
  const segments = series.points.flatMap(p => ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"].filter(k => p[k] > 0).map(k => `${p.period}: ${p[k]} `));
  const rects = [...doc(page).querySelectorAll("#series svg rect")];
  assert.equal(rects.length, segments.length);
  rects.forEach((r, i) => assert.ok(r.querySelector("title").textContent.startsWith(segments[i]), r.querySelector("title").textContent));
  assert.equal(hashOf(page), "#events?by=week");
});

test("a filter narrows the table to what the API gives for it, and is kept in the address", async () => {
  const expected = await api("events?actor=RUS&modality=alleged&limit=50");
  assert.ok(expected.total > 0 && expected.total < (await api("events")).total, "the filter keeps some events, not all");
  const page = await open();
  const form = doc(page).getElementById("filters");
  form.elements.actor.value = "RUS";
  form.elements.modality.value = "alleged";
  await act(page, () => form.requestSubmit());
  assert.deepEqual(rows(page, "events").map(tr => Number(tr.dataset.id)), expected.events.map(e => e.id));
  assert.ok(rows(page, "events").every(tr => cells(tr)[4] === "alleged"));
  assert.match(hashOf(page), /^#events\?/);
  assert.match(hashOf(page), /actor=RUS/);
  assert.match(hashOf(page), /modality=alleged/);

  // The same address opens the same view.
  const again = await open(hashOf(page));
  assert.equal(again.mainFrame.document.getElementById("filters").elements.actor.value, "RUS");
  assert.deepEqual(rows(again, "events").map(tr => Number(tr.dataset.id)), expected.events.map(e => e.id));
});

test("an event row opens the event: codes, date, attribution chain, mentions and claims", async () => {
  const list = await api("events?modality=alleged&limit=50");
  const first = list.events.find(e => e.attribution);
  assert.ok(first, "an alleged event with an attribution chain");
  const { event: e, claims } = await api("events/" + first.id);
  const page = await open();
  const tr = rows(page, "events").find(r => Number(r.dataset.id) === e.id);
  await act(page, () => tr.click());
  const detail = doc(page).getElementById("detail");
  assert.equal(detail.hidden, false);
  assert.ok(tr.classList.contains("selected"));
  const body = doc(page).getElementById("detail-body");
  const h2 = body.querySelector("h2").textContent;
  assert.ok(h2.includes(e.source.code) && h2.includes(e.cameo) && h2.includes(e.target.code), h2);
  const facts = Object.fromEntries([...body.querySelectorAll("dl.facts dt")].map(dt => [dt.textContent, dt.nextElementSibling.textContent]));
  assert.ok(facts.CAMEO.startsWith(`${e.cameo} (root ${e.root}: `), facts.CAMEO);
  assert.equal(facts.Goldstein, String(e.goldstein));
  assert.ok(facts.date.startsWith(e.date.value), facts.date);
  assert.equal(facts.rule, e.rule);
  const mentions = [...body.querySelectorAll(".mention")];
  assert.ok(mentions.length >= e.mentions.length + claims.length);
  assert.equal(mentions[0].querySelector(".chain").textContent, "according to: " + e.mentions[0].attribution);
  assert.ok(mentions[0].textContent.includes(e.mentions[0].evidence));
  assert.equal(hashOf(page), `#events?by=week&open=event:${e.id}`);

  // Closing it clears the selection and the address.
  await act(page, () => doc(page).getElementById("close-detail").click());
  assert.equal(detail.hidden, true);
  assert.equal(doc(page).querySelectorAll("#events tr.selected").length, 0);
  assert.equal(hashOf(page), "#events?by=week");
});

test("'read it in the document' shows the clean text whole, the mention's trigger marked and in focus; a mark opens its event", async () => {
  const denied = await api("claims?stance=denied&limit=500");
  assert.ok(denied.length > 0, "the seed's denials");
  const { event: e } = await api("events/" + denied[0].event);
  const m = e.mentions[0];
  const d = await api("documents/" + m.document);
  const page = await open(`#events?open=event:${e.id}`);
  const body = doc(page).getElementById("detail-body");
  assert.ok(body.querySelector("h2").textContent.includes(e.cameo), "the address opened the event");
  const link = [...body.querySelectorAll("a")].find(a => a.textContent === "read it in the document");
  await act(page, () => link.click());
  const text = body.querySelector(".doctext");
  assert.equal(text.textContent, d.text, "the document's text, every character, in order");
  const focus = body.querySelectorAll("mark.focus");
  assert.equal(focus.length, 1);
  assert.equal(text.textContent.indexOf(focus[0].textContent, 0) >= 0, true);
  // Where each mark starts in the text, counting the characters before it.
  const at = new Map();
  let offset = 0;
  for (const node of text.childNodes) { if (node.nodeName === "MARK") at.set(node, offset); offset += node.textContent.length; }
  assert.equal(at.get(focus[0]), m.trigger_start, "the focused mark starts at the mention's trigger");
  assert.ok(focus[0].classList.contains("trigger"));
  assert.equal(hashOf(page), `#events?by=week&open=doc:${m.document}:${m.trigger_start}`);
  // Every event's trigger starts a trigger mark, and every trigger mark lies inside some event's trigger.
  const triggerMarks = [...body.querySelectorAll("mark.trigger")];
  const markStarts = new Set(triggerMarks.map(x => at.get(x)));
  for (const x of d.events) assert.ok(markStarts.has(x.trigger.start), `a mark at ${x.trigger.start} for event ${x.event}`);
  for (const x of triggerMarks) {
    const start = at.get(x), end = start + x.textContent.length;
    assert.ok(d.events.some(e2 => e2.trigger.start <= start && end <= e2.trigger.end), `mark '${x.textContent}' at ${start}`);
  }
  // Actors are marked too: the source of the focused event is underlined where the document says.
  const own = d.events.find(x => x.trigger.start === m.trigger_start);
  assert.ok([...body.querySelectorAll("mark.actor")].some(x => at.get(x) === own.source.start), "the source actor is marked");

  // Another event's trigger opens that event.
  const other = d.events.find(x => x.event !== e.id);
  const mark = [...body.querySelectorAll("mark.trigger")].find(x => x !== focus[0] && x.title.includes(other.cameo));
  await act(page, () => mark.click());
  assert.ok(body.querySelector("h2").textContent.includes(other.cameo));
  assert.match(hashOf(page), /open=event:\d+$/);
});

test("the claims tab lists the denials with their claimants; a claim opens its event", async () => {
  const denials = await api("claims?stance=denied&limit=500");
  assert.equal(denials.length, 2);
  const page = await open("#claims?stance=denied");
  assert.equal(doc(page).getElementById("tab-claims").hidden, false);
  assert.equal(doc(page).getElementById("tab-events").hidden, true);
  const shown = rows(page, "claims");
  assert.equal(shown.length, denials.length);
  assert.deepEqual(shown.map(tr => cells(tr)[1]), denials.map(c => `${c.claimant.name} (${c.claimant.code})`));
  assert.ok(shown.every(tr => cells(tr)[0] === "denied"));
  await act(page, () => shown[0].click());
  const body = doc(page).getElementById("detail-body");
  assert.ok(body.textContent.includes("merged event #" + denials[0].event), "the claim's event is open");
  assert.ok(body.querySelector("h2").textContent.includes(denials[0].cameo));
  // The event's own claims are listed under it, the denial among them.
  assert.ok([...body.querySelectorAll(".mention .stance.denied")].length >= 1);
});

test("the actors tab lists the actors; an actor row shows the events involving it", async () => {
  const actors = await api("actors?limit=200");
  const rus = actors.find(a => a.code === "RUS");
  assert.ok(rus && actors.some(a => a.code === "PRK"));
  const involving = await api("events?involving=RUS&limit=50");
  const page = await open();
  await act(page, () => doc(page).querySelector('.tab[data-tab="actors"]').click());
  assert.equal(doc(page).getElementById("tab-actors").hidden, false);
  const shown = rows(page, "actors");
  assert.deepEqual(shown.map(tr => cells(tr)[0]), actors.map(a => a.code));
  const tr = shown.find(r => cells(r)[0] === "RUS");
  assert.deepEqual(cells(tr).slice(2, 6), [String(rus.as_source), String(rus.as_target), String(rus.mentions), rus.mean_goldstein.toFixed(2)]);
  await act(page, () => tr.click());
  assert.equal(doc(page).getElementById("tab-events").hidden, false);
  assert.equal(doc(page).getElementById("filters").elements.involving.value, "RUS");
  assert.deepEqual(rows(page, "events").map(r => Number(r.dataset.id)), involving.events.map(e => e.id));
});

test("the documents tab lists documents, the inputs that failed with their codes, and the runs", async () => {
  const [docs, failed, runs] = await Promise.all([api("documents?limit=500"), api("errors?limit=500"), api("runs")]);
  const page = await open("#documents");
  const shown = rows(page, "documents");
  assert.equal(shown.length, docs.length);
  assert.deepEqual(shown.map(tr => cells(tr)[0]), docs.map(d => d.published || "—"));
  assert.deepEqual(rows(page, "errors").map(tr => cells(tr)[1]), failed.map(e => e.code));
  assert.ok(failed.some(e => e.code === "SR1001"), "the empty input");
  assert.equal(rows(page, "runs").length, runs.length);
  assert.equal(cells(rows(page, "runs")[0])[2], runs[0].status);

  // A text filter narrows the list (the seed has "Pyongyang"; the hostile page does not).
  const form = doc(page).getElementById("doc-filters");
  form.elements.contains.value = "Pyongyang";
  await act(page, () => form.requestSubmit());
  const expected = await api("documents?contains=Pyongyang&limit=500");
  assert.ok(expected.length < docs.length);
  assert.equal(rows(page, "documents").length, expected.length);
  assert.match(hashOf(page), /^#documents\?contains=Pyongyang$/);
});

test("text from the store is shown as text, never run as markup", async () => {
  const docs = await api("documents?limit=500");
  const hostile = docs.find(d => (d.title || "").includes("<img"));
  assert.ok(hostile, "the fixture stores a page whose title holds markup");
  const page = await open(`#documents`);
  const tr = rows(page, "documents").find(r => cells(r)[1] === hostile.title);
  assert.ok(tr, "the title is shown literally");
  await act(page, () => tr.click());
  const body = doc(page).getElementById("detail-body");
  assert.equal(body.querySelector("h2").textContent, hostile.title);
  assert.equal(doc(page).querySelectorAll("img, script:not([src])").length, 0, "no element was made from the stored text");
  assert.equal(page.mainFrame.window.sitrepInjected, undefined, "no handler from the stored text ran");
  // The stored page's link to itself is not a web address, so it gets no link.
  assert.equal([...body.querySelectorAll("a")].filter(a => a.textContent === "source page").length, 0);
});
