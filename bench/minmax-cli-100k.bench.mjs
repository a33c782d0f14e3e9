// The CLI on min-max side by side with DuckDB: 100,000 units × 50 `normalise` min-max leaves
// (bench/minmax-50.json, one flat group), CSV in, CSV out, each side a child process measured
// the same way (/usr/bin/time: wall, user + system CPU, peak RSS):
//   dti:    node dist/cli.js score <csv> --framework bench/minmax-50.json --format csv -o <out>
//           at Node's default heap (no --max-old-space-size);
//   DuckDB: node bench/duckdb-copy.mjs minmax <out> …: COPY (bench/sql/minmax.sql) TO a CSV: the
//           index's value and rank only;
//   DuckDB, same columns: node bench/duckdb-copy.mjs minmax <out> … output=all (the same query):
//           the columns dti writes (each indicator's normalised value and its rank, coverage), in
//           its order; its ratio is printed too, and every column compared with dti's.
// Targets: dti within 3× of the first DuckDB side's wall time, under 1 GiB peak. A dti run that fails (exit
// code, out of memory) or passes BENCH_CLI_TIMEOUT seconds (default 120: far past the target, it
// keeps `npm run bench` near 10 minutes) is reported as such and the benchmark goes on (it fails
// at the end). The outputs are compared unit by unit (the index's
// value and rank), streaming. BENCH_CLI_UNITS (default 100,000) and BENCH_CLI_RUNS (default 1)
// scale it.
import { checkRounding, connectDuckDB } from "./duckdb.mjs";
import { cachedFile, loadLine, secs, syntheticHeader, writeMinmaxCsv } from "./lib.mjs";
import { cliSideBySide } from "./side-by-side.mjs";

const units = Number(process.env.BENCH_CLI_UNITS ?? 100_000);
const runs = Number(process.env.BENCH_CLI_RUNS ?? 1);
const timeoutMs = Number(process.env.BENCH_CLI_TIMEOUT ?? 120) * 1000;
const indicators = 50;
const seed = 20251201;
const framework = "bench/minmax-50.json";

console.log(loadLine());
const file = await cachedFile(`.tmp/bench-minmax-${units}x${indicators}-s${seed}.csv`, { kind: "minmax", units, indicators, seed }, syntheticHeader(indicators), (p) =>
  writeMinmaxCsv(p, units, indicators, seed),
);
console.log(`${units.toLocaleString("en")} units × ${indicators} min-max indicators: ${file.path} (${(file.size / 2 ** 20).toFixed(1)} MiB, ${file.reused ? "reused" : `generated in ${secs(file.ms)}`})`);
await checkRounding(await connectDuckDB());

await cliSideBySide({
  what: `${units.toLocaleString("en")} units × ${indicators} min-max leaves, CSV to CSV`,
  units,
  runs,
  timeoutMs,
  dtiLabel: "dti score --format csv",
  dtiArgs: (out) => ["dist/cli.js", "score", file.path, "--framework", framework, "--format", "csv", "-o", out],
  duckLabel: "DuckDB (COPY … TO csv)",
  duckArgs: (out) => ["bench/duckdb-copy.mjs", "minmax", out, `csv=${file.path}`, `framework=${framework}`],
  columns: [
    { left: "index", right: "value", kind: "value" },
    { left: "rank", right: "rank", kind: "rank" },
  ],
  same: {
    label: "DuckDB, same columns",
    args: (out) => ["bench/duckdb-copy.mjs", "minmax", out, `csv=${file.path}`, `framework=${framework}`, "output=all"],
    columns: [
      { left: "index", right: "index", kind: "value" },
      { left: "rank", right: "rank", kind: "rank" },
      ...Array.from({ length: indicators }, (_, i) => [
        { left: `i${i}`, right: `i${i}`, kind: "value" },
        { left: `i${i}_rank`, right: `i${i}_rank`, kind: "rank" },
      ]).flat(),
    ],
  },
  targetRatio: 3,
  tmpName: `bench-minmax-cli-${units}`,
});
