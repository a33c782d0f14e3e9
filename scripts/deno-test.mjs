// Deno check of the public API (after `npm run build`), with the `deno` binary from the `deno` npm
// package (installed on demand by scripts/ensure-deno.mjs; no download outside npm):
//   1. `deno test test-deno/api.test.ts` in this repository: src/ by path, dist/ by path and
//      `npm:dti` (resolved through this package's own "exports" from node_modules, offline);
//   2. `deno test consumer.test.ts` in a throw-away consumer project whose node_modules/dti is
//      this package as `npm pack` makes it (its dependencies and @types/node linked from our
//      node_modules, with no registry access), so `npm:dti`
//      resolves as it does for a user of the published package.
// Usage: node scripts/deno-test.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDeno } from "./ensure-deno.mjs";

const root = resolve(import.meta.dirname, "..");
const deno = ensureDeno();
const env = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };

function denoTest(cwd, args) {
  const run = spawnSync(deno, ["test", "--allow-read", ...args], { cwd, env, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`deno test ${args.join(" ")} failed (exit ${run.status})`);
}

console.log(execFileSync(deno, ["--version"], { env, encoding: "utf8" }).split("\n")[0]);
denoTest(root, ["test-deno/api.test.ts"]);

const dir = mkdtempSync(join(tmpdir(), "dti-deno-consumer-"));
try {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" }).trim().split("\n").pop();
  const target = join(dir, "node_modules", "dti");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["xzf", join(dir, tgz), "-C", target, "--strip-components=1"]);
  // The package's dependencies, and @types/node for the test's `node:assert`.
  for (const name of [...Object.keys(pkg.dependencies), "@types/node"]) {
    const at = join(dir, "node_modules", ...name.split("/"));
    mkdirSync(resolve(at, ".."), { recursive: true });
    symlinkSync(join(root, "node_modules", ...name.split("/")), at, "dir");
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module", dependencies: { dti: pkg.version }, devDependencies: { "@types/node": pkg.devDependencies["@types/node"] } }));
  cpSync(join(root, "test-deno", "consumer.test.ts"), join(dir, "consumer.test.ts"));
  denoTest(dir, ["consumer.test.ts"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
