// On a fresh clone, `npm run sample` and `npm test` install the locked dependencies first
// (npm ci), so the README's Quick start is two commands that work from nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Runs `npm ci` when node_modules is missing; exits on failure. */
export function ensureInstalled() {
  if (existsSync("node_modules/.package-lock.json")) return;
  console.error("dti: installing dependencies (npm ci) …");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
