// shardwatch dashboard: plain JavaScript, no outside resources.
// Every piece of text from the database goes into the page as a text node (textContent or
// document.createTextNode), never as HTML, so an article containing <script> shows it as text.
"use strict";

const API = "/api/v1";
const SVG_NS = "http://www.w3.org/2000/svg";
const state = { meta: null, filters: {}, events: [], incidents: [], claims: [], quotes: [], indicators: [],
                contradictions: [], sources: [], byId: new Map(), available: {} };

// -- small helpers ------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  return node;
}

function status(message, isError) {
  const node = document.getElementById("status");
  node.textContent = message || "";
  node.className = isError ? "error" : "";
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) if (value) query.set(key, value);
  const url = API + path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { credentials: "same-origin" });
  const body = await response.json();
  if (!response.ok || body.ok === false) throw new Error(body.error || `${response.status} on ${path}`);
  return body;
}

// Every page of a listing; `available` false when the store has no such records yet.
async function all(path, params) {
  const items = [];
  let offset = 0, available = true;
  for (;;) {
    const page = await api(path, { ...params, limit: state.meta.max_page, offset });
    available = page.available;
    items.push(...page.items);
    if (page.next_offset === null || page.next_offset === undefined) break;
    offset = page.next_offset;
  }
  return { items, available };
}

function quantity(q) {
  if (q === null || q === undefined) return "";
  if (typeof q === "number") return q.toLocaleString("en");
  if (q.low !== null && q.high !== null) return `${q.low}-${q.high}`;
  if (q.low !== null) return `at least ${q.low}`;
  return `up to ${q.high}`;
}

function placeName(place) {
  if (!place) return "";
  if (typeof place === "string") return place;
  const name = [place.canonical || place.name, place.country].filter(Boolean).join(", ");
  // a place the gazetteer cannot locate is drawn at the unit around it: say so
  return place.located_at ? `${name} (shown at ${place.located_at})` : name;
}

function headline(record) {
  if (record.type === "event" || record.type === "incident") {
    const parts = [`${record.kind} in ${placeName(record.place) || "place unknown"}`];
    const perpetrators = (record.actors || []).filter(a => a.role.startsWith("perpetrator")).map(a => a.name);
    if (perpetrators.length) parts.push("by " + perpetrators.join(", "));
    if (record.killed !== null && record.killed !== undefined) parts.push(`${quantity(record.killed)} killed`);
    if (record.link) parts.push(`link: ${record.link}`);
    if (record.change) parts.push(record.change);
    if (record.outcome) parts.push(record.outcome);
    if (record.type === "incident" && record.independent_sources) parts.push(`${record.independent_sources} independent sources`);
    return `${record.date || "undated"}: ${parts.join("; ")}`;
  }
  if (record.type === "claim") {
    const value = record.value ?? [record.low, record.high].filter(v => v !== null && v !== undefined).join("-");
    const claimant = record.claimant ? (record.claimant.name || "") : "";
    return `${record.measure}: ${record.qualifier ? record.qualifier + " " : ""}${value} ${record.unit || ""}` +
      `${record.as_of ? " as of " + record.as_of : ""}${claimant ? " (" + claimant + ")" : ""}`;
  }
  if (record.type === "quote") {
    const speaker = record.speaker ? [record.speaker.name, record.speaker.role].filter(Boolean).join(", ") : "";
    return `${speaker || "unknown speaker"}${record.direct ? "" : " (indirect)"}: “${record.text}”`;
  }
  if (record.type === "contradiction") return `${record.about || "contradiction"}: ${record.detail || ""}`;
  return record.id;
}

function markerColour(record) {
  const colours = state.meta.colours;
  if (record.kind === "attack") return colours.links[record.link || "unknown"] || colours.links.unknown;
  return colours.kinds[record.kind] || "#424242";
}

function remember(records) {
  for (const record of records) state.byId.set(record.id, record);
}

// -- evidence -------------------------------------------------------------------------------

// The evidence spans of a record: its own, else those of the records it is made of.
function evidenceOf(record, seen = new Set()) {
  if (!record || seen.has(record.id)) return [];
  seen.add(record.id);
  if (record.evidence && record.evidence.length) return record.evidence;
  const parts = [...(record.event_ids || []), ...(record.claim_ids || [])];
  if (record.incident_id) parts.push(record.incident_id);
  return parts.flatMap(id => evidenceOf(state.byId.get(id), seen));
}

// Text with spans marked: cut at every span boundary; a piece inside a span of the record
// shown is a <mark class="hl">, inside another record's span a <mark class="other">.
function markedText(text, current, others) {
  const cuts = new Set([0, text.length]);
  for (const span of [...current, ...others]) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const container = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const inCurrent = current.some(s => s.start <= start && s.end >= end);
    const other = others.filter(s => s.start <= start && s.end >= end);
    if (inCurrent) container.append(el("mark", { class: "hl" }, piece));
    else if (other.length) {
      container.append(el("mark", { class: "other", title: other.map(s => `${s.record_type} ${s.record_id}`).join(", ") }, piece));
    } else container.append(document.createTextNode(piece));
  }
  return container;
}

async function showEvidence(record) {
  const body = document.getElementById("evidence-body");
  body.replaceChildren(el("p", { class: "record-head", "data-record": record.id }, headline(record)));
  const spans = evidenceOf(record);
  if (!spans.length) { body.append(el("p", { class: "hint" }, "No evidence spans for this record.")); return; }
  const byArticle = new Map();
  for (const span of spans) {
    if (!byArticle.has(span.article_id)) byArticle.set(span.article_id, []);
    byArticle.get(span.article_id).push(span);
  }
  for (const [articleId, current] of byArticle) {
    try {
      const { article, spans: all } = await api(`/articles/${encodeURIComponent(articleId)}`);
      const keys = new Set(current.map(s => `${s.start}:${s.end}`));
      const others = all.filter(s => !keys.has(`${s.start}:${s.end}`));
      body.append(el("div", { class: "article", "data-article": article.id },
        el("h3", {}, article.title || article.id),
        el("p", { class: "meta" }, [article.source || "unknown source", article.published || "undated"].join(", "),
           article.url ? " · " : "", article.url ? el("span", { class: "url" }, article.url) : null),
        el("ul", { class: "quoted" }, current.map(s => el("li", {}, s.text))),
        markedText(article.text, current, others)));
    } catch (error) {
      body.append(el("p", { class: "error" }, `article ${articleId}: ${error.message}`));
    }
  }
  // Scroll the evidence panel (the one box that scrolls beside the page) to the first
  // highlighted span, a few lines of its context above it.
  const aside = document.getElementById("evidence");
  const first = body.querySelector("mark.hl");
  aside.scrollTop = first ? Math.max(0, first.getBoundingClientRect().top - aside.getBoundingClientRect().top
                                        + aside.scrollTop - 120) : 0;
}

function showRecordList(title, groups) {
  const body = document.getElementById("evidence-body");
  body.replaceChildren(el("p", { class: "record-head" }, title),
    el("ul", { class: "record-list" }, groups.map(ids => {
      const records = ids.map(id => state.byId.get(id)).filter(Boolean);
      const first = records[0];
      return el("li", {}, el("a", { href: "#", onclick: e => { e.preventDefault(); showEvidence(first); } },
        first ? headline(first) : ids.join(", ")),
        records.length > 1 ? el("span", { class: "hint" }, ` (${records.length} reports)`) : null);
    })));
}

// -- the timeline ---------------------------------------------------------------------------

async function drawTimeline() {
  const params = { since: state.filters.since, until: state.filters.until, as_of: state.filters.as_of };
  const data = await api("/timeline", params);
  const chart = document.getElementById("timeline");
  chart.replaceChildren();
  const months = data.months;
  const note = document.getElementById("timeline-note");
  note.textContent = [
    data.left_out ? `${data.left_out} records dated only to the year or by the report are left out.` : "",
    data.not_organisation ? `${data.not_organisation} attacks abroad with no perpetrator or link tying them to the organisation are left out.` : "",
    data.by_states ? `${data.by_states} strikes abroad by states or coalitions are left out.` : "",
  ].filter(Boolean).join(" ");
  if (!months.length) {
    chart.setAttribute("viewBox", "0 0 800 60");
    const text = svg("text", { x: 10, y: 30, class: "empty" });
    text.textContent = "none yet: no dated territory changes or attacks abroad";
    chart.append(text);
    return;
  }
  const up = ["territory_gained"], down = ["territory_lost"];
  const links = ["directed", "enabled", "inspired", "unknown"];
  const s = data.series;
  const maxTerritory = Math.max(1, ...months.map((_, i) => Math.max(s.territory_gained[i], s.territory_lost[i])));
  const maxAttacks = Math.max(1, ...months.map((_, i) => links.reduce((sum, l) => sum + s[l][i], 0)));
  // drawn at the chart's own width on the page, so that its text is at reading size
  const width = Math.max(360, Math.round(chart.getBoundingClientRect().width) || 900);
  const left = 40, right = 10, band = (width - left - right) / months.length;
  const terrH = 70, attackH = 130, top = 10, axis = top + terrH * 2 + 28, height = axis + attackH + 30;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const bar = (series, i, y, h, label, ids) => {
    const rect = svg("rect", { x: left + i * band + 1, y, width: Math.max(1, band - 2), height: Math.max(0, h),
                               fill: data.colours[series], class: "bar", "data-series": series, "data-month": months[i] });
    const title = svg("title");
    title.textContent = label;
    rect.append(title);
    rect.addEventListener("click", () => showRecordList(label, ids));
    chart.append(rect);
  };
  const mid = top + terrH;
  months.forEach((month, i) => {
    for (const series of [...up, ...down]) {
      const n = s[series][i];
      if (!n) continue;
      const h = n / maxTerritory * terrH;
      bar(series, i, up.includes(series) ? mid - h : mid, h, `${month}: ${n} × ${data.labels[series]}`,
          data.records[series][month] || []);
    }
    let base = axis + attackH;
    for (const link of links) {
      const n = s[link][i];
      if (!n) continue;
      const h = n / maxAttacks * attackH;
      base -= h;
      bar(link, i, base, h, `${month}: ${n} × ${data.labels[link]}`, data.records[link][month] || []);
    }
  });
  const line = (x1, y1, x2, y2) => chart.append(svg("line", { x1, y1, x2, y2, class: "axis" }));
  line(left, mid, width - right, mid);
  line(left, axis + attackH, width - right, axis + attackH);
  const label = (x, y, text, cls, anchor) => {
    const node = svg("text", { x, y, class: cls || "tick", "text-anchor": anchor || "start" });
    node.textContent = text;
    chart.append(node);
  };
  label(2, mid - terrH + 10, `+${maxTerritory}`);
  label(2, mid + terrH, `-${maxTerritory}`);
  label(2, axis + 10, String(maxAttacks));
  label(left + 2, top + 8, "territory gained ▲ / lost ▼", "caption");
  label(left + 2, axis + 8, "attacks abroad (outside Iraq and Syria)", "caption");
  if (!months.some((_, i) => s.territory_gained[i] || s.territory_lost[i])) {
    label(left + (width - left - right) / 2, mid - 6, "no territory changes of the organisation yet", "empty", "middle");
  }
  const step = Math.max(1, Math.ceil(months.length / Math.max(4, Math.floor(width / 56))));
  months.forEach((month, i) => {
    if (i % step === 0) label(left + i * band + band / 2, axis + attackH + 14, month, "tick month", "middle");
  });
  const legend = document.getElementById("timeline-legend");
  legend.replaceChildren(...["territory_gained", "territory_lost", ...links].map(series =>
    el("span", { class: "key" }, el("i", { style: `background:${data.colours[series]}` }), data.labels[series])));
}

// -- tables ---------------------------------------------------------------------------------

// A column: [heading, value of a record, class of its cells]; "nowrap" keeps dates on one line.
const DATE = "nowrap";
function indicatorPoint(c) {
  const value = c.low === c.high || c.high === null ? c.low : `${c.low ?? ""}-${c.high ?? ""}`;
  return `${c.as_of || "undated"}: ${c.qualifier ? c.qualifier + " " : ""}${value ?? c.value_text}`;
}
// A date as precise as it is known: "2014" for a year, "2014-06" for a month.
function dayShown(date, precision) {
  if (!date) return "";
  if (precision === "year") return date.slice(0, 4);
  if (precision === "month") return date.slice(0, 7);
  return date;
}
const COLUMNS = {
  events: [["date", r => dayShown(r.date, r.date_precision), DATE], ["kind", r => r.kind], ["place", r => placeName(r.place)],
           ["perpetrators", r => (r.actors || []).filter(a => a.role.startsWith("perpetrator")).map(a => a.name).join(", ")],
           ["killed", r => quantity(r.killed), DATE], ["wounded", r => quantity(r.wounded), DATE],
           ["link / change", r => r.link || r.change || r.outcome || ""],
           ["sentence", r => (r.evidence && r.evidence[0] ? r.evidence[0].text : "")]],
  incidents: [["date", r => r.date, DATE], ["kind", r => r.kind], ["place", r => placeName(r.place)],
              ["sources", r => r.independent_sources ?? ""],
              ["killed (by source)", r => ((r.values || {}).killed || []).map(v => quantity(v.value)).join(" / ")],
              ["events", r => (r.event_ids || []).length]],
  claims: [["measure", r => r.measure], ["value", r => r.value ?? [r.low, r.high].filter(v => v !== null && v !== undefined).join("-"), DATE],
           ["unit", r => r.unit], ["qualifier", r => r.qualifier], ["as of", r => r.as_of, DATE],
           ["scope", r => placeName(r.scope)], ["claimant", r => r.claimant ? [r.claimant.name, r.claimant.role].filter(Boolean).join(", ") : ""]],
  quotes: [["speaker", r => r.speaker ? r.speaker.name : ""], ["role", r => r.speaker ? r.speaker.role : ""],
           ["", r => r.direct ? "direct" : "indirect"], ["quote", r => r.text]],
  indicators: [["measure", r => r.measure], ["scope", r => r.scope || ""], ["unit", r => r.unit],
               ["claims", r => (r.claims || []).length],
               ["first", r => r.claims && r.claims.length ? indicatorPoint(r.claims[0]) : "", DATE],
               ["latest", r => r.claims && r.claims.length ? indicatorPoint(r.claims[r.claims.length - 1]) : "", DATE],
               ["latest claimant", r => r.claims && r.claims.length ? (r.claims[r.claims.length - 1].claimant || {}).name || "" : ""]],
  contradictions: [["about", r => r.about], ["detail", r => typeof r.detail === "string" ? r.detail : JSON.stringify(r.detail)],
                   ["records", r => (r.claim_ids || []).join(", ") || r.incident_id || ""]],
  sources: [["source", r => r.source], ["kind", r => r.kind], ["last polled (UTC)", r => (r.last_polled || "").replace("T", " ").replace("Z", ""), DATE],
            ["status", r => r.status, DATE], ["new", r => r.items_new], ["failed", r => r.items_failed],
            ["polls", r => r.polls], ["detail", r => r.detail || ""]],
};

// What a click on a row shows: a record's evidence; an indicator's claims; nothing for a source.
function openRow(kind, record) {
  if (kind === "sources") return;
  if (kind === "indicators") {
    showRecordList(`${record.measure}${record.scope ? " in " + record.scope : ""}: ${record.claims.length} claims`,
                   record.claims.map(c => [c.claim_id]));
    return;
  }
  showEvidence(record);
}

function drawTable(kind) {
  const section = document.querySelector(`section[data-kind="${kind}"]`);
  const holder = section.querySelector(".table");
  const records = state[kind];
  if (!state.available[kind] || !records.length) {
    const none = kind === "sources" ? "none yet: `shardwatch watch PATH_OR_FEED...` polls sources" :
      state.available[kind] ? "none yet (nothing matches)" : "none yet";
    holder.replaceChildren(el("p", { class: "none" }, none));
    return;
  }
  const needle = section.querySelector("input.quick").value.trim().toLowerCase();
  const columns = COLUMNS[kind];
  const rows = records.map(r => ({ record: r, cells: columns.map(([, get]) => String(get(r) ?? "")) }))
    .filter(row => !needle || row.cells.some(c => c.toLowerCase().includes(needle)));
  holder.replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, columns.map(([name, , cls]) => el("th", { class: cls }, name)))),
    el("tbody", {}, rows.map(row => el("tr", { "data-id": row.record.id || row.record.source,
                                                 onclick: () => openRow(kind, row.record) },
      row.cells.map((c, i) => el("td", { class: columns[i][2] }, c)))))),
    el("p", { class: "hint" }, `${rows.length} of ${records.length} rows`));
}

// -- filters, in the form and in the URL ---------------------------------------------------------

const FILTERS = ["since", "until", "country", "actor", "kind", "as_of"];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// The form's filters, checked: a date must be a real day written YYYY-MM-DD.
function readFilters() {
  const form = document.getElementById("filters");
  const values = {};
  for (const name of FILTERS) {
    const value = (form.elements[name].value || "").trim();
    if (value) values[name] = value;
  }
  for (const name of ["since", "until", "as_of"]) {
    const value = values[name];
    if (value && (!ISO_DAY.test(value) || new Date(value + "T00:00:00Z").toISOString().slice(0, 10) !== value)) {
      throw new Error(`${name.replace("_", " ")}: ${value} is not a date in YYYY-MM-DD form`);
    }
  }
  if (values.country) values.country = values.country.toUpperCase();
  return values;
}

function filtersFromUrl() {
  const query = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = query.get(name) || "";
}

function queryOf(filters) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  return query.toString();
}

// The downloads are the API's export of the events the filters keep (the CLI's formats).
function setDownloads(filters) {
  const query = queryOf(filters);
  for (const format of ["csv", "geojson"]) {
    const link = document.getElementById(`download-${format}`);
    link.href = `${API}/export?format=${format}${query ? "&" + query : ""}`;
    link.setAttribute("download", `shardwatch-events.${format}`);
  }
}

// -- loading ----------------------------------------------------------------------------------

const LISTINGS = ["incidents", "claims", "quotes", "indicators", "contradictions"];

async function load() {
  status("loading…");
  document.body.dataset.ready = "";
  try {
    state.filters = readFilters();
  } catch (error) {
    status(error.message, true);
    return;
  }
  const { kind, ...common } = state.filters;
  setDownloads(state.filters);
  try {
    const events = await all("/events", state.filters);
    state.events = events.items;
    state.available.events = true;
    for (const name of LISTINGS) {
      const params = name === "incidents" ? state.filters : common;
      const result = state.meta.available[name] ? await all("/" + name, params) : { items: [], available: false };
      state[name] = result.items;
      state.available[name] = result.available;
    }
    const sources = await api("/sources");
    state.sources = sources.items;
    state.available.sources = true;
    remember([...state.events, ...state.incidents, ...state.claims, ...state.quotes, ...state.contradictions]);
    drawMarkers();
    await drawTimeline();
    for (const name of ["events", ...LISTINGS, "sources"]) drawTable(name);
    status(`${state.events.length} events shown`);
    document.body.dataset.ready = "true";
  } catch (error) {
    status(error.message, true);
  }
}

// Applying filters puts them in the URL (a new history entry), so a reload keeps them and
// back and forward step through them.
function apply() {
  let filters;
  try {
    filters = readFilters();
  } catch (error) {
    status(error.message, true);
    return;
  }
  const query = queryOf(filters);
  if (query !== location.search.replace(/^\?/, "")) history.pushState(null, "", query ? "?" + query : location.pathname);
  load();
}

async function start() {
  try {
    state.meta = await api("/meta");
  } catch (error) {
    status(error.message, true);
    return;
  }
  const c = state.meta.counts;
  document.getElementById("summary").textContent =
    `${c.articles} articles, ${c.events} events (${Object.entries(c.events_by_kind).map(([k, n]) => `${n} ${k}`).join(", ") || "none"}), ` +
    `shardwatch ${state.meta.version}`;
  const kinds = document.querySelector("select[name=kind]");
  for (const kind of state.meta.event_kinds) kinds.append(el("option", { value: kind }, kind));
  document.getElementById("as-of-label").hidden = !state.meta.as_of;
  const form = document.getElementById("filters");
  form.addEventListener("submit", event => { event.preventDefault(); apply(); });
  form.addEventListener("reset", () => setTimeout(apply, 0));
  window.addEventListener("popstate", () => { filtersFromUrl(); load(); });
  for (const input of document.querySelectorAll("input.quick")) {
    input.addEventListener("input", () => drawTable(input.closest("section").dataset.kind));
  }
  filtersFromUrl();
  enablePanZoom();
  await drawCountries();
  await load();
}

document.addEventListener("DOMContentLoaded", start);
