// Installs the package as a user would, into fresh throw-away projects, and uses it there:
//   1. from a git URL of this clone (`npm install git+file://<repo>`): npm clones the committed
//      HEAD, installs its dev dependencies and runs `prepare`, which builds dist/;
//   2. from the tarball `npm pack` makes (`prepack` builds dist/ when it is missing or stale).
// In each: an ESM import (`dti`, `dti/csv`), a CommonJS require, `npx dti --help` and
// `npx dti score` on a bundled fixture. Then jsr.json: its version matches package.json and
// `deno publish --dry-run` passes (Deno from the `deno` npm package, see ensure-deno.mjs).
// The git install reads the last commit, not uncommitted changes (a warning says so).
// Usage: node scripts/install-test.mjs [--skip-git] [--skip-jsr]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureDeno } from "./ensure-deno.mjs";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
// The registry is used only for the package's own dependencies; the cache CI's `npm ci` just
// filled serves them (also to the nested install npm runs inside the git clone).
const env = { ...process.env, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };

function run(cmd, args, cwd, input) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}) in ${cwd}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const ESM_CHECK = `
import { getFramework, score } from "dti";
import { parseCsv } from "dti/csv";
const csv = "unit;awareness;institutions;infrastructure;human-resources;cybersecurity;digital-government;digital-economy;digital-society\\nĐà Nẵng;1;0,9;0,8253;0,8487;0,7578;0,8575;0,7836;0,5197\\n";
const result = score(getFramework("vn-dti-2022-province"), parseCsv(csv));
if (result.units[0].value !== "0.8002") throw new Error("ESM: expected 0.8002, got " + result.units[0].value);
console.log("esm ok " + result.units[0].value);
`;

const CJS_CHECK = `
const { getFramework, score } = require("dti");
const { parseCsv } = require("dti/csv");
const csv = "unit,awareness,institutions,infrastructure,human-resources,cybersecurity,digital-government,digital-economy,digital-society\\nĐà Nẵng,1,0.9,0.8253,0.8487,0.7578,0.8575,0.7836,0.5197\\n";
const result = score(getFramework("vn-dti-2022-province"), parseCsv(csv));
if (result.units[0].value !== "0.8002") throw new Error("CJS: expected 0.8002, got " + result.units[0].value);
console.log("cjs ok " + result.units[0].value);
`;

/** A fresh project with `spec` installed, then the checks. */
function installAndUse(label, spec) {
  const dir = mkdtempSync(join(tmpdir(), `dti-install-${label}-`));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "dti-install-check", private: true, version: "1.0.0" }));
    const started = Date.now();
    run(npm, ["install", "--no-audit", "--no-fund", "--loglevel=error", spec], dir);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules", "dti", "package.json"), "utf8"));
    check(installed.version === pkg.version, `${label}: installed dti ${installed.version}, expected ${pkg.version}`);
    const esm = run(process.execPath, ["--input-type=module", "-"], dir, ESM_CHECK);
    const cjs = run(process.execPath, ["--input-type=commonjs", "-"], dir, CJS_CHECK);
    const help = run(npx, ["--no-install", "dti", "--help"], dir);
    check(help.startsWith(`dti ${pkg.version}:`) && help.includes("Usage:"), `${label}: \`npx dti --help\` printed:\n${help}`);
    const scored = run(npx, ["--no-install", "dti", "score", join(root, "fixtures", "dti-2022-province-top5.csv"), "-f", "vn-dti-2022-province", "--format", "csv"], dir);
    check(scored.split("\n").length >= 6, `${label}: \`npx dti score\` printed:\n${scored}`);
    console.log(`${label}: installed in ${seconds} s; ${esm.trim()}; ${cjs.trim()}; npx dti --help ok; npx dti score ok`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);

if (!args.includes("--skip-git")) {
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim();
  if (dirty !== "") console.warn("warning: uncommitted changes; the git install reads the last commit");
  installAndUse("git", `git+${pathToFileURL(root).href}`);
}

const packDir = mkdtempSync(join(tmpdir(), "dti-pack-"));
try {
  const tgz = run(npm, ["pack", "--silent", "--pack-destination", packDir], root).trim().split("\n").pop();
  installAndUse("tarball", join(packDir, tgz));
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

if (!args.includes("--skip-jsr")) {
  const jsr = JSON.parse(readFileSync(join(root, "jsr.json"), "utf8"));
  check(jsr.version === pkg.version, `jsr.json has version ${jsr.version}, package.json ${pkg.version}: keep them equal`);
  const deno = ensureDeno();
  // --allow-dirty: CI's clone is clean, a developer's work tree need not be.
  const out = spawnSync(deno, ["publish", "--dry-run", "--allow-dirty"], { cwd: root, env, encoding: "utf8" });
  check(out.status === 0, `deno publish --dry-run failed (exit ${out.status})\n${out.stdout}\n${out.stderr}`);
  console.log(`jsr: deno publish --dry-run passes for ${jsr.name}@${jsr.version}`);
}
