// Uncertainty analysis speed: 63 units × 100 indicators (10 pillars × 10 indicators, synthetic,
// seeded), 10,000 Monte Carlo replications over weights (±25 %), normalisation (nominal, min-max,
// rank) and aggregation (arithmetic, geometric). Prints replications per second (median of 5
// runs), then the same with sensitivity indices (N·(d + 2) evaluations), then the exact decimal
// pipeline (score() on a framework with perturbed weights) for a few replications, as a ratio.
import { defineFramework, score } from "../dist/index.js";
import { createRandom, uncertainty } from "../dist/analysis.js";

const UNITS = 63;
const PILLARS = 10;
const PER_PILLAR = 10;
const RUNS = 10_000;
const REPEATS = 5;

function makeFramework(weights) {
  return defineFramework({
    id: "bench-100",
    version: "1",
    title: { vi: "Bench" },
    root: {
      id: "index",
      name: { vi: "Chỉ số" },
      children: Array.from({ length: PILLARS }, (_, p) => ({
        id: `p${p}`,
        name: { vi: `Trụ cột ${p}` },
        weight: weights?.[p * (PER_PILLAR + 1)] ?? 1,
        children: Array.from({ length: PER_PILLAR }, (_, i) => ({
          id: `p${p}i${i}`,
          name: { vi: `Chỉ tiêu ${p}.${i}` },
          weight: weights?.[p * (PER_PILLAR + 1) + 1 + i] ?? 1,
          rule: { type: "value" },
        })),
      })),
    },
  });
}

const random = createRandom(2024);
const rows = Array.from({ length: UNITS }, (_, u) => {
  const row = { unit: `Tỉnh ${String(u + 1).padStart(2, "0")}` };
  const level = 0.3 + 0.5 * random();
  for (let p = 0; p < PILLARS; p++) for (let i = 0; i < PER_PILLAR; i++) row[`p${p}i${i}`] = Math.round(Math.min(1, Math.max(0, level + 0.3 * (random() - 0.5))) * 10000) / 10000;
  return row;
});
const framework = makeFramework();
const options = {
  runs: RUNS,
  seed: 42,
  weights: 0.25,
  normalisation: ["nominal", { method: "minmax" }, { method: "rank" }],
  aggregation: ["arithmetic", "geometric"],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(f) {
  globalThis.gc?.();
  const t0 = performance.now();
  const r = f();
  return { ms: performance.now() - t0, r };
}

uncertainty(framework, rows, { ...options, runs: 200, sensitivity: false }); // warm-up
const ua = [];
const setup = [];
let last;
for (let k = 0; k < REPEATS; k++) {
  // Setup alone (read, score, exact normalisations, float plan) is a 1-run analysis.
  setup.push(time(() => uncertainty(framework, rows, { ...options, runs: 1, sensitivity: false })).ms);
  const t = time(() => uncertainty(framework, rows, { ...options, sensitivity: false }));
  ua.push(t.ms);
  last = t.r;
}
const uaMs = median(ua);
const setupMs = median(setup);
const uaRate = RUNS / (uaMs / 1000);
const loopRate = RUNS / ((uaMs - setupMs) / 1000);
console.log(`uncertainty, ${UNITS} units × ${PILLARS * PER_PILLAR} indicators, ${RUNS} replications (weights ±25 %, 3 normalisations, 2 aggregations), median of ${REPEATS}:`);
console.log(`  ${uaMs.toFixed(0)} ms total, ${Math.round(uaRate).toLocaleString("en")} replications/s overall`);
console.log(`  of which setup ${setupMs.toFixed(0)} ms; replications alone ${Math.round(loopRate).toLocaleString("en")}/s (mean abs. rank shift ${last.meanAbsShift.toFixed(3)})`);

const SA_RUNS = 2000;
const sa = [];
let saResult;
for (let k = 0; k < 3; k++) {
  const t = time(() => uncertainty(framework, rows, { ...options, runs: SA_RUNS, sensitivity: "stage" }));
  sa.push(t.ms);
  saResult = t.r;
}
const saMs = median(sa);
console.log(`with sensitivity (N = ${SA_RUNS}, ${saResult.evaluations} evaluations), median of 3: ${saMs.toFixed(0)} ms, ${Math.round(saResult.evaluations / (saMs / 1000)).toLocaleString("en")} evaluations/s`);
console.log(`  ${saResult.sensitivity.map((s) => `${s.input} S=${s.first.toFixed(3)} ST=${s.total.toFixed(3)}`).join("; ")}`);

// The exact pipeline: one score() (decimals, objects) per replication with perturbed weights.
const EXACT = 20;
const wr = createRandom(7);
const exact = time(() => {
  for (let k = 0; k < EXACT; k++) {
    const w = Array.from({ length: PILLARS * (PER_PILLAR + 1) }, () => 1 + 0.25 * (2 * wr() - 1));
    score(makeFramework(w), rows, { ties: "exact" });
  }
});
const exactRate = EXACT / (exact.ms / 1000);
console.log(`exact pipeline (score() per replication, weights only): ${EXACT} replications in ${exact.ms.toFixed(0)} ms, ${exactRate.toFixed(1)} replications/s`);
console.log(`typed-array engine / exact pipeline: ${(uaRate / exactRate).toFixed(0)}× faster`);
