// Criteria engine (交流基準) in process: evaluations per second and per-evaluation latency of
// `evaluate(request, defaultParameters())`, per document class, with no HTTP and no database.
//   npx tsx bench/criteria-engine.bench.ts [--duration 2] [--runs 5] [--seed 42] [--json]
//
// Classes: `cases` (every case file's input), `clean` (every rule passes), `failing` (3–5 rules
// fail), `large` (~600 KB documents: ~40 posts licensing 100–300 companies each, ~2,000 contract
// totals, ~3,000 jurisdiction rows). Throughput is timed per batch (no timer per call), the median
// of --runs runs of --duration seconds; latency is a separate pass timing each call.
// The last line, `clean via HTTP path`, adds what the route does around the engine in process:
// JSON.parse of the body, the zod request schema, the zod response schema and JSON.stringify.
import { parseArgs } from 'node:util';
import { criteriaRequestSchema, decisionSchema, type CriteriaRequest } from '../common/src/schemas/criteria.schema.ts';
import { loadCases } from '../server/src/modules/criteria/cases.ts';
import { evaluate } from '../server/src/modules/criteria/engine.ts';
import { defaultParameters } from '../server/src/modules/criteria/parameters.ts';
import { generateDocuments } from './generator/criteria-documents.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '2' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
  },
});
const durationMs = Number(values.duration) * 1000;
const runs = Number(values.runs);
const seed = Number(values.seed);
const params = defaultParameters();

type Workload = { name: string; docs: CriteriaRequest[]; run: (d: CriteriaRequest, i: number) => number };

const engine = (d: CriteriaRequest) => evaluate(d, params).rules.length;

const cases = loadCases().map((c) => criteriaRequestSchema.parse(c.input));
const clean = generateDocuments({ seed, count: 500, kind: 'clean' });
const failing = generateDocuments({ seed, count: 500, kind: 'failing' });
const large = generateDocuments({ seed, count: 20, kind: 'large' });
const cleanBodies = clean.map((d) => JSON.stringify(d));
const httpPath = (_d: CriteriaRequest, i: number) => {
  const req = criteriaRequestSchema.parse(JSON.parse(cleanBodies[i]!));
  return JSON.stringify(decisionSchema.parse(evaluate(req, params))).length;
};

// The workload must be what it claims: clean documents eligible, failing ones ineligible.
for (const d of clean) if (evaluate(d, params).overall !== 'eligible') throw new Error('a clean document is not eligible');
for (const d of failing) if (evaluate(d, params).rules.filter((r) => r.outcome === 'fail').length < 3) throw new Error('a failing document fails fewer than 3 rules');
for (const d of [...clean, ...failing, ...large]) criteriaRequestSchema.parse(d);

const workloads: Workload[] = [
  { name: 'cases', docs: cases, run: engine },
  { name: 'clean', docs: clean, run: engine },
  { name: 'failing', docs: failing, run: engine },
  { name: 'large', docs: large, run: engine },
  { name: 'clean via HTTP path', docs: clean, run: httpPath },
];

let sink = 0;

/** Evaluations per second over `ms`, cycling through the documents; the clock is read every 16 calls. */
function throughput(w: Workload, ms: number): number {
  const n = w.docs.length;
  let count = 0;
  let i = 0;
  const t0 = performance.now();
  let now = t0;
  while (now - t0 < ms) {
    for (let k = 0; k < 16; k++) {
      sink += w.run(w.docs[i]!, i);
      if (++i === n) i = 0;
    }
    count += 16;
    now = performance.now();
  }
  return (count * 1000) / (now - t0);
}

/** Per-call latencies in µs over `ms`. */
function latencies(w: Workload, ms: number): Float64Array {
  const out: number[] = [];
  const n = w.docs.length;
  let i = 0;
  const end = performance.now() + ms;
  for (;;) {
    const a = performance.now();
    sink += w.run(w.docs[i]!, i);
    const b = performance.now();
    out.push((b - a) * 1000);
    if (++i === n) i = 0;
    if (b > end) break;
  }
  return Float64Array.from(out).sort();
}

const q = (xs: Float64Array, p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bytes = (docs: CriteriaRequest[]) => Math.round(docs.reduce((s, d) => s + JSON.stringify(d).length, 0) / docs.length);

// Warm-up: every workload for a while, so that the JIT has compiled the hot paths.
for (const w of workloads) throughput(w, Math.min(1_500, durationMs));

const results = [];
for (const w of workloads) {
  const perRun: number[] = [];
  for (let r = 0; r < runs; r++) perRun.push(throughput(w, durationMs));
  const lat = latencies(w, Math.min(2_000, durationMs));
  results.push({
    class: w.name,
    documents: w.docs.length,
    avgDocumentBytes: bytes(w.docs),
    evaluationsPerSecond: Math.round(median(perRun)),
    runs: perRun.map((x) => Math.round(x)),
    latencyUs: { p50: Math.round(q(lat, 0.5) * 10) / 10, p99: Math.round(q(lat, 0.99) * 10) / 10, max: Math.round(q(lat, 1) * 10) / 10, samples: lat.length },
  });
}

const meta = { node: process.version, seed, runs, durationSeconds: durationMs / 1000, rss: Math.round(process.memoryUsage().rss / 2 ** 20), sink: sink > 0 };
if (values.json) {
  console.log(JSON.stringify({ ...meta, results }, null, 2));
} else {
  console.log(`criteria engine in process — Node ${meta.node}, seed ${seed}, median of ${runs} runs × ${meta.durationSeconds} s, RSS ${meta.rss} MB`);
  console.log('class                 docs   avg bytes   evaluations/s   p50 µs   p99 µs   max µs   runs');
  for (const r of results) {
    console.log(
      `${r.class.padEnd(20)} ${String(r.documents).padStart(5)} ${r.avgDocumentBytes.toLocaleString('en').padStart(11)} ${r.evaluationsPerSecond.toLocaleString('en').padStart(15)} ` +
        `${String(r.latencyUs.p50).padStart(8)} ${String(r.latencyUs.p99).padStart(8)} ${String(r.latencyUs.max).padStart(8)}   ${r.runs.map((x) => x.toLocaleString('en')).join(' / ')}`,
    );
  }
}
