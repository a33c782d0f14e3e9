// Generates fixtures/provinces-63-synthetic-2years.csv: SYNTHETIC data for two years (see
// fixtures/README.md). Year 2022 is provinces-63-synthetic.json as it is; year 2023 adds to every
// indicator a seeded random change in [-0.0300, +0.0600] (mulberry32, seed 20231010), clamped to
// [0.05, 1]. Arithmetic on integers (units of 0.0001). Re-running writes the same file:
//   node scripts/make-years-fixture.mjs
// The values are NOT published DTI data.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));
const IDS = ["awareness", "institutions", "infrastructure", "human-resources", "cybersecurity", "digital-government", "digital-economy", "digital-society"];


const rows = JSON.parse(readFileSync(`${DIR}provinces-63-synthetic.json`, "utf8"));
const random = mulberry32(20231010);
const text = (units) => `${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, "0")}`;
const lines = [["unit", "code", "group", "year", ...IDS].join(",")];
const later = [];
for (const r of rows) {
  const base = IDS.map((id) => Math.round(r[id] * 10000));
  lines.push([r.unit, r["Mã"], r["Vùng"], 2022, ...base.map(text)].join(","));
  const next = base.map((v) => Math.min(10000, Math.max(500, v + Math.floor(random() * 901) - 300)));
  later.push([r.unit, r["Mã"], r["Vùng"], 2023, ...next.map(text)].join(","));
}
writeFileSync(`${DIR}provinces-63-synthetic-2years.csv`, `${[...lines, ...later].join("\n")}\n`);
