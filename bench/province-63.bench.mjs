// The official 63-province DTI side by side with DuckDB, in-process, warm (tinybench, 2 s per
// task): dti `score()` (vn-dti-2022-province, groups by Vùng; the CSV parsed outside the timing,
// target < 5 ms), dti reading the file + parseCsv + score(), and the hand-written query
// bench/sql/province-63.sql on the same file (fixtures/provinces-63-synthetic.csv: read_csv,
// DECIMAL, ROUND, RANK nationally and per region), its rows returned as JavaScript objects.
// Before timing, the values, ranks and region ranks of the index and of the five computed nodes
// (foundation, activity and the three pillar views) are checked equal for all 63 provinces.
// BENCH_PROVINCE_TIME (ms per task, default 2000) scales it.
import { readFileSync } from "node:fs";
import { Bench } from "tinybench";
import { getFramework, score } from "../dist/index.js";
import { parseCsv } from "../dist/csv.js";
import { checkRounding, connectDuckDB, duckdbVersion, loadSql, rows } from "./duckdb.mjs";
import { loadLine, secs } from "./lib.mjs";

const file = "fixtures/provinces-63-synthetic.csv";
const time = Number(process.env.BENCH_PROVINCE_TIME ?? 2000);
const framework = getFramework("vn-dti-2022-province");
const options = { columns: { group: "Vùng" } };
const table = parseCsv(readFileSync(file, "utf8"));
const nodes = ["dti", "foundation", "activity", "government", "economy", "society"];

console.log(loadLine());
const connection = await connectDuckDB();
await checkRounding(connection);
console.log(`DuckDB ${await duckdbVersion(connection)}; ${file}`);
const query = loadSql("province-63", { csv: file });

// Equality: every computed node's published value, rank and region rank, all 63 provinces.
const result = score(framework, table, options);
const duck = await rows(connection, `SELECT code, CAST(COLUMNS('^(${nodes.join("|")})$') AS VARCHAR), COLUMNS('_rank$') FROM (${query})`);
let mismatches = 0;
const examples = [];
for (const row of duck) {
  const u = result.units.find((x) => x.code === row.code);
  for (const id of nodes) {
    const n = id === "dti" ? u : u?.nodes[id];
    const ok = n !== undefined && n.value === row[id] && n.rank === Number(row[`${id}_rank`]) && n.groupRank === Number(row[`${id}_group_rank`]);
    if (!ok) {
      mismatches++;
      if (examples.length < 5) examples.push(`${row.code} ${id}: dti ${n?.value} ${n?.rank}/${n?.groupRank}, DuckDB ${row[id]} ${row[`${id}_rank`]}/${row[`${id}_group_rank`]}`);
    }
  }
}
const equal = mismatches === 0 && duck.length === 63 && result.units.length === 63;

const bench = new Bench({ time, warmupTime: 500 });
bench.add("dti score() (parsed table)", () => score(framework, table, options));
bench.add("dti read + parseCsv + score()", () => score(framework, parseCsv(readFileSync(file, "utf8")), options));
bench.add("DuckDB SQL (read_csv in, rows to JS)", async () => rows(connection, query));
await bench.run();
const [scoreOnly, fromFile, sql] = bench.tasks.map((t) => t.result.latency);
for (const task of bench.tasks) {
  const l = task.result.latency;
  console.log(`${task.name.padEnd(38)} median ${secs(l.p50)}  (p99 ${secs(l.p99)}, ${l.samplesCount ?? l.samples?.length ?? "?"} runs)`);
}
console.log(`ratio dti / DuckDB: score() ${(scoreOnly.p50 / sql.p50).toFixed(2)}×; from the file ${(fromFile.p50 / sql.p50).toFixed(2)}×`);
console.log(`target score() < 5 ms warm: ${scoreOnly.p50 < 5 ? "met" : "NOT met"}`);
console.log(`outputs equal: ${equal ? "yes" : "no"} (value, rank and region rank of ${nodes.length} nodes × 63 provinces)`);
for (const e of examples) console.log(`  ${e}`);
if (!equal) process.exitCode = 1;
