// Min-max normalisation side by side with DuckDB: 10,000 units × 50 indicators, every leaf a
// `normalise` min-max leaf (bench/minmax-50.json: one flat group, the root's weighted arithmetic
// mean, weights 1-3), in-process. dti: one `score()` call (the CSV parsed with parseCsv and the
// framework defined outside the timing). DuckDB: the hand-written query bench/sql/minmax.sql on
// the same CSV file (read_csv included), in an in-memory database in this process. Alternating,
// BENCH_MINMAX_RUNS runs each (default 3); the first run's outputs are checked equal (published
// value and rank of every unit) and the benchmark fails if they are not.
// BENCH_MINMAX_UNITS scales it (default 10,000).
import { readFileSync } from "node:fs";
import { defineFramework, score } from "../dist/index.js";
import { parseCsv } from "../dist/csv.js";
import { checkRounding, connectDuckDB, duckdbVersion, loadSql, minmaxParams, rows } from "./duckdb.mjs";
import { cachedFile, loadLine, median, secs, syntheticHeader, writeMinmaxCsv } from "./lib.mjs";

const units = Number(process.env.BENCH_MINMAX_UNITS ?? 10_000);
const runs = Number(process.env.BENCH_MINMAX_RUNS ?? process.env.BENCH_RUNS ?? 3);
const indicators = 50;
const seed = 20251201;
const frameworkPath = "bench/minmax-50.json";
const FORMER_MS = 6300; // the dti core before (this machine class); COINr took 0.77 s
const TARGET_MS = FORMER_MS / 10;

console.log(loadLine());
const file = await cachedFile(`.tmp/bench-minmax-${units}x${indicators}-s${seed}.csv`, { kind: "minmax", units, indicators, seed }, syntheticHeader(indicators), (p) =>
  writeMinmaxCsv(p, units, indicators, seed),
);
console.log(`${units.toLocaleString("en")} units × ${indicators} min-max indicators: ${file.path} (${(file.size / 2 ** 20).toFixed(1)} MiB, ${file.reused ? "reused" : `generated in ${secs(file.ms)}`})`);

const framework = defineFramework(JSON.parse(readFileSync(frameworkPath, "utf8")));
let t = performance.now();
const table = parseCsv(readFileSync(file.path, "utf8"));
const parseMs = performance.now() - t;

const connection = await connectDuckDB();
const rounding = await checkRounding(connection);
console.log(`DuckDB ${await duckdbVersion(connection)}: ROUND on DECIMAL is half-up (checked; as DOUBLE, ${rounding.doubleWrong.toLocaleString("en")} of ${rounding.points.toLocaleString("en")} half-way points would round down)`);
const query = `SELECT unit, code, CAST(value AS VARCHAR) AS value, rank FROM (${loadSql("minmax", minmaxParams(file.path, frameworkPath))})`;

// Wall time, and CPU time of this process (user + system, all threads: DuckDB's too), which
// waiting for a core on a shared machine does not inflate.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dtiMs = [];
const duckMs = [];
const dtiCpu = [];
const duckCpu = [];
let dtiResult;
let duckRows;
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  let c = cpu();
  t = performance.now();
  const result = score(framework, table);
  dtiMs.push(performance.now() - t);
  dtiCpu.push(cpu() - c);
  dtiResult ??= result;
  c = cpu();
  t = performance.now();
  const out = await rows(connection, query);
  duckMs.push(performance.now() - t);
  duckCpu.push(cpu() - c);
  duckRows ??= out;
  console.log(`run ${r + 1}: dti score() ${secs(dtiMs[r])} (${secs(dtiCpu[r])} CPU); DuckDB SQL ${secs(duckMs[r])} (${secs(duckCpu[r])} CPU)`);
}

// Equality: every unit's published value and rank.
const byCode = new Map(dtiResult.units.map((u) => [u.code, u]));
let mismatches = 0;
let undecided = 0;
const examples = [];
for (const row of duckRows) {
  const u = byCode.get(row.code);
  if (row.value === null) undecided++;
  if (u === undefined || u.value !== row.value || u.rank !== Number(row.rank)) {
    mismatches++;
    if (examples.length < 5) examples.push(`${row.code}: dti ${u?.value} rank ${u?.rank}, DuckDB ${row.value} rank ${row.rank}`);
  }
}
const equal = mismatches === 0 && duckRows.length === units && dtiResult.units.length === units;

const dtiMed = median(dtiMs);
const duckMed = median(duckMs);
console.log(`\nmedian of ${runs} (${units.toLocaleString("en")} units × ${indicators} min-max leaves, flat weighted mean):`);
console.log(`  dti score()              ${secs(dtiMed)} wall  ${secs(median(dtiCpu))} CPU  (parseCsv, outside the timing: ${secs(parseMs)})`);
console.log(`  DuckDB SQL (read_csv in) ${secs(duckMed)} wall  ${secs(median(duckCpu))} CPU  (bench/sql/minmax.sql, exact: HUGEINT and DECIMAL)`);
console.log(`  ratio dti / DuckDB       ${(dtiMed / duckMed).toFixed(2)}× wall (with parseCsv: ${((dtiMed + parseMs) / duckMed).toFixed(2)}×), ${(median(dtiCpu) / median(duckCpu)).toFixed(2)}× CPU`);
console.log(`  target dti ≤ ${secs(TARGET_MS)} (10× faster than the former ${secs(FORMER_MS)}; COINr 0.77 s): ${dtiMed <= TARGET_MS ? "met" : "NOT met"} (speed-up on the former: ${(FORMER_MS / dtiMed).toFixed(2)}×)`);
console.log(`  outputs equal: ${equal ? "yes" : "no"} (published value and rank of ${units.toLocaleString("en")} units${undecided ? `; ${undecided} undecided in SQL` : ""})`);
for (const e of examples) console.log(`    ${e}`);
if (!equal) process.exitCode = 1;
