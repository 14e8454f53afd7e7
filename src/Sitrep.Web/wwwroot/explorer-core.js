// Sitrep explorer: the page's logic that needs no page (cutting a document's text at its events, the state kept in
// the address, which links are safe), apart from app.js so that `node --test` can check it without a browser
// (tests/Sitrep.Web.Tests/js). In the page it is `window.SitrepExplorer`.
"use strict";
(function (exports) {
  const TABS = ["events", "claims", "actors", "documents"];

  // Only http(s) URLs become links, whatever a stored URL says ("javascript:", "data:" and the like stay text).
  function isWebUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]/i.test(url);
  }

  // "#tab?k=v&…" → { tab, values }; an unknown or missing tab is "events".
  function parseHash(hash) {
    const h = String(hash || "").replace(/^#/, "");
    const cut = h.indexOf("?");
    const tab = cut < 0 ? h : h.slice(0, cut);
    const qs = cut < 0 ? "" : h.slice(cut + 1);
    return { tab: TABS.includes(tab) ? tab : "events", values: Object.fromEntries(new URLSearchParams(qs)) };
  }

  // { tab, values } → "#tab?k=v&…", empty values left out.
  function formatHash(tab, values) {
    const kept = Object.entries(values || {}).filter(([, v]) => v !== "" && v !== null && v !== undefined);
    const qs = new URLSearchParams(kept).toString();
    return "#" + (TABS.includes(tab) ? tab : "events") + (qs ? "?" + qs : "");
  }

  // What the detail panel shows, as kept in the address: "event:ID" or "doc:ID:OFFSET" (the offset may be empty).
  function parseOpen(open) {
    const parts = String(open || "").split(":");
    if (parts[0] === "event" && parts.length === 2 && /^\d+$/.test(parts[1])) return { kind: "event", id: Number(parts[1]) };
    if (parts[0] === "doc" && parts.length <= 3 && parts[1]) {
      const at = parts.length === 3 && /^\d+$/.test(parts[2]) ? Number(parts[2]) : null;
      return { kind: "doc", id: parts[1], at };
    }
    return null;
  }

  // A document's events (as /api/documents/{id} gives them) cut its clean text into pieces at every span boundary:
  // [{ start, end, kinds: ["trigger", "actor"], titles, event, focus }], in order, covering the whole text. A piece
  // under no span has no kinds; under a trigger, `event` is the first such event's id. Offsets are UTF-16 code units,
  // as in the store and in JavaScript strings; offsets outside the text are clamped, empty spans dropped. One sweep
  // over the sorted boundaries, so a long document with thousands of events stays quick.
  function markSegments(text, events, focusStart) {
    const length = text.length;
    const clamp = x => Math.max(0, Math.min(length, x));
    const spans = [];
    for (const e of events || []) {
      if (e.trigger && Number.isInteger(e.trigger.start) && Number.isInteger(e.trigger.end)) {
        const title = `${e.source ? e.source.code : "—"} → ${e.cameo} → ${e.target ? e.target.code : "—"} (${e.modality}, ${e.date})`;
        spans.push({ start: clamp(e.trigger.start), end: clamp(e.trigger.end), kind: "trigger", event: e.event, title,
          focus: focusStart !== null && focusStart !== undefined && e.trigger.start === focusStart });
      }
      for (const a of [e.source, e.target]) {
        if (a && Number.isInteger(a.start) && Number.isInteger(a.end))
          spans.push({ start: clamp(a.start), end: clamp(a.end), kind: "actor", title: a.code, focus: false });
      }
    }
    // A stable sort by start keeps the events' own order among spans that start together.
    const live = spans.filter(s => s.end > s.start).sort((a, b) => a.start - b.start);
    const points = [...new Set([0, length, ...live.flatMap(s => [s.start, s.end])])].sort((a, b) => a - b);
    const pieces = [];
    let active = [], next = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i], end = points[i + 1];
      active = active.filter(s => s.end > start);
      while (next < live.length && live[next].start <= start) active.push(live[next++]);
      const trigger = active.find(s => s.kind === "trigger");
      pieces.push({
        start, end,
        kinds: [...new Set(active.map(s => s.kind))],
        titles: active.map(s => s.title),
        event: trigger ? trigger.event : null,
        focus: active.some(s => s.focus),
      });
    }
    return pieces;
  }

  exports.TABS = TABS;
  exports.isWebUrl = isWebUrl;
  exports.parseHash = parseHash;
  exports.formatHash = formatHash;
  exports.parseOpen = parseOpen;
  exports.markSegments = markSegments;
})(typeof module === "object" && module.exports ? module.exports : (globalThis.SitrepExplorer = {}));
