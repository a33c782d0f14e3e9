// Streaming side by side with DuckDB: 1,000,000 units × 100 indicators from CSV (~700 MiB),
// simple weighted means per pillar (bench/stream-5x20.json: 5 pillars of 20 value leaves,
// weights 1-3 inside, 1-2 across), CSV out, each side a child process measured the same way
// (/usr/bin/time: wall, user + system CPU, peak RSS):
//   1. the index and its pillars:
//      dti:    node dist/cli.js score <csv> --framework bench/stream-5x20.json --stream --depth 1 --format csv -o <out>
//              (every indicator scored; the index and pillars written and ranked);
//      DuckDB: node bench/duckdb-copy.mjs weighted-pillars <out> …: COPY (bench/sql/weighted-pillars.sql)
//              TO a CSV (every pillar and the index, DECIMAL and whole numbers, ROUND, RANK);
//   2. every node (BENCH_STREAM_SAME=0 leaves it out: at 1,000,000 units it took DuckDB 22 s and 6.7 GiB):
//      dti:    the same without --depth: every node's value and rank, coverage (212 columns);
//      DuckDB: … weighted-pillars <out> … output=stream (bench/sql/stream-ranks.sql): the same
//              columns in dti's order, every one compared with dti's.
// Targets: in comparison 1, dti within 2× of DuckDB's wall time; under 1 GiB peak in both. The
// outputs are compared unit by unit, streaming (1: the index's value and rank, each pillar's value). The CSV is generated
// once into .tmp/ (seeded, the generator of scale.bench.mjs) and reused while its parameters,
// size and header match. BENCH_STREAM_UNITS (default 1,000,000) and BENCH_STREAM_RUNS (default 2)
// scale it; BENCH_STREAM_TIMEOUT (seconds, default 900) limits a dti run.
import { checkRounding, connectDuckDB } from "./duckdb.mjs";
import { cachedFile, loadLine, secs, syntheticHeader, writeSyntheticCsv } from "./lib.mjs";
import { cliSideBySide } from "./side-by-side.mjs";

const units = Number(process.env.BENCH_STREAM_UNITS ?? 1_000_000);
const runs = Number(process.env.BENCH_STREAM_RUNS ?? process.env.BENCH_RUNS ?? 2);
const timeoutMs = Number(process.env.BENCH_STREAM_TIMEOUT ?? 900) * 1000;
const indicators = 100;
const seed = 20251123;
const framework = "bench/stream-5x20.json";
const withSame = process.env.BENCH_STREAM_SAME !== "0";
const nodes = [0, 1, 2, 3, 4].flatMap((p) => [`p${p}`, ...Array.from({ length: 20 }, (_, j) => `i${p * 20 + j}`)]);

console.log(loadLine());
const file = await cachedFile(`.tmp/bench-synthetic-${units}x${indicators}-s${seed}.csv`, { kind: "synthetic", units, indicators, seed }, syntheticHeader(indicators), (p) =>
  writeSyntheticCsv(p, units, indicators, seed),
);
console.log(`${units.toLocaleString("en")} units × ${indicators} indicators: ${file.path} (${(file.size / 2 ** 20).toFixed(0)} MiB, ${file.reused ? "reused" : `generated in ${secs(file.ms)}`})`);
await checkRounding(await connectDuckDB());

// The index and its pillars, the columns of the hand-written query: dti writes and ranks only
// those (--depth 1; it still scores every indicator). The target is on this comparison.
await cliSideBySide({
  what: `${units.toLocaleString("en")} units × ${indicators} indicators, 5 pillars, CSV to CSV, index and pillars written`,
  units,
  runs,
  timeoutMs,
  dtiLabel: "dti score --stream --depth 1",
  dtiArgs: (out) => ["dist/cli.js", "score", file.path, "--framework", framework, "--stream", "--depth", "1", "--format", "csv", "-o", out],
  duckLabel: "DuckDB (COPY … TO csv)",
  duckArgs: (out) => ["bench/duckdb-copy.mjs", "weighted-pillars", out, `csv=${file.path}`],
  columns: [
    { left: "index", right: "value", kind: "value" },
    { left: "rank", right: "rank", kind: "rank" },
    ...[0, 1, 2, 3, 4].map((p) => ({ left: `p${p}`, right: `p${p}`, kind: "value" })),
  ],
  targetRatio: 2,
  tmpName: `bench-stream-${units}`,
});

// Every node with its rank (dti's default output) against DuckDB writing the same 212 columns.
if (withSame) {
  await cliSideBySide({
    what: `${units.toLocaleString("en")} units × ${indicators} indicators, 5 pillars, CSV to CSV, every node written`,
    units,
    runs,
    timeoutMs,
    dtiLabel: "dti score --stream",
    dtiArgs: (out) => ["dist/cli.js", "score", file.path, "--framework", framework, "--stream", "--format", "csv", "-o", out],
    duckLabel: "DuckDB, same columns",
    duckArgs: (out) => ["bench/duckdb-copy.mjs", "weighted-pillars", out, `csv=${file.path}`, "output=stream"],
    columns: [
      { left: "index", right: "index", kind: "value" },
      { left: "rank", right: "rank", kind: "rank" },
      ...nodes.flatMap((n) => [
        { left: n, right: n, kind: "value" },
        { left: `${n}_rank`, right: `${n}_rank`, kind: "rank" },
      ]),
    ],
    targetRatio: 2,
    tmpName: `bench-stream-all-${units}`,
  });
}
