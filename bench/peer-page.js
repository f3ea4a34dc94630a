// Loaded in the browser by bench/measure.mjs (served under /__bench/ by Playwright routing):
// the same queries over the same records, with our query engine (loften-core compiled to
// wasm by bench/probe, the app's release profile and wasm-opt settings) and with MiniSearch.
//
// MiniSearch indexes one document per promise and per activity, with two fields: the
// record's own words (text, place names, partners) and its agreement's words (title,
// lokalpolisområde, summary, situation, effect, notes, kommuner, priorities, län names), the
// same texts our index reads. Terms are lowercased and folded (å/ä/ö → a/o), prefix search is
// on, terms are combined with AND, fuzzy search is off; filters (kommun, län, år, tema, aktör)
// are a filter callback over stored fields. What is NOT the same: our engine also finds words
// inside compounds (terms of 4+ letters), ranks exact letters over folded ones, lists
// agreements that match by their own texts, and counts facets for all five filters on every
// query; MiniSearch scores with BM25. Results are grouped by agreement in both.

import MiniSearch from "/__bench/minisearch.js";
import initProbe, * as probe from "/__bench/probe/loften_bench_probe.js";

const state = { bytes: null, data: null, mini: null, agreementFilters: null };

/** The app's binary bundle (for our engine) and the same data as JSON (for MiniSearch). */
export async function fetchBundle(binUrl, jsonUrl) {
  state.bytes = new Uint8Array(await (await fetch(binUrl, { cache: "no-store" })).arrayBuffer());
  const text = await (await fetch(jsonUrl, { cache: "no-store" })).text();
  state.data = JSON.parse(text);
  return { bytes: state.bytes.length, jsonBytes: text.length, agreements: state.data.agreements.length };
}

// ---- ours ----------------------------------------------------------------------------------

export async function initOurs() {
  const wasm = await initProbe({ module_or_path: "/__bench/probe/loften_bench_probe_bg.wasm" });
  state.memory = wasm.memory;
  return { wasmBytes: wasm.memory.buffer.byteLength };
}

export function loadOurs() {
  const before = probe.live_bytes();
  const t = performance.now();
  const agreements = probe.load(state.bytes);
  const parseMs = performance.now() - t;
  return { agreements, parseMs, datasetBytes: probe.live_bytes() - before };
}

export function buildOurs() {
  const before = probe.live_bytes();
  const t = performance.now();
  probe.build_index();
  const buildMs = performance.now() - t;
  return { buildMs, indexBytes: probe.live_bytes() - before, wasmMemoryBytes: state.memory.buffer.byteLength };
}

// ---- MiniSearch ----------------------------------------------------------------------------

const fold = (term) => term.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function documents() {
  const d = state.data;
  const kommunByName = new Map(d.kommuner.map((k) => [k.short_name, k]));
  const lanByCode = new Map(d.lan.map((l) => [l.code, l]));
  const areaNames = new Map(d.areas.map((a) => [a.id, a.name]));
  const topicBit = new Map(d.topics.map((t, i) => [t.id, 2 ** i]));
  const bits = (ids) => (ids || []).reduce((m, id) => m + (topicBit.get(id) || 0), 0);
  const places = (ids) => (ids || []).map((id) => areaNames.get(id) || "").join(" ");
  const docs = [];
  const agreementFilters = [];
  d.agreements.forEach((a, ai) => {
    const kommuner = a.kommuner.map((name) => kommunByName.get(name)).filter(Boolean);
    const lan = [...new Set(kommuner.map((k) => k.lan_code))];
    agreementFilters.push({ kommun: kommuner.map((k) => k.slug), lan, from: a.period.from, to: a.period.to });
    const own = [a.title, a.lokalpolisomrade, a.summary, a.situation, a.effect, a.notes, ...a.kommuner, ...(a.priorities || []),
      ...lan.map((c) => lanByCode.get(c)?.name || "")].filter(Boolean).join(" ");
    (a.promises || []).forEach((p, i) => {
      docs.push({ id: `${ai}:p${i}`, a: ai, text: `${p.text} ${places(p.areas)}`, agreement: own, topics: bits(p.topics), actors: 0 });
    });
    (a.activities || []).forEach((x, i) => {
      const actors = (x.actors || []).reduce((m, v) => m | (v === "polisen" ? 1 : v === "kommunen" ? 2 : 0), 0);
      docs.push({ id: `${ai}:a${i}`, a: ai, text: `${x.text} ${places(x.areas)} ${(x.partners || []).join(" ")}`, agreement: own, topics: bits(x.topics), actors });
    });
  });
  return { docs, agreementFilters };
}

export function prepareMini() {
  const t = performance.now();
  state.prepared = documents();
  return { documents: state.prepared.docs.length, prepareMs: performance.now() - t };
}

export function buildMini() {
  const t = performance.now();
  const mini = new MiniSearch({
    fields: ["text", "agreement"],
    storeFields: ["a", "topics", "actors"],
    processTerm: (term) => fold(term),
    searchOptions: { prefix: true, combineWith: "AND", fuzzy: false },
  });
  mini.addAll(state.prepared.docs);
  state.mini = mini;
  // The per-agreement filter table belongs to the peer's index: keep it, drop the documents.
  state.agreementFilters = state.prepared.agreementFilters;
  state.prepared = null;
  return { buildMs: performance.now() - t, documentCount: mini.documentCount, terms: mini.termCount };
}

/// The start page's query string, as MiniSearch arguments.
function miniQuery(qs) {
  const params = new URLSearchParams(qs);
  const q = params.getAll("q").join(" ").trim();
  const kommun = params.getAll("kommun"), lan = params.getAll("lan"), tema = params.getAll("tema");
  const ar = params.getAll("ar").map(Number), aktor = params.getAll("aktor");
  const topicBit = new Map(state.data.topics.map((t, i) => [t.id, 2 ** i]));
  const topicMask = tema.reduce((m, t) => m + (topicBit.get(t) || 0), 0);
  const actorOk = (v) => aktor.length === 0 || aktor.some((a) => (a === "polisen" ? v & 1 : a === "kommunen" ? v & 2 : v === 3));
  const filters = state.agreementFilters;
  const any = kommun.length || lan.length || ar.length || topicMask || aktor.length;
  const filter = any
    ? (r) => {
        const f = filters[r.a];
        return (kommun.length === 0 || f.kommun.some((k) => kommun.includes(k)))
          && (lan.length === 0 || f.lan.some((l) => lan.includes(l)))
          && (ar.length === 0 || ar.some((y) => y >= f.from && y <= f.to))
          && (topicMask === 0 || (r.topics & topicMask) !== 0)
          && actorOk(r.actors);
      }
    : undefined;
  return { q, filter };
}

function runMini(q, filter) {
  const results = state.mini.search(q === "" ? MiniSearch.wildcard : q, filter ? { filter } : {});
  const groups = new Set();
  for (const r of results) groups.add(r.a);
  return { groups: groups.size, records: results.length };
}

// ---- timing --------------------------------------------------------------------------------

/// Median time of one call: samples are batches long enough (≥ 5 ms) that the browser's
/// coarse timer (100 µs without cross-origin isolation) does not matter.
function time(fn, minMs, minSamples) {
  let batch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    if (performance.now() - t >= 5 || batch >= 4096) break;
    batch *= 2;
  }
  const samples = [];
  const start = performance.now();
  while ((samples.length < minSamples || performance.now() - start < minMs) && samples.length < 5000) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - t) / batch);
  }
  samples.sort((a, b) => a - b);
  const at = (p) => samples[Math.round((samples.length - 1) * p)];
  return { median_ms: at(0.5), p95_ms: at(0.95), samples: samples.length, batch };
}

export function benchQuery(qs, engine, minMs = 500, minSamples = 15) {
  if (engine === "ours") {
    const ignored = probe.set_query(qs);
    if (ignored) throw new Error(`our engine ignored ${ignored} values of ${qs}`);
    const groups = probe.search();
    return { groups, records: probe.last_records(), ...time(() => probe.search(), minMs, minSamples) };
  }
  const { q, filter } = miniQuery(qs);
  const counts = runMini(q, filter);
  return { ...counts, ...time(() => runMini(q, filter), minMs, minSamples) };
}
