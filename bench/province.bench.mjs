// The official 63-province DTI (vn-dti-2022-province, 922/QĐ-BTTTT) from JSON, in-process, warm:
// median time of one `score()` call (target < 5 ms), exact decimals (the default) and the float
// path, measured in the same run with tinybench.
import { readFileSync } from "node:fs";
import { Bench } from "tinybench";
import { getFramework, score } from "../dist/index.js";

const framework = getFramework("vn-dti-2022-province");
const records = JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8"));
const options = { columns: { group: "Vùng" } };
const check = score(framework, records, options);
if (check.units.length !== 63) throw new Error("expected 63 units");

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench.add("score() 63 provinces, exact (default)", () => score(framework, records, options));
bench.add("score() 63 provinces, arithmetic: float", () => score(framework, records, { ...options, arithmetic: "float" }));
await bench.run();
const [exact, float] = bench.tasks.map((t) => t.result);
for (const [task, r] of bench.tasks.map((t) => [t, t.result])) {
  console.log(`${task.name.padEnd(44)} median ${r.latency.p50.toFixed(3)} ms  (p99 ${r.latency.p99.toFixed(3)} ms, ${r.latency.samplesCount ?? r.latency.samples?.length ?? "?"} runs)`);
}
console.log(`target < 5 ms (exact): ${exact.latency.p50 < 5 ? "met" : "NOT met"}; exact / float ${(exact.latency.p50 / float.latency.p50).toFixed(2)}×`);
