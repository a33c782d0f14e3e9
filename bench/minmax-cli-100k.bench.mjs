// The CLI on min-max side by side with DuckDB: 100,000 units × 50 `normalise` min-max leaves
// (bench/minmax-50.json), CSV in, CSV out, each side a child process measured the same way
// (/usr/bin/time: wall, user + system CPU, peak RSS):
//   dti:    node dist/cli.js score <csv> --framework bench/minmax-50.json --format csv -o <out>
//           at Node's default heap (no --max-old-space-size);
//   DuckDB: node bench/duckdb-copy.mjs minmax <out> … : COPY (bench/sql/minmax.sql) TO a CSV.
// A dti run that fails (exit code, out of memory) or passes BENCH_CLI_TIMEOUT seconds (default
// 900) is reported as such and the benchmark goes on (it then fails at the end). The two outputs
// are compared unit by unit (index value and rank), streaming. BENCH_CLI_UNITS (default 100,000)
// and BENCH_CLI_RUNS (default 1) scale it.
import { rmSync } from "node:fs";
import { checkRounding, connectDuckDB } from "./duckdb.mjs";
import { cachedFile, compareCsvByCode, loadLine, measure, median, mib, secs, syntheticHeader, writeMinmaxCsv } from "./lib.mjs";

const units = Number(process.env.BENCH_CLI_UNITS ?? 100_000);
const runs = Number(process.env.BENCH_CLI_RUNS ?? 1);
const timeoutMs = Number(process.env.BENCH_CLI_TIMEOUT ?? 900) * 1000;
const indicators = 50;
const seed = 20251201;
const frameworkPath = "bench/minmax-50.json";
const GiB = 1024 * 1024; // KiB

console.log(loadLine());
const file = await cachedFile(`.tmp/bench-minmax-${units}x${indicators}-s${seed}.csv`, { kind: "minmax", units, indicators, seed }, syntheticHeader(indicators), (p) =>
  writeMinmaxCsv(p, units, indicators, seed),
);
console.log(`${units.toLocaleString("en")} units × ${indicators} min-max indicators: ${file.path} (${(file.size / 2 ** 20).toFixed(1)} MiB, ${file.reused ? "reused" : `generated in ${secs(file.ms)}`})`);
await checkRounding(await connectDuckDB());

const dtiOut = `.tmp/bench-minmax-cli-${units}-dti.csv`;
const duckOut = `.tmp/bench-minmax-cli-${units}-duckdb.csv`;
const show = (m) =>
  m.ok
    ? `${secs(m.ms)} wall, ${secs(m.cpuMs)} CPU, peak ${mib(m.peakKiB)}`
    : `FAILED after ${secs(m.ms)}: ${m.timedOut ? `timed out (BENCH_CLI_TIMEOUT ${timeoutMs / 1000} s), killed` : `exit code ${m.code}`}${m.outOfMemory ? ", out of memory" : ""}, peak ${Number.isNaN(m.peakKiB) ? "unknown" : mib(m.peakKiB)}`;
const dti = [];
const duck = [];
let comparison;
for (let r = 0; r < runs; r++) {
  rmSync(dtiOut, { force: true });
  rmSync(duckOut, { force: true });
  // Alternate the two so that machine load drifts affect both alike.
  duck.push(await measure(process.execPath, ["bench/duckdb-copy.mjs", "minmax", duckOut, `csv=${file.path}`, `framework=${frameworkPath}`]));
  dti.push(await measure(process.execPath, ["dist/cli.js", "score", file.path, "--framework", frameworkPath, "--format", "csv", "-o", dtiOut], { allowFailure: true, timeoutMs }));
  console.log(`run ${r + 1}: DuckDB ${show(duck[r])}; dti score ${show(dti[r])}`);
  if (!dti[r].ok) {
    const lines = dti[r].stderr.trim().split("\n");
    const said = lines.find((l) => /FATAL ERROR|out of memory|^error /u.test(l)) ?? lines.slice(-2).join(" / ");
    if (said) console.log(`    dti said: ${said.trim()}`);
  } else if (comparison === undefined) {
    comparison = await compareCsvByCode(dtiOut, duckOut, [
      { left: "index", right: "value", kind: "value" },
      { left: "rank", right: "rank", kind: "rank" },
    ], units);
  }
}
rmSync(dtiOut, { force: true });
rmSync(duckOut, { force: true });

const ok = dti.filter((m) => m.ok);
const duckMs = median(duck.map((m) => m.ms));
const duckCpu = median(duck.map((m) => m.cpuMs));
const duckKiB = median(duck.map((m) => m.peakKiB));
console.log(`\nmedian of ${runs} (${units.toLocaleString("en")} units × ${indicators} min-max leaves, CSV to CSV, child processes):`);
console.log(`  DuckDB (COPY … TO csv)   ${secs(duckMs)} wall  ${secs(duckCpu)} CPU  peak RSS ${mib(duckKiB)}`);
if (ok.length === runs) {
  const dtiMs = median(ok.map((m) => m.ms));
  const dtiKiB = median(ok.map((m) => m.peakKiB));
  console.log(`  dti score --format csv   ${secs(dtiMs)} wall  ${secs(median(ok.map((m) => m.cpuMs)))} CPU  peak RSS ${mib(dtiKiB)}`);
  console.log(`  ratio dti / DuckDB       ${(dtiMs / duckMs).toFixed(2)}× wall (target ≤ 3×: ${dtiMs <= 3 * duckMs ? "met" : "NOT met"}); peak ${mib(dtiKiB)} (target < 1024 MiB: ${dtiKiB < GiB ? "met" : "NOT met"})`);
} else {
  console.log(`  dti score --format csv   FAILED in ${runs - ok.length} of ${runs} runs (${dti.filter((m) => !m.ok).map((m) => (m.timedOut ? "timed out" : `exit ${m.code}${m.outOfMemory ? ", out of memory" : ""}`)).join("; ")})`);
  console.log(`  ratio dti / DuckDB       none (target ≤ 3×: NOT met; target < 1024 MiB: ${dti.every((m) => m.peakKiB < GiB) ? "not known" : "NOT met"})`);
}
const equal = comparison?.equal === true && ok.length === runs;
console.log(`  outputs equal: ${equal ? "yes" : "no"} (${comparison ? `index value and rank of ${comparison.compared.toLocaleString("en")} units compared, ${comparison.mismatches} mismatches` : "dti wrote no output"})`);
for (const p of comparison?.problems ?? []) console.log(`    ${p}`);
if (!equal) process.exitCode = 1;
