// Scoring 100,000 units in memory (vn-dti-2022-province: 8 inputs, 15 nodes and views, groups):
// the exact-decimal path (`score()` default) against the float path (`arithmetic: "float"`),
// same data, same run. BENCH_UNITS scales it. Published values and ranks of the two are checked
// equal before timing.
import { Bench } from "tinybench";
import { getFramework, score, tableFromRecords } from "../dist/index.js";
import { prng } from "./lib.mjs";

const units = Number(process.env.BENCH_UNITS_MEMORY ?? 100_000);
const framework = getFramework("vn-dti-2022-province");
const inputs = ["awareness", "institutions", "infrastructure", "human-resources", "cybersecurity", "digital-government", "digital-economy", "digital-society"];
const rnd = prng(42);
const records = Array.from({ length: units }, (_, i) => {
  const r = { unit: `Xã ${i}`, group: `Tỉnh ${i % 34}` };
  for (const k of inputs) r[k] = (Math.floor(rnd() * 10001) / 10000).toFixed(4);
  return r;
});
const table = tableFromRecords(records);
const options = { columns: { group: "group" } };

let t = performance.now();
const exact = score(framework, table, options);
const exactOnce = performance.now() - t;
t = performance.now();
const float = score(framework, table, { ...options, arithmetic: "float" });
const floatOnce = performance.now() - t;
const strip = (r) => r.units.map((u) => [u.unit, u.value, u.rank, u.groupRank, Object.values(u.nodes).map((n) => [n.value, n.rank, n.groupRank])]);
if (JSON.stringify(strip(exact)) !== JSON.stringify(strip(float))) throw new Error("float and exact published values differ");
console.log(`${units.toLocaleString("en")} units: published values and ranks of both paths equal (checked)`);
console.log(`first call: exact ${(exactOnce / 1000).toFixed(2)} s, float ${(floatOnce / 1000).toFixed(2)} s`);

const bench = new Bench({ iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 });
bench.add("exact decimals (default)", () => score(framework, table, options));
bench.add("arithmetic: float", () => score(framework, table, { ...options, arithmetic: "float" }));
await bench.run();
const [e, f] = bench.tasks.map((task) => task.result.latency.p50);
for (const task of bench.tasks) console.log(`${task.name.padEnd(28)} median ${(task.result.latency.p50 / 1000).toFixed(2)} s`);
console.log(`ratio exact / float: ${(e / f).toFixed(1)}× (${Math.round(units / (f / 1000)).toLocaleString("en")} units/s on the float path)`);
