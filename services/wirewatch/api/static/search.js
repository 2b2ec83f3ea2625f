// Wirewatch archive search and article view: plain JavaScript, no build step.
// Searches /api/v1/search, opens /api/v1/articles/{id}, and draws the article's text with its
// country mentions and agreement evidence highlighted from the spans the tagger recorded.
"use strict";

function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

// The server escapes a snippet's text and adds only <mark>…</mark>: rebuild it as nodes, never as HTML.
function snippetNodes(snippet) {
  const out = document.createDocumentFragment();
  let inMark = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") inMark = true;
    else if (part === "</mark>") inMark = false;
    else if (part) {
      const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      out.append(inMark ? node("mark", "", text) : document.createTextNode(text));
    }
  }
  return out;
}

// Text split at every span boundary; each piece wrapped in the spans covering it
// (an evidence sentence as <span class="evidence">, a country mention as <mark class="country">).
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    let piece = document.createTextNode(text.slice(from, to));
    for (const span of spans) {
      if (span.start <= from && to <= span.end) {
        const wrap = node(span.kind === "country" ? "mark" : "span", span.kind);
        wrap.title = span.label;
        wrap.append(piece);
        piece = wrap;
      }
    }
    out.append(piece);
  }
  return out;
}

function spansOf(article, field) {
  const spans = [];
  for (const agreement of article.agreements || []) {
    const span = agreement.evidence_span;
    if (span && span.field === field) {
      spans.push({ ...span, kind: "evidence", label: `${agreement.type} agreement, ${agreement.status}: ${agreement.parties.join(" – ")}` });
    }
  }
  for (const country of article.countries || []) {
    for (const span of country.spans || []) if (span.field === field) spans.push({ ...span, kind: "country", label: country.code });
  }
  // Wrapped in this order, innermost first: a country mark inside its evidence sentence stays visible.
  return spans.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "country" ? -1 : 1));
}

async function openArticle(id) {
  const view = document.getElementById("article");
  const response = await fetch(`/api/v1/articles/${encodeURIComponent(id)}`);
  const article = await response.json();
  if (!response.ok) throw new Error(article.error ? article.error.message : response.statusText);
  view.replaceChildren();
  const title = node("h3", "article-title");
  title.append(highlighted(article.title, spansOf(article, "title")));
  const meta = node("p", "article-meta", [article.lang, article.published, (article.countries || []).map((c) => c.code).join(" ")].filter(Boolean).join(" · "));
  const body = node("div", "article-body");
  body.append(highlighted(article.body, spansOf(article, "body")));
  view.append(title, meta, body);
  view.hidden = false;
  view.dataset.article = article.id;
}

async function runSearch(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form).entries()) if (String(value).trim()) params.set(key, String(value).trim());
  const list = document.getElementById("results");
  const error = document.getElementById("search-error");
  error.textContent = "";
  const response = await fetch(`/api/v1/search?${params}`);
  const body = await response.json();
  if (!response.ok) { error.textContent = body.error ? body.error.message : response.statusText; return; }
  list.replaceChildren();
  for (const hit of body.items) {
    const item = node("li", "hit");
    item.dataset.id = hit.id;
    item.dataset.match = hit.match;
    const open = node("button", "hit-title", hit.title || hit.id);
    open.type = "button";
    open.addEventListener("click", () => openArticle(hit.id).catch((e) => { error.textContent = e.message; }));
    const snippet = node("p", "snippet");
    snippet.append(snippetNodes(hit.snippet));
    item.append(open, node("span", "lang", hit.lang || ""), node("span", "state", hit.match), snippet);
    list.append(item);
  }
  document.getElementById("hits").textContent = `${body.items.length} article(s)`;
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("search");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch(form).catch((e) => { document.getElementById("search-error").textContent = e.message; });
  });
});
