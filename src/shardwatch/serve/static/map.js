// shardwatch dashboard, the map: country outlines, markers, pan and zoom, and clustering.
// Loaded before app.js, whose helpers (svg, el, api, headline, markerColour, showEvidence,
// showRecordList) it calls when the page runs.
"use strict";

// Markers closer than this many screen pixels are drawn as one cluster with its count (Iraq
// and Syria put dozens of events within a few pixels of each other at the whole-region view).
// 14 px is a little more than a marker's diameter (10 px), so markers that would overlap are
// clustered and markers that merely touch are not.
const CLUSTER_PIXELS = 14;
const MARKER_PIXELS = 5;

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

const view = { x: -180, y: -85, w: 360, h: 225 };

// The map's width over its height on the page (style.css gives it 16:10, taller than the
// world's 360:145, so that a region fills it).
function mapAspect() {
  const box = document.getElementById("map").getBoundingClientRect();
  return box.width && box.height ? box.width / box.height : 1.6;
}
let placedRecords = [];
let clusteredAt = null;  // the view width the markers were last clustered for
// Records fanned out around the one spot they share (a cluster no zoom can take apart, such
// as several events placed at one city's centre), until the filters change.
let fanned = new Set();

// Map units (degrees) per screen pixel at the current view.
function degreesPerPixel() {
  const map = document.getElementById("map");
  return view.w / (map.getBoundingClientRect().width || 800);
}

function setView(v) {
  Object.assign(view, v);
  const map = document.getElementById("map");
  map.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  // Panning keeps distances on screen, so clusters change only when the zoom does.
  if (clusteredAt !== view.w) renderMarkers();
}

function fitView(records, margin = 8) {
  const points = records.filter(r => r.place && r.place.lon !== null && r.place.lon !== undefined);
  const aspect = mapAspect();
  if (!points.length) return setView({ x: -180, y: -60 - 180 / aspect, w: 360, h: 360 / aspect });
  const lons = points.map(r => r.place.lon), lats = points.map(r => r.place.lat);
  let x0 = Math.max(-180, Math.min(...lons) - margin), x1 = Math.min(180, Math.max(...lons) + margin);
  let y0 = Math.max(-85, -Math.max(...lats) - margin), y1 = Math.min(60, -Math.min(...lats) + margin);
  // keep the map's shape so that the box fills it
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
    const w = Math.min(720, Math.max(0.05, view.w * factor)), h = w * view.h / view.w;
    setView({ x: view.x + (view.w - w) * fx, y: view.y + (view.h - h) * fy, w, h });
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", event => {
    if (event.target.closest(".marker, .cluster")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view } };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener("pointermove", event => {
    if (!drag) return;
    const scale = degreesPerPixel();
    setView({ x: drag.view.x - (event.clientX - drag.x) * scale, y: drag.view.y - (event.clientY - drag.y) * scale });
  });
  map.addEventListener("pointerup", () => { drag = null; });
}

// Greedy clustering in screen space: each record, west to east, joins the first cluster whose
// centre lies within CLUSTER_PIXELS of it, else starts one. Deterministic for a given zoom.
function clusters(records, degrees) {
  const reach = CLUSTER_PIXELS * degrees;
  const found = [];
  const sorted = [...records].sort((a, b) => a.place.lon - b.place.lon || a.place.lat - b.place.lat ||
                                             (a.id < b.id ? -1 : 1));
  for (const record of sorted) {
    const x = record.place.lon, y = -record.place.lat;
    const near = found.find(c => Math.hypot(c.x - x, c.y - y) <= reach);
    if (near) {
      near.members.push(record);
      near.x += (x - near.x) / near.members.length;
      near.y += (y - near.y) / near.members.length;
    } else found.push({ x, y, members: [record] });
  }
  return found;
}

function marker(record, x, y, degrees) {
  const circle = svg("circle", { cx: x, cy: y, r: (MARKER_PIXELS * degrees).toFixed(4), class: `marker ${record.type}`,
                                 fill: markerColour(record), "data-id": record.id, "data-kind": record.kind });
  const title = svg("title");
  title.textContent = headline(record);
  circle.append(title);
  circle.addEventListener("click", () => showEvidence(record));
  return circle;
}

// Records sharing one spot, drawn on a ring around it (room for a marker each), each joined
// to the spot by a thin line.
function drawFan(group, records, degrees) {
  const spots = new Map();
  for (const record of records) {
    const key = `${record.place.lon},${record.place.lat}`;
    if (!spots.has(key)) spots.set(key, []);
    spots.get(key).push(record);
  }
  for (const members of spots.values()) {
    const x = members[0].place.lon, y = -members[0].place.lat;
    const radius = Math.max(CLUSTER_PIXELS, members.length * 3 * MARKER_PIXELS / (2 * Math.PI)) * degrees;
    members.forEach((record, i) => {
      const angle = 2 * Math.PI * i / members.length - Math.PI / 2;
      const mx = x + radius * Math.cos(angle), my = y + radius * Math.sin(angle);
      group.append(svg("line", { x1: x, y1: y, x2: mx, y2: my, class: "fan-line" }));
      group.append(marker(record, mx, my, degrees));
    });
  }
}

function renderMarkers() {
  const group = document.getElementById("markers");
  group.replaceChildren();
  const degrees = degreesPerPixel();
  clusteredAt = view.w;
  drawFan(group, placedRecords.filter(r => fanned.has(r.id)), degrees);
  const found = clusters(placedRecords.filter(r => !fanned.has(r.id)), degrees);
  // single markers first, clusters over them: a count is never hidden by a neighbour's marker
  found.sort((a, b) => (a.members.length > 1) - (b.members.length > 1));
  for (const cluster of found) {
    if (cluster.members.length === 1) {
      const record = cluster.members[0];
      group.append(marker(record, record.place.lon, -record.place.lat, degrees));
      continue;
    }
    const n = cluster.members.length;
    const node = svg("g", { class: "cluster", "data-count": n, "data-ids": cluster.members.map(r => r.id).join(" ") });
    const radius = (8 + 2 * Math.log2(n)) * degrees;
    node.append(svg("circle", { cx: cluster.x, cy: cluster.y, r: radius.toFixed(4), class: "cluster-dot" }));
    const count = svg("text", { x: cluster.x, y: cluster.y, "font-size": (10 * degrees).toFixed(4), class: "cluster-count",
                                "text-anchor": "middle", "dominant-baseline": "central" });
    count.textContent = String(n);
    node.append(count);
    const title = svg("title");
    title.textContent = `${n} records here (click to zoom in and list them):\n` +
      cluster.members.slice(0, 12).map(headline).join("\n") + (n > 12 ? `\n… and ${n - 12} more` : "");
    node.append(title);
    node.addEventListener("click", () => openCluster(cluster));
    group.append(node);
  }
}

// A cluster's click lists its records in the evidence panel and zooms the map onto them, so
// markers that were only close come apart; records that share one spot are fanned out around it.
function openCluster(cluster) {
  showRecordList(`${cluster.members.length} records at this spot on the map`, cluster.members.map(r => [r.id]));
  const lons = cluster.members.map(r => r.place.lon), lats = cluster.members.map(r => r.place.lat);
  const spread = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
  if (spread > 0) {
    fitView(cluster.members, Math.max(0.05, spread * 0.6));
    return;
  }
  for (const record of cluster.members) fanned.add(record.id);
  renderMarkers();
}

function drawMarkers() {
  // One marker per real event: an incident stands for the events merged into it.
  const merged = new Set(state.incidents.flatMap(i => i.event_ids || []));
  placedRecords = [...state.incidents, ...state.events.filter(e => !merged.has(e.id))]
    .filter(r => r.place && typeof r.place === "object" && r.place.lon !== null && r.place.lon !== undefined);
  clusteredAt = null;
  fanned = new Set();
  fitView(placedRecords);
  const legend = document.getElementById("map-legend");
  const entries = [...Object.entries(state.meta.colours.links).map(([link, colour]) => [`attack, ${link}`, colour]),
                   ...Object.entries(state.meta.colours.kinds)];
  legend.replaceChildren(...entries.map(([label, colour]) =>
    el("span", { class: "key" }, el("i", { style: `background:${colour}` }), label)),
    el("span", { class: "key" }, el("i", { class: "cluster-key" }), "a cluster of nearby records (its count)"));
}
