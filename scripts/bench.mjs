// `npm run bench`: builds the library, then runs every benchmark in bench/ (files named
// *.bench.mjs, in name order), each in its own Node process (with --expose-gc, so a benchmark can
// measure memory after a collection). Each benchmark prints its own figures: medians and ratios
// against a peer measured in the same run (the float path, a bare CSV pass, or DuckDB running
// hand-written SQL from bench/sql/ on the same file). Pass names to run only some (a name selects
// the files whose name contains it): `npm run bench -- minmax-10k stream-1m`. Generated input
// files are kept in .tmp/ and reused (see docs/performance.md).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { ensureInstalled } from "./ensure-install.mjs";

ensureInstalled();
const build = spawnSync(process.execPath, ["node_modules/tsup/dist/cli-default.js", "--silent"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const only = process.argv.slice(2);
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error("bench: no benchmark matched");
  process.exit(2);
}
let failed = 0;
for (const f of files) {
  console.log(`\n== bench/${f}`);
  const r = spawnSync(process.execPath, ["--expose-gc", `bench/${f}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
