// `dti score --engine duckdb` side by side with hand-written DuckDB SQL and with `--stream`:
// 1,000,000 units × 100 indicators (bench/stream-5x20.json: 5 pillars of 20 value leaves), from
// CSV (~700 MiB) and from Parquet (the same data), CSV out, each side a child process measured the
// same way (/usr/bin/time: wall, user + system CPU, peak RSS), alternating:
//   engine:      node dist/cli.js score <file> --framework bench/stream-5x20.json --engine duckdb
//                --format csv --rank-nodes index -o <out>  (the compiled query, exact fractions,
//                every node's value, the index ranked, as --stream ranks it);
//   hand-written: node bench/duckdb-copy.mjs weighted-pillars <out> csv=… | parquet=…
//                (bench/sql/weighted-pillars.sql: the pillars and the index, ROUND, RANK; 8 columns);
//   hand-written, same columns: the same query with output=all: the same numbers, the engine's
//                CSV's 215 columns (each indicator's value, the blank rank columns, coverage),
//                ordered by rank and name as the engine's (names by bytes, not in Vietnamese order);
//   stream:      node dist/cli.js score <csv> … --stream --format csv -o <out>.
// Printed: medians, and the ratios engine / hand-written (target ≤ 1.2) and stream / engine.
// Then 10,000,000 units × 20 indicators (bench/sql-4x5.json) from a Parquet file DuckDB writes
// (BENCH_SQL_BIG_UNITS; 0 leaves it out): --engine duckdb once, with DTI_DUCKDB_MEMORY_LIMIT=1GB,
// its peak RSS against the 2 GiB budget.
// The outputs are compared unit by unit (the index's value and rank, each pillar's value). Files
// are generated once into .tmp/ and reused. BENCH_SQL_UNITS (default 1,000,000) and
// BENCH_SQL_RUNS (default 2) scale it; BENCH_SQL_STREAM=0 leaves out the (slow) stream side.
import { existsSync, rmSync, statSync } from "node:fs";
import { connectDuckDB, csvColumns, sqlString } from "./duckdb.mjs";
import { cachedFile, compareCsvByCode, loadLine, measure, median, mib, secs, syntheticHeader, writeSyntheticCsv } from "./lib.mjs";

const units = Number(process.env.BENCH_SQL_UNITS ?? 1_000_000);
const runs = Number(process.env.BENCH_SQL_RUNS ?? process.env.BENCH_RUNS ?? 2);
const withStream = process.env.BENCH_SQL_STREAM !== "0";
const indicators = 100;
const seed = 20251123;
const framework = "bench/stream-5x20.json";

console.log(loadLine());
const csv = await cachedFile(`.tmp/bench-synthetic-${units}x${indicators}-s${seed}.csv`, { kind: "synthetic", units, indicators, seed }, syntheticHeader(indicators), (p) =>
  writeSyntheticCsv(p, units, indicators, seed),
);
const parquet = `${csv.path.slice(0, -4)}.parquet`;
if (!existsSync(parquet) || statSync(parquet).mtimeMs < statSync(csv.path).mtimeMs) {
  const connection = await connectDuckDB();
  // Typed as a warehouse would keep it: unit and code VARCHAR, the indicators DECIMAL(18,4).
  await connection.run(`COPY (SELECT * FROM read_csv(${sqlString(csv.path)}, header = true, auto_detect = false, columns = ${csvColumns(csv.path).sql})) TO ${sqlString(parquet)} (FORMAT parquet)`);
}
console.log(`${units.toLocaleString("en")} units × ${indicators} indicators: ${csv.path} (${(csv.size / 2 ** 20).toFixed(0)} MiB), ${parquet} (${(statSync(parquet).size / 2 ** 20).toFixed(0)} MiB)`);

const columns = [
  { left: "index", right: "value", kind: "value" },
  { left: "rank", right: "rank", kind: "rank" },
  ...[0, 1, 2, 3, 4].map((p) => ({ left: `p${p}`, right: `p${p}`, kind: "value" })),
];
const engineArgs = (file, out) => ["dist/cli.js", "score", file, "--framework", framework, "--engine", "duckdb", "--format", "csv", "--rank-nodes", "index", "-o", out];
const show = (m) => `${secs(m.ms)} wall, ${secs(m.cpuMs)} CPU, peak ${mib(m.peakKiB)}`;
let failed = false;

for (const [label, file, source] of [
  ["CSV", csv.path, `csv=${csv.path}`],
  ["Parquet", parquet, `parquet=${parquet}`],
]) {
  const sides = { engine: [], hand: [], all: [], stream: [] };
  const out = (side) => `.tmp/bench-sql-${side}.csv`;
  let comparison;
  for (let r = 0; r < runs; r++) {
    sides.hand.push(await measure(process.execPath, ["bench/duckdb-copy.mjs", "weighted-pillars", out("hand"), source]));
    sides.all.push(await measure(process.execPath, ["bench/duckdb-copy.mjs", "weighted-pillars", out("all"), source, "output=all"]));
    sides.engine.push(await measure(process.execPath, engineArgs(file, out("engine"))));
    if (withStream && label === "CSV") sides.stream.push(await measure(process.execPath, ["dist/cli.js", "score", file, "--framework", framework, "--stream", "--format", "csv", "-o", out("stream")]));
    console.log(`${label} run ${r + 1}: hand-written DuckDB ${show(sides.hand[r])}; same columns ${show(sides.all[r])}; --engine duckdb ${show(sides.engine[r])}${sides.stream[r] ? `; --stream ${show(sides.stream[r])}` : ""}`);
    comparison ??= await compareCsvByCode(out("engine"), out("hand"), columns, units);
  }
  for (const side of ["engine", "hand", "all", "stream"]) rmSync(out(side), { force: true });
  const wall = (side) => median(sides[side].map((m) => m.ms));
  const cpu = (side) => median(sides[side].map((m) => m.cpuMs));
  const rss = (side) => median(sides[side].map((m) => m.peakKiB));
  console.log(`\nmedian of ${runs} (${label}, ${units.toLocaleString("en")} × ${indicators}, CSV out):`);
  for (const [side, name] of [["hand", "hand-written DuckDB SQL"], ["all", "hand-written, same columns"], ["engine", "dti --engine duckdb"], ...(sides.stream.length > 0 ? [["stream", "dti --stream"]] : [])]) {
    console.log(`  ${name.padEnd(26)} ${secs(wall(side))} wall  ${secs(cpu(side))} CPU  peak RSS ${mib(rss(side))}`);
  }
  const ratio = wall("engine") / wall("hand");
  console.log(`  ${"engine / hand-written".padEnd(26)} ${ratio.toFixed(2)}× wall, ${(cpu("engine") / cpu("hand")).toFixed(2)}× CPU (target ≤ 1.2× wall: ${ratio <= 1.2 ? "met" : "NOT met"})`);
  const fair = wall("engine") / wall("all");
  console.log(`  ${"engine / same columns".padEnd(26)} ${fair.toFixed(2)}× wall, ${(cpu("engine") / cpu("all")).toFixed(2)}× CPU (target ≤ 1.2× wall: ${fair <= 1.2 ? "met" : "NOT met"})`);
  if (sides.stream.length > 0) console.log(`  ${"--stream / engine".padEnd(26)} ${(wall("stream") / wall("engine")).toFixed(2)}× wall`);
  console.log(`  outputs (index value and rank, pillar values): ${comparison.equal ? "equal for every unit" : `DIFFERENT: ${comparison.problems.join("; ")}`}`);
  if (!comparison.equal) failed = true;
}

const bigUnits = Number(process.env.BENCH_SQL_BIG_UNITS ?? 10_000_000);
if (bigUnits > 0) {
  // 20 indicators, 4 decimals, as DECIMAL(18,4), the unit and code as text: written by DuckDB.
  const big = `.tmp/bench-sql-${bigUnits}x20.parquet`;
  if (!existsSync(big)) {
    const connection = await connectDuckDB();
    const cells = Array.from({ length: 20 }, (_, j) => `CAST((hash(u * 20 + ${j}) % 10001) AS DECIMAL(18,0)) * CAST(0.0001 AS DECIMAL(18,4)) AS i${j}`).join(", ");
    await connection.run(`COPY (SELECT 'Doanh nghiệp ' || u AS unit, 'DN' || u AS code, ${cells} FROM range(${bigUnits}) AS t(u)) TO ${sqlString(big)} (FORMAT parquet)`);
  }
  const out = ".tmp/bench-sql-big.csv";
  process.env.DTI_DUCKDB_MEMORY_LIMIT = "1GB";
  const m = await measure(process.execPath, ["dist/cli.js", "score", big, "--framework", "bench/sql-4x5.json", "--engine", "duckdb", "--format", "csv", "--rank-nodes", "index", "-o", out]);
  delete process.env.DTI_DUCKDB_MEMORY_LIMIT;
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  console.log(`\n${bigUnits.toLocaleString("en")} units × 20 indicators from Parquet (${(statSync(big).size / 2 ** 20).toFixed(0)} MiB), --engine duckdb, DuckDB memory limit 1GB: ${show(m)}; CSV out ${(bytes / 2 ** 20).toFixed(0)} MiB; peak RSS ${m.peakKiB <= 2 * 2 ** 20 ? "within" : "OVER"} 2 GiB`);
  if (m.peakKiB > 2 * 2 ** 20) failed = true;
}
process.exit(failed ? 1 : 0);
