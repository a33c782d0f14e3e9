// Runs one query of bench/sql/ in a fresh in-memory DuckDB and writes its result as CSV (with a
// header): `node bench/duckdb-copy.mjs <sql name> <out.csv> key=value …` (values fill the SQL's
// {{key}}; {{columns}}, the column types, is made from the header of the file csv=…, and
// {{units}}, the source, from csv=… or parquet=…). The DuckDB
// side of the CLI benchmarks, as a child process so that its wall time and peak RSS are measured
// as the dti CLI's are. Not a benchmark file itself.
import { connectDuckDB, csvColumns, loadSql, minmaxParams, sqlString } from "./duckdb.mjs";

const [name, out, ...pairs] = process.argv.slice(2);
const params = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
if (params.csv !== undefined) params.columns = csvColumns(params.csv);
// {{units}}: the CSV read with its column types, or a Parquet file (parquet=…).
if (params.csv !== undefined) params.units = { sql: `read_csv(${sqlString(params.csv)}, header = true, delim = ',', quote = '"', auto_detect = false, columns = ${params.columns.sql})` };
if (params.parquet !== undefined) params.units = { sql: `read_parquet(${sqlString(params.parquet)})` };
// weighted-pillars: output=all (or stream) carries every indicator through (the engine's CSV columns).
if (name === "weighted-pillars") {
  const all = params.output === "all" || params.output === "stream";
  params.carry = { sql: all ? "*" : "unit, code" };
  params.leaves = { sql: all ? Array.from({ length: 100 }, (_, i) => `, i${i}`).join("") : "" };
}
// minmax: its leaf columns too with output=all (the same-columns peer of minmax-cli-100k).
if (name === "minmax") Object.assign(params, minmaxParams(params.csv, params.framework, params.output === "all"));
let query = loadSql(name, params);
// The nodes of bench/stream-5x20.json in dti's column order: each pillar followed by its 20 indicators.
const pillarNodes = [0, 1, 2, 3, 4].flatMap((p) => [`p${p}`, ...Array.from({ length: 20 }, (_, j) => `i${p * 20 + j}`)]);
// weighted-pillars output=all: the rows as dti's ranking CSV has them (bench/stream-5x20.json):
// rank, unit, code, index, then each pillar followed by its 20 indicators, each value followed by
// its rank column (blank: only the index is ranked), coverage (1: nothing is blank); ordered by
// rank, then name (by bytes: dti orders ties by Vietnamese collation).
if (name === "weighted-pillars" && params.output === "all") {
  query = `SELECT rank, unit, code, value AS "index", ${pillarNodes.map((n) => `${n}, NULL AS ${n}_rank`).join(", ")}, 1 AS coverage FROM (${query}) ORDER BY rank, unit`;
}
// weighted-pillars output=stream: the columns `dti score --stream` writes, every node ranked, in
// its order (bench/sql/stream-ranks.sql around this query).
if (name === "weighted-pillars" && params.output === "stream") {
  const nodes = pillarNodes;
  query = loadSql("stream-ranks", {
    wide: { sql: query },
    keys: { sql: nodes.map((n) => `CAST(${n} * 10000 AS INTEGER) AS ${n}`).join(", ") },
    nodes: { sql: `(${nodes.map(sqlString).join(", ")})` },
    out: { sql: nodes.map((n) => `wide.${n} AS ${n}, lists.${n}[CAST(wide.${n} * 10000 AS INTEGER) + 1] AS ${n}_rank`).join(", ") },
  });
}
// minmax output=all: the columns of dti's min-max CSV in its order: rank, unit, code, index, each
// indicator's value and rank, coverage (1: no blanks).
if (name === "minmax" && params.output === "all") {
  query = `SELECT rank, unit, code, value AS "index", ${params.names.map((i) => `"${i}_v" AS "${i}", "${i}_r" AS "${i}_rank"`).join(", ")}, 1 AS coverage FROM (${query}) ORDER BY rank, unit`;
}
const connection = await connectDuckDB();
await connection.run(`COPY (${query}) TO ${sqlString(out)} (FORMAT csv, HEADER)`);
