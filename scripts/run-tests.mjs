// Runs the test suite (vitest) and prints a plain closing line "N passed, N failed" that any CI log
// reader understands. Extra arguments go to vitest (e.g. `npm test -- test/pipeline`).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ensureInstalled } from "./ensure-install.mjs";

ensureInstalled();

const require = createRequire(import.meta.url);
// vitest's bin is not in its "exports"; resolve the package root, then the bin file.
const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
mkdirSync(".tmp", { recursive: true });
const report = ".tmp/vitest-report.json";
rmSync(report, { force: true });
const run = spawnSync(
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
let summary;
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests + r.numTodoTests > 0 ? `, ${r.numPendingTests + r.numTodoTests} skipped` : ""}`;
} catch {
  summary = undefined;
}
if (summary !== undefined) console.log(`\ntests: ${summary}`);
process.exit(run.status ?? 1);
