// The API reference, drawn from /openapi.json with no outside resources (text nodes only).
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter(t => t !== "null").join(" | ");
  if (schema.enum) return schema.enum.join(" | ");
  const limits = [schema.format, schema.pattern && `pattern ${schema.pattern}`,
                  schema.minimum !== undefined && `≥ ${schema.minimum}`, schema.maximum !== undefined && `≤ ${schema.maximum}`]
    .filter(Boolean).join(", ");
  return (schema.type || "") + (limits ? ` (${limits})` : "");
}

async function start() {
  const spec = await (await fetch("/openapi.json")).json();
  const routes = document.getElementById("routes");
  routes.replaceChildren(el("p", {}, `${spec.info.title} ${spec.info.version}: ${spec.info.description}`),
    el("p", {}, "Every error answers {\"ok\": false, \"status\", \"error\", \"details\"}; unknown query parameters are refused."));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters || [];
      routes.append(el("section", { class: "route" },
        el("h2", {}, `${method.toUpperCase()} ${path}`),
        el("p", {}, op.summary || ""),
        params.length ? el("table", {}, el("thead", {}, el("tr", {}, ["parameter", "in", "type", "default", "description"].map(h => el("th", {}, h)))),
          el("tbody", {}, params.map(p => el("tr", {},
            el("td", {}, p.name + (p.required ? " *" : "")), el("td", {}, p.in), el("td", {}, typeOf(p.schema)),
            el("td", {}, p.schema && p.schema.default !== undefined ? JSON.stringify(p.schema.default) : ""),
            el("td", {}, p.description || (p.schema && p.schema.description) || ""))))) : el("p", { class: "hint" }, "no parameters")));
    }
  }
}

document.addEventListener("DOMContentLoaded", start);
