// Wirewatch live dashboard: plain JavaScript, no build step. Reads the JSON API once, then
// follows /api/v1/stream (Server-Sent Events) and redraws the list, the timeline and the charts.
"use strict";

const COLOURS = {
  military: "#b3372f", security: "#d9822b", nuclear: "#7b3fb5", energy: "#c9a227", trade: "#2357c6",
  economic: "#1f8a8a", financial: "#4c6a92", agriculture: "#4f8a2b", humanitarian: "#d65f9b",
  diplomatic: "#58607a", environment: "#2e9e5b", other: "#8a8f9c",
};
const state = { agreements: new Map(), filters: new URLSearchParams(), source: null, redraw: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function when(text) {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

function setStatus(kind, text) {
  const node = document.getElementById("status");
  node.dataset.state = kind;
  node.textContent = text;
}

function renderAgreement(doc, fresh) {
  const evidence = el("ul", { class: "evidence" });
  for (const item of doc.evidences || [{ evidence: doc.evidence, lang: doc.lang }]) {
    if (!item.evidence) continue;
    evidence.append(el("li", {}, el("span", { class: "lang" }, item.lang || ""), el("q", {}, item.evidence)));
  }
  const sources = el("div", { class: "sources" }, `${doc.reports || 1} report(s): `);
  for (const source of doc.sources || []) {
    const href = source.url && safeUrl(source.url);
    sources.append(href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, new URL(href).hostname)
      : el("span", { class: "lang" }, `${source.lang || ""} ${source.article_id}`), " ");
  }
  const colour = COLOURS[doc.type] || COLOURS.other;
  return el("li", { class: "agreement" + (fresh ? " fresh" : ""), "data-agreement-id": doc.id, "data-type": doc.type },
    el("div", { class: "head" },
      el("span", { class: "parties" }, doc.parties.join(" – ")),
      el("span", { class: "badge", style: `background:${colour}` }, doc.type),
      el("span", { class: "state" }, `${doc.status.replaceAll("_", " ")}${doc.duration ? " · " + doc.duration : ""}`),
      el("span", { class: "state" }, `first seen ${when(doc.first_seen)}`)),
    evidence, sources);
}

function renderList(freshId) {
  const list = document.getElementById("agreements");
  const docs = [...state.agreements.values()].sort((a, b) => (b.last_seen > a.last_seen ? 1 : -1));
  list.replaceChildren(...docs.map((doc) => renderAgreement(doc, doc.id === freshId)));
  document.getElementById("empty").hidden = docs.length > 0;
  document.getElementById("count").textContent = docs.length ? `(${docs.length})` : "";
}

function renderTimeline() {
  const svg = document.getElementById("timeline");
  const docs = [...state.agreements.values()];
  const times = docs.map((d) => new Date(d.first_seen).getTime()).filter((t) => !Number.isNaN(t));
  svg.replaceChildren();
  if (!times.length) return;
  // At least an hour wide, centred on the data, so a burst of reports does not pile up at one edge.
  const first = Math.min(...times), last = Math.max(...times);
  const pad = Math.max(0, 3_600_000 - (last - first)) / 2 + 60_000;
  const low = first - pad, high = last + pad;
  const ns = "http://www.w3.org/2000/svg";
  const axis = document.createElementNS(ns, "line");
  Object.entries({ x1: 10, x2: 790, y1: 100, y2: 100, stroke: "#c4cad6" }).forEach(([k, v]) => axis.setAttribute(k, v));
  svg.append(axis);
  for (const [x, t, anchor] of [[12, low, "start"], [788, high, "end"]]) {
    const label = document.createElementNS(ns, "text");
    Object.entries({ x, y: 114, "font-size": 10, fill: "#687086", "text-anchor": anchor }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = when(new Date(t).toISOString());
    svg.append(label);
  }
  const types = Object.keys(COLOURS);
  for (const doc of docs) {
    const t = new Date(doc.first_seen).getTime();
    if (Number.isNaN(t)) continue;
    const dot = document.createElementNS(ns, "circle");
    const x = 10 + ((t - low) / (high - low)) * 780;
    const y = 15 + (types.indexOf(doc.type) % 6) * 14;
    Object.entries({ cx: x, cy: y, r: 5, fill: COLOURS[doc.type] || COLOURS.other }).forEach(([k, v]) => dot.setAttribute(k, v));
    const title = document.createElementNS(ns, "title");
    title.textContent = `${doc.parties.join("–")} ${doc.type} (${when(doc.first_seen)})`;
    dot.append(title);
    svg.append(dot);
  }
  const seen = new Set(docs.map((d) => d.type));
  document.getElementById("legend").replaceChildren(...[...seen].map((type) =>
    el("span", {}, el("span", { class: "swatch", style: `background:${COLOURS[type] || COLOURS.other}` }), type)));
}

function renderBars(id, rows, label, value, cls) {
  const top = Math.max(1, ...rows.map(value));
  document.getElementById(id).replaceChildren(...rows.map((row) =>
    el("li", {}, el("span", {}, label(row)),
      el("span", { class: `bar ${cls}`, style: `width:${(100 * value(row)) / top}%` }), el("span", {}, value(row)))));
}

async function getJson(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? `${body.error.parameter || ""} ${body.error.message}` : response.statusText);
  return body;
}

async function refreshCharts() {
  try {
    const pairs = await getJson("/api/v1/pairs?limit=10");
    renderBars("pairs", pairs.items, (r) => r.countries.join("–"), (r) => r.agreements || r.articles, "");
    const countries = await getJson("/api/v1/countries?window=24h&limit=10");
    renderBars("countries", countries.items, (r) => r.country, (r) => r.articles, "articles");
  } catch (error) {
    console.warn("charts", error);
  }
}

function scheduleRedraw() {
  clearTimeout(state.redraw);
  state.redraw = setTimeout(() => { renderTimeline(); refreshCharts(); }, 300);
}

async function loadAgreements() {
  const params = new URLSearchParams(state.filters);
  params.set("limit", "200");
  const page = await getJson(`/api/v1/agreements?${params}`);
  state.agreements = new Map(page.items.map((doc) => [doc.id, doc]));
  renderList(null);
  renderTimeline();
}

function follow() {
  if (state.source) state.source.close();
  const source = new EventSource(`/api/v1/stream?${state.filters}`);
  state.source = source;
  source.addEventListener("open", () => setStatus("live", "live"));
  source.addEventListener("error", () => setStatus("offline", "reconnecting…"));
  source.addEventListener("agreement", (message) => {
    const doc = JSON.parse(message.data);
    state.agreements.set(doc.id, doc);
    renderList(doc.id);
    scheduleRedraw();
  });
}

async function apply(form) {
  const data = new FormData(form);
  state.filters = new URLSearchParams();
  for (const [key, value] of data.entries()) if (String(value).trim()) state.filters.set(key, String(value).trim());
  document.getElementById("error").textContent = "";
  try {
    await loadAgreements();
    follow();
  } catch (error) {
    document.getElementById("error").textContent = error.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(form); });
  apply(form);
  refreshCharts();
  setInterval(refreshCharts, 10_000);
});
