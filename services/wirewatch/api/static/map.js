// Wirewatch world map: countries in the news over a chosen window, as a choropleth.
// Plain JavaScript, no build step, no CDN: the shapes are world-110m.json, shipped beside this file
// (Natural Earth via world-atlas, keyed by ISO 3166-1 alpha-3 by scripts/build-world-map).
// Clicking a country filters the agreements below to it.
"use strict";

const MAP = { width: 960, height: 480, shapes: null };
const SVG_NS = "http://www.w3.org/2000/svg";

// TopoJSON arcs are delta-encoded, quantized points: undo both, then project (equirectangular).
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx; y += dy;
      const lon = x * sx + tx, lat = y * sy + ty;
      return [((lon + 180) / 360) * MAP.width, ((90 - lat) / 180) * MAP.height];
    });
  });
}

// A ring that crosses the antimeridian (Russia, Fiji) jumps from one edge to the other: shift the
// points after a jump by a map's width so the ring stays whole (the part past the edge is clipped)
// instead of drawing a band across the map.
function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  let shift = 0, previous = null;
  const drawn = points.map(([x, y]) => {
    if (previous !== null && Math.abs(x + shift - previous) > MAP.width / 2) shift += x + shift > previous ? -MAP.width : MAP.width;
    previous = x + shift;
    return `${(x + shift).toFixed(1)},${y.toFixed(1)}`;
  });
  return "M" + drawn.join("L") + "Z";
}

function geometryPath(geometry, arcs) {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
  return polygons.map((polygon) => polygon.map((ring) => ringPath(ring, arcs)).join("")).join("");
}

function drawShapes(topology) {
  const svg = document.getElementById("map");
  const arcs = decodeArcs(topology);
  MAP.shapes = new Map();
  for (const geometry of topology.objects.countries.geometries) {
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", geometryPath(geometry, arcs));
    path.classList.add("country");
    if (geometry.id) {
      path.dataset.country = geometry.id;
      path.addEventListener("click", () => filterBy(geometry.id));
      MAP.shapes.set(geometry.id, path);
    }
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = geometry.properties && geometry.properties.name ? geometry.properties.name : geometry.id || "";
    path.append(title);
    svg.append(path);
  }
}

function filterBy(code) {
  const form = document.getElementById("filters");
  form.elements.country.value = code;
  apply(form); // app.js: reload the agreements with the filter and follow the stream with it
}

async function paintCounts() {
  if (!MAP.shapes) return;
  const windowSize = document.getElementById("map-window").value;
  const response = await fetch(`/api/v1/countries?window=${encodeURIComponent(windowSize)}&limit=500`);
  const body = await response.json();
  const max = Math.max(1, ...body.items.map((row) => row.articles));
  for (const path of MAP.shapes.values()) {
    path.classList.remove("in-news");
    path.style.fill = "";
    path.dataset.articles = "0";
  }
  for (const row of body.items) {
    const path = MAP.shapes.get(row.country);
    if (!path) continue;
    const share = Math.log1p(row.articles) / Math.log1p(max); // log scale: one big story does not wash out the rest
    path.classList.add("in-news");
    path.style.fill = `rgba(35, 87, 198, ${(0.2 + 0.8 * share).toFixed(2)})`;
    path.dataset.articles = String(row.articles);
    path.querySelector("title").textContent = `${row.country}: ${row.articles} article(s)`;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  const response = await fetch("/static/world-110m.json");
  drawShapes(await response.json());
  document.getElementById("map-window").addEventListener("change", () => paintCounts());
  await paintCounts();
  setInterval(paintCounts, 10_000);
});
