// shardwatch dashboard: plain JavaScript, no outside resources.
// Every piece of text from the database goes into the page as a text node (textContent or
// document.createTextNode), never as HTML, so an article containing <script> shows it as text.
"use strict";

const API = "/api/v1";
const SVG_NS = "http://www.w3.org/2000/svg";
const state = { meta: null, filters: {}, events: [], incidents: [], claims: [], contradictions: [],
                byId: new Map(), available: {} };

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
  return [place.canonical || place.name, place.country].filter(Boolean).join(", ");
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
  // Scroll each article's text (not the page) to its first highlighted span.
  for (const text of body.querySelectorAll(".article-text")) {
    const first = text.querySelector("mark.hl");
    if (first) text.scrollTop = Math.max(0, first.offsetTop - 60);
  }
  document.getElementById("evidence").scrollTop = 0;
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

// -- the map ----------------------------------------------------------------------------------

function ringPath(ring) {
  return "M" + ring.map(([lon, lat]) => `${lon.toFixed(2)},${(-lat).toFixed(2)}`).join("L") + "Z";
}

async function drawCountries() {
  const geo = await api("/geo/countries");
  const group = document.getElementById("countries");
  for (const feature of geo.features) {
    const d = feature.geometry.coordinates.map(polygon => polygon.map(ringPath).join("")).join("");
    const path = svg("path", { d, class: "country" });
    path.append(svg("title"));
    path.firstChild.textContent = feature.properties.name;
    group.append(path);
  }
}

const view = { x: -180, y: -85, w: 360, h: 145 };

function setView(v) {
  Object.assign(view, v);
  const map = document.getElementById("map");
  map.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  const pixels = map.getBoundingClientRect().width || 800;
  const radius = 5 * view.w / pixels;
  for (const marker of map.querySelectorAll("circle.marker")) marker.setAttribute("r", radius.toFixed(3));
}

function fitView(records) {
  const points = records.filter(r => r.place && r.place.lon !== null && r.place.lon !== undefined);
  if (!points.length) return setView({ x: -180, y: -85, w: 360, h: 145 });
  const lons = points.map(r => r.place.lon), lats = points.map(r => r.place.lat);
  const margin = 8;
  let x0 = Math.max(-180, Math.min(...lons) - margin), x1 = Math.min(180, Math.max(...lons) + margin);
  let y0 = Math.max(-85, -Math.max(...lats) - margin), y1 = Math.min(60, -Math.min(...lats) + margin);
  // keep the map's shape so that the box fills it
  const aspect = 360 / 145;
  if ((x1 - x0) / (y1 - y0) < aspect) { const w = (y1 - y0) * aspect; x0 -= (w - (x1 - x0)) / 2; x1 = x0 + w; }
  else { const h = (x1 - x0) / aspect; y0 -= (h - (y1 - y0)) / 2; y1 = y0 + h; }
  setView({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
}

function enablePanZoom() {
  const map = document.getElementById("map");
  map.addEventListener("wheel", event => {
    event.preventDefault();
    const box = map.getBoundingClientRect();
    const fx = (event.clientX - box.left) / box.width, fy = (event.clientY - box.top) / box.height;
    const factor = event.deltaY > 0 ? 1.2 : 1 / 1.2;
    const w = Math.min(720, Math.max(2, view.w * factor)), h = w * view.h / view.w;
    setView({ x: view.x + (view.w - w) * fx, y: view.y + (view.h - h) * fy, w, h });
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", event => {
    if (event.target.classList.contains("marker")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view } };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener("pointermove", event => {
    if (!drag) return;
    const scale = view.w / map.getBoundingClientRect().width;
    setView({ x: drag.view.x - (event.clientX - drag.x) * scale, y: drag.view.y - (event.clientY - drag.y) * scale });
  });
  map.addEventListener("pointerup", () => { drag = null; });
}

function drawMarkers() {
  const group = document.getElementById("markers");
  group.replaceChildren();
  // One marker per real event: an incident stands for the events merged into it.
  const merged = new Set(state.incidents.flatMap(i => i.event_ids || []));
  const placed = [...state.incidents, ...state.events.filter(e => !merged.has(e.id))]
    .filter(r => r.place && typeof r.place === "object" && r.place.lon !== null && r.place.lon !== undefined);
  for (const record of placed) {
    const circle = svg("circle", { cx: record.place.lon, cy: -record.place.lat, r: 1, class: `marker ${record.type}`,
                                   fill: markerColour(record), "data-id": record.id, "data-kind": record.kind });
    const title = svg("title");
    title.textContent = headline(record);
    circle.append(title);
    circle.addEventListener("click", () => showEvidence(record));
    group.append(circle);
  }
  fitView(placed);
  const legend = document.getElementById("map-legend");
  const entries = [...Object.entries(state.meta.colours.links).map(([link, colour]) => [`attack, ${link}`, colour]),
                   ...Object.entries(state.meta.colours.kinds)];
  legend.replaceChildren(...entries.map(([label, colour]) =>
    el("span", { class: "key" }, el("i", { style: `background:${colour}` }), label)));
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
  const width = 900, left = 40, right = 10, band = (width - left - right) / months.length;
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
  const step = Math.max(1, Math.ceil(months.length / 18));
  months.forEach((month, i) => {
    if (i % step === 0) label(left + i * band + band / 2, axis + attackH + 14, month, "tick month", "middle");
  });
  const legend = document.getElementById("timeline-legend");
  legend.replaceChildren(...["territory_gained", "territory_lost", ...links].map(series =>
    el("span", { class: "key" }, el("i", { style: `background:${data.colours[series]}` }), data.labels[series])));
}

// -- tables ---------------------------------------------------------------------------------

const COLUMNS = {
  events: [["date", r => r.date], ["kind", r => r.kind], ["place", r => placeName(r.place)],
           ["perpetrators", r => (r.actors || []).filter(a => a.role.startsWith("perpetrator")).map(a => a.name).join(", ")],
           ["killed", r => quantity(r.killed)], ["wounded", r => quantity(r.wounded)],
           ["link / change", r => r.link || r.change || r.outcome || ""],
           ["sentence", r => (r.evidence && r.evidence[0] ? r.evidence[0].text : "")]],
  incidents: [["date", r => r.date], ["kind", r => r.kind], ["place", r => placeName(r.place)],
              ["sources", r => r.independent_sources ?? ""],
              ["killed (by source)", r => ((r.values || {}).killed || []).map(v => quantity(v.value)).join(" / ")],
              ["events", r => (r.event_ids || []).length]],
  claims: [["measure", r => r.measure], ["value", r => r.value ?? [r.low, r.high].filter(v => v !== null && v !== undefined).join("-")],
           ["unit", r => r.unit], ["qualifier", r => r.qualifier], ["as of", r => r.as_of],
           ["scope", r => placeName(r.scope)], ["claimant", r => r.claimant ? [r.claimant.name, r.claimant.role].filter(Boolean).join(", ") : ""]],
  contradictions: [["about", r => r.about], ["detail", r => typeof r.detail === "string" ? r.detail : JSON.stringify(r.detail)],
                   ["records", r => (r.claim_ids || []).join(", ") || r.incident_id || ""]],
};

function drawTable(kind) {
  const section = document.querySelector(`section[data-kind="${kind}"]`);
  const holder = section.querySelector(".table");
  const records = state[kind];
  if (!state.available[kind] || !records.length) {
    holder.replaceChildren(el("p", { class: "none" }, state.available[kind] ? "none yet (nothing matches)" : "none yet"));
    return;
  }
  const needle = section.querySelector("input.quick").value.trim().toLowerCase();
  const columns = COLUMNS[kind];
  const rows = records.map(r => ({ record: r, cells: columns.map(([, get]) => String(get(r) ?? "")) }))
    .filter(row => !needle || row.cells.some(c => c.toLowerCase().includes(needle)));
  holder.replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, columns.map(([name]) => el("th", {}, name)))),
    el("tbody", {}, rows.map(row => el("tr", { "data-id": row.record.id, onclick: () => showEvidence(row.record) },
      row.cells.map(c => el("td", {}, c)))))),
    el("p", { class: "hint" }, `${rows.length} of ${records.length} rows`));
}

// -- loading ----------------------------------------------------------------------------------

function readFilters() {
  const form = document.getElementById("filters");
  const values = Object.fromEntries(new FormData(form).entries());
  for (const key of Object.keys(values)) if (!values[key]) delete values[key];
  if (values.country) values.country = values.country.toUpperCase();
  return values;
}

async function load() {
  status("loading…");
  state.filters = readFilters();
  const { kind, ...common } = state.filters;
  try {
    const events = await all("/events", state.filters);
    state.events = events.items;
    state.available.events = true;
    for (const name of ["incidents", "claims", "contradictions"]) {
      const params = name === "incidents" ? state.filters : common;
      const result = state.meta.available[name] ? await all("/" + name, params) : { items: [], available: false };
      state[name] = result.items;
      state.available[name] = result.available;
    }
    remember([...state.events, ...state.incidents, ...state.claims, ...state.contradictions]);
    drawMarkers();
    await drawTimeline();
    for (const name of ["events", "incidents", "claims", "contradictions"]) drawTable(name);
    status(`${state.events.length} events shown`);
    document.body.dataset.ready = "true";
  } catch (error) {
    status(error.message, true);
  }
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
  form.addEventListener("submit", event => { event.preventDefault(); load(); });
  form.addEventListener("reset", () => setTimeout(load, 0));
  for (const input of document.querySelectorAll("input.quick")) {
    input.addEventListener("input", () => drawTable(input.closest("section").dataset.kind));
  }
  enablePanZoom();
  await drawCountries();
  await load();
}

document.addEventListener("DOMContentLoaded", start);
