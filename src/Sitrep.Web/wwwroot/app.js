// Sitrep explorer: the page over the read-only API of `sitrep serve`. Every value from the store is put into the page
// as text (textContent), never as markup.
"use strict";

const { TABS, isWebUrl, parseHash, formatHash, parseOpen, markSegments } = window.SitrepExplorer;

const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
// CAMEO root codes (two digits) and their names.
const ROOTS = {
  "01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
  "05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid", "08": "yield",
  "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest",
  "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
  "20": "use unconventional mass violence",
};
const PAGE = 50;

const state = { offset: 0, total: 0, selected: null };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, params) {
  const qs = params ? "?" + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)) : "";
  const r = await fetch("/api/" + path + qs, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function actor(a) {
  if (!a) return el("span", { class: "muted" }, "—");
  return el("span", { title: [a.name, a.country, a.sector].filter(Boolean).join(" · ") }, el("span", { class: "code" }, a.code), a.name ? " " + a.name : "");
}

function eventLabel(e) {
  return el("span", { title: ROOTS[e.root] || "" }, el("span", { class: "quad q" + e.quad_class, title: QUAD_NAMES[e.quad_class] }), el("span", { class: "code" }, e.cameo));
}

// A link to the page a document came from; only http(s), whatever a stored URL says.
function sourceLink(url) {
  return isWebUrl(url) ? [" · ", el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, "source page")] : null;
}

function showError(target, err) {
  target.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
}

// ---- filters and the URL --------------------------------------------------------------------------------------------

function filterValues() {
  const f = new FormData(document.getElementById("filters"));
  const v = {};
  for (const [k, x] of f.entries()) if (String(x).trim() !== "") v[k] = String(x).trim();
  return v;
}

function setFilters(values) {
  const form = document.getElementById("filters");
  for (const input of form.elements) if (input.name) input.value = values[input.name] || (input.name === "by" ? "week" : "");
}

function saveHash(tab, values) {
  const open = readHash().values.open;
  if (open && !("open" in values) && !document.getElementById("detail").hidden) values = { ...values, open };
  history.replaceState(null, "", formatHash(tab, values));
}

// What the detail panel shows, kept in the URL so that a link opens it again: "event:ID" or "doc:ID:OFFSET".
function setOpen(what) {
  const { tab, values } = readHash();
  if (what) values.open = what; else delete values.open;
  saveHash(tab, values);
}

function readHash() {
  return parseHash(location.hash);
}

// ---- events ---------------------------------------------------------------------------------------------------------

async function loadEvents() {
  const v = filterValues();
  saveHash("events", v);
  const status = document.getElementById("events-status");
  const tbody = document.querySelector("#events tbody");
  status.textContent = "Loading…";
  try {
    const { by, ...filters } = v;
    const [page, series] = await Promise.all([
      api("events", { ...filters, limit: PAGE, offset: state.offset }),
      api("series", { ...filters, by: by || "week" }),
    ]);
    state.total = page.total;
    drawSeries(series);
    tbody.replaceChildren(...page.events.map(e => el("tr", { onclick: () => showEvent(e.id), "data-id": e.id, class: e.id === state.selected ? "selected" : null },
      el("td", { class: "nowrap" }, e.date.value),
      el("td", {}, actor(e.source)),
      el("td", { class: "nowrap" }, eventLabel(e)),
      el("td", {}, actor(e.target)),
      el("td", {}, el("span", { class: "stance " + e.modality }, e.modality)),
      el("td", {}, `${e.num_mentions} / ${e.num_articles}`),
      el("td", { class: "evidence" }, e.evidence))));
    const last = Math.min(state.offset + page.events.length, page.total);
    status.textContent = page.total === 0 ? "No merged event matches." : `Merged events ${state.offset + 1}–${last} of ${page.total}, by date.`;
    document.getElementById("prev").disabled = state.offset === 0;
    document.getElementById("next").disabled = last >= page.total;
  } catch (err) {
    showError(status, err);
    tbody.replaceChildren();
  }
}

function drawSeries(series) {
  const box = document.getElementById("series");
  const pts = series.points;
  if (pts.length === 0) { box.replaceChildren(); return; }
  const ns = "http://www.w3.org/2000/svg";
  const W = 1000, H = 150, pad = 18;
  const max = Math.max(...pts.map(p => p.events), 1);
  const bw = (W - 2 * pad) / pts.length;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("preserveAspectRatio", "none");
  pts.forEach((p, i) => {
    let y = H - pad;
    [["verbal_cooperation", 1], ["material_cooperation", 2], ["verbal_conflict", 3], ["material_conflict", 4]].forEach(([k, q]) => {
      const h = (p[k] / max) * (H - 2 * pad);
      if (h <= 0) return;
      y -= h;
      const r = document.createElementNS(ns, "rect");
      r.setAttribute("x", pad + i * bw + bw * 0.1);
      r.setAttribute("y", y);
      r.setAttribute("width", Math.max(bw * 0.8, 1));
      r.setAttribute("height", h);
      r.setAttribute("class", "q" + q);
      const t = document.createElementNS(ns, "title");
      t.textContent = `${p.period}: ${p[k]} ${QUAD_NAMES[q]} (of ${p.events} events; Goldstein ${p.goldstein})`;
      r.append(t);
      svg.append(r);
    });
  });
  const label = (x, text, anchor) => {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x); t.setAttribute("y", H - 4); t.setAttribute("font-size", "11"); t.setAttribute("fill", "#667085");
    t.setAttribute("text-anchor", anchor); t.textContent = text; svg.append(t);
  };
  label(pad, pts[0].period, "start");
  if (pts.length > 1) label(W - pad, pts[pts.length - 1].period, "end");
  const legend = el("div", { class: "legend" },
    el("span", {}, `Events per ${series.by}, most ${max}:`),
    ...[1, 2, 3, 4].map(q => el("span", {}, el("span", { class: "quad q" + q }), QUAD_NAMES[q])));
  box.replaceChildren(svg, legend);
}

// ---- one event, its mentions and claims; a document with its events marked ------------------------------------------

async function showEvent(id) {
  state.selected = id;
  setOpen("event:" + id);
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", Number(tr.dataset.id) === id);
  const body = openDetail();
  body.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  try {
    const { event: e, claims } = await api("events/" + id);
    const facts = el("dl", { class: "facts" },
      el("dt", {}, "CAMEO"), el("dd", {}, `${e.cameo} (root ${e.root}: ${ROOTS[e.root] || "?"})`),
      el("dt", {}, "quad class"), el("dd", {}, `${e.quad_class} ${QUAD_NAMES[e.quad_class]}`),
      el("dt", {}, "Goldstein"), el("dd", {}, e.goldstein),
      el("dt", {}, "PLOVER"), el("dd", {}, [e.plover.type, e.plover.mode].filter(Boolean).join(" / ") || "—"),
      el("dt", {}, "date"), el("dd", {}, e.date.value + (e.date.day_end && e.date.day_end !== e.date.day ? ` (${e.date.day} to ${e.date.day_end})` : "")),
      el("dt", {}, "place"), el("dd", {}, e.place ? [e.place.name, e.place.country].filter(Boolean).join(", ") : "—"),
      el("dt", {}, "reports"), el("dd", {}, `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)`),
      el("dt", {}, "rule"), el("dd", { class: "code" }, e.rule));
    const mentions = (e.mentions || []).map(m => el("div", { class: "mention" },
      el("div", {}, el("strong", {}, m.outlet), " ", el("span", { class: "muted" }, m.published || ""), " ",
        el("span", { class: "stance " + m.modality }, m.modality), " ", el("span", { class: "muted" }, m.date)),
      m.attribution ? el("div", { class: "chain" }, "according to: " + m.attribution) : null,
      el("div", {}, m.evidence),
      el("div", {}, el("a", { href: "#", onclick: ev => { ev.preventDefault(); showDocument(m.document, m.trigger_start); } }, "read it in the document"),
        sourceLink(m.url))));
    const claimList = claims.length === 0 ? null : [el("h3", {}, "Claims"), ...claims.map(c => el("div", { class: "mention" },
      el("span", { class: "stance " + c.stance }, c.stance), " ",
      el("strong", {}, c.claimant.name || c.claimant.code || "the text"), c.claimant.code ? el("span", { class: "code" }, ` (${c.claimant.code})`) : null,
      c.event !== e.id ? [" in event ", el("a", { href: "#", onclick: ev => { ev.preventDefault(); showEvent(c.event); } }, "#" + c.event)] : null,
      c.sources ? el("div", { class: "chain" }, "through: " + c.sources) : null))];
    body.replaceChildren(
      el("h2", {}, actor(e.source), " → ", eventLabel(e), " → ", actor(e.target)),
      el("p", {}, el("span", { class: "stance " + e.modality }, e.modality), " ", el("span", { class: "muted" }, "merged event #" + e.id)),
      facts, el("h3", {}, "Mentions"), ...mentions, ...(claimList || []));
  } catch (err) {
    showError(body, err);
  }
}

async function showDocument(id, focusStart) {
  setOpen(`doc:${id}:${focusStart ?? ""}`);
  const body = openDetail();
  body.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  try {
    const d = await api("documents/" + encodeURIComponent(id));
    body.replaceChildren(
      el("h2", {}, d.title || d.origin),
      el("p", { class: "muted" }, [d.outlet, d.published].filter(Boolean).join(" · "),
        sourceLink(d.url)),
      el("p", { class: "muted" }, `${d.events.length} event(s) marked; actors underlined. Click a marked word for its event.`),
      markedText(d.text, d.events, focusStart));
    // Scroll the panel, not the page, to the event the document was opened for.
    const focus = body.querySelector("mark.focus");
    const panel = document.getElementById("detail");
    if (focus) panel.scrollTop = Math.max(0, focus.offsetTop - panel.clientHeight / 2);
  } catch (err) {
    showError(body, err);
  }
}

// The document's clean text with its events' triggers marked and their actors underlined (pieces from markSegments).
function markedText(text, events, focusStart) {
  const out = el("div", { class: "doctext" });
  for (const p of markSegments(text, events, focusStart)) {
    const piece = text.slice(p.start, p.end);
    if (p.kinds.length === 0) { out.append(piece); continue; }
    const m = el("mark", { class: [...p.kinds, ...(p.focus ? ["focus"] : [])].join(" "), title: p.titles.join("\n") }, piece);
    if (p.event !== null) m.addEventListener("click", () => showEvent(p.event));
    out.append(m);
  }
  return out;
}

function openDetail() {
  document.getElementById("detail").hidden = false;
  document.querySelector("main").classList.add("with-detail");
  return document.getElementById("detail-body");
}

function closeDetail() {
  document.getElementById("detail").hidden = true;
  document.querySelector("main").classList.remove("with-detail");
  state.selected = null;
  for (const tr of document.querySelectorAll("tr.selected")) tr.classList.remove("selected");
  setOpen(null);
}

// ---- claims and actors ----------------------------------------------------------------------------------------------

async function loadClaims() {
  const f = Object.fromEntries(new FormData(document.getElementById("claim-filters")));
  saveHash("claims", Object.fromEntries(Object.entries(f).filter(([, v]) => v)));
  const tbody = document.querySelector("#claims tbody");
  try {
    const claims = await api("claims", { ...f, limit: 500 });
    tbody.replaceChildren(...claims.map(c => el("tr", { onclick: () => showEvent(c.event) },
      el("td", {}, el("span", { class: "stance " + c.stance }, c.stance)),
      el("td", {}, c.claimant.name ? `${c.claimant.name} (${c.claimant.code})` : c.claimant.code || "—"),
      el("td", {}, el("span", { class: "code" }, `#${c.event} ${c.source || "—"} → ${c.cameo} → ${c.target || "—"}`),
        c.about.length ? el("div", { class: "muted" }, "about " + c.about.map(a => "#" + a).join(", ")) : null),
      el("td", { class: "nowrap" }, c.date),
      el("td", {}, c.sources),
      el("td", {}, c.outlet),
      el("td", { class: "evidence" }, c.evidence))));
    if (claims.length === 0) tbody.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "muted" }, "No claim matches.")));
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "error" }, err.message)));
  }
}

async function loadActors() {
  saveHash("actors", {});
  const tbody = document.querySelector("#actors tbody");
  try {
    const actors = await api("actors", { limit: 200 });
    tbody.replaceChildren(...actors.map(a => el("tr", { title: "Events involving " + a.code, onclick: () => { setFilters({ involving: a.code }); selectTab("events"); } },
      el("td", { class: "code" }, a.code), el("td", {}, a.name || ""), el("td", {}, a.as_source), el("td", {}, a.as_target),
      el("td", {}, a.mentions), el("td", {}, a.mean_goldstein.toFixed(2)),
      el("td", {}, a.top_dyads.map(d => `${d.dyad} (${d.events})`).join(", ")))));
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "error" }, err.message)));
  }
}

async function loadDocuments() {
  const f = Object.fromEntries([...new FormData(document.getElementById("doc-filters"))].filter(([, v]) => String(v).trim() !== ""));
  saveHash("documents", f);
  const tbody = document.querySelector("#documents tbody");
  const errors = document.querySelector("#errors tbody");
  try {
    const [docs, failed, runs] = await Promise.all([api("documents", { ...f, limit: 500 }), api("errors", { limit: 500 }), api("runs")]);
    tbody.replaceChildren(...docs.map(d => el("tr", { onclick: () => showDocument(d.id, null) },
      el("td", { class: "nowrap" }, d.published || "—"),
      el("td", {}, d.title || d.origin),
      el("td", {}, d.site || ""),
      el("td", {}, d.language || ""),
      el("td", {}, d.length),
      el("td", {}, d.duplicate_of ? `${d.duplicate_kind} of ${d.duplicate_of}` : d.version > 1 ? `version ${d.version}` : "new"))));
    if (docs.length === 0) tbody.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "muted" }, "No document matches.")));
    errors.replaceChildren(...failed.map(e => el("tr", {},
      el("td", {}, e.origin), el("td", { class: "code" }, e.code), el("td", {}, e.message), el("td", {}, e.stage || ""), el("td", { class: "nowrap" }, e.recorded_at))));
    if (failed.length === 0) errors.replaceChildren(el("tr", {}, el("td", { colspan: 5, class: "muted" }, "None.")));
    document.querySelector("#runs tbody").replaceChildren(...runs.map(r => el("tr", {},
      el("td", {}, r.run), el("td", { class: "nowrap" }, r.started_at), el("td", { class: r.status === "finished" ? null : "error" }, r.status),
      el("td", {}, r.counts ? r.counts.new + r.counts.new_version : "?"),
      el("td", {}, r.counts ? r.counts.duplicate + r.counts.near_duplicate : "?"),
      el("td", {}, r.counts ? r.counts.failed : "?"),
      el("td", { class: "evidence" }, r.arguments))));
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "error" }, err.message)));
  }
}

function selectTab(tab) {
  for (const b of document.querySelectorAll(".tab")) b.classList.toggle("active", b.dataset.tab === tab);
  for (const t of TABS) document.getElementById("tab-" + t).hidden = t !== tab;
  if (tab === "events") { state.offset = 0; loadEvents(); }
  else if (tab === "claims") loadClaims();
  else if (tab === "documents") loadDocuments();
  else loadActors();
}

async function init() {
  try {
    const s = await api("summary");
    document.getElementById("summary").textContent =
      `${s.latest_documents} document(s) (${s.duplicates} duplicate(s) kept aside), ${s.merged_events} merged event(s), ${s.errors} input error(s).`;
  } catch (err) {
    showError(document.getElementById("summary"), err);
  }
  document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); state.offset = 0; loadEvents(); });
  document.getElementById("reset").addEventListener("click", () => setTimeout(() => { state.offset = 0; loadEvents(); }, 0));
  document.getElementById("claim-filters").addEventListener("submit", ev => { ev.preventDefault(); loadClaims(); });
  document.getElementById("doc-filters").addEventListener("submit", ev => { ev.preventDefault(); loadDocuments(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  document.getElementById("close-detail").addEventListener("click", closeDetail);
  for (const b of document.querySelectorAll(".tab")) b.addEventListener("click", () => selectTab(b.dataset.tab));
  const { tab, values } = readHash();
  const form = { claims: "claim-filters", documents: "doc-filters" }[tab];
  if (form) for (const [k, v] of Object.entries(values)) { const i = document.getElementById(form).elements[k]; if (i) i.value = v; }
  else setFilters(values);
  selectTab(tab);
  const open = parseOpen(values.open);
  if (open && open.kind === "event") showEvent(open.id);
  else if (open && open.kind === "doc") showDocument(open.id, open.at);
}

// The script sits at the end of the body: usually the parser is still "loading" here; where it is not, start at once.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
