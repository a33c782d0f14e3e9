// `npm run charts`: builds the library and writes the README chart images (docs/images/*.svg)
// from the bundled synthetic samples. The images are committed; a test checks they are current.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { makeCharts } from "./chart-specs.mjs";
import { ensureInstalled } from "./ensure-install.mjs";

ensureInstalled();
const build = spawnSync(process.execPath, ["node_modules/tsup/dist/cli-default.js", "--silent"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const lib = { ...(await import("../dist/index.js")), ...(await import("../dist/report.js")), ...(await import("../dist/csv.js")) };
for (const [file, svg] of Object.entries(makeCharts(lib, (p) => readFileSync(p, "utf8")))) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, svg);
  console.log(`wrote ${file} (${Buffer.byteLength(svg)} bytes)`);
}
