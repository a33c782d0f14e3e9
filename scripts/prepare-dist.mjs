// Builds dist/ for `npm install git+<url>` and `npm pack` / `npm publish` (the `prepare` and
// `prepack` scripts), so every install from source carries the built package. The build is skipped
// when dist/ was already built from the same sources: `npm ci` runs `prepare`, and the later
// `npm pack` calls in CI (attw, the Deno and install checks) would otherwise rebuild each time.
// The sources' hash is kept in dist/.build-hash (left out of the package by "files").
// Usage: node scripts/prepare-dist.mjs [--force]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const stampFile = join(root, "dist", ".build-hash");
const event = process.env.npm_lifecycle_event ?? "build";

/** Every file the build reads, in a stable order. */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(join(root, "src"));
  walk(join(root, "app"));
  return [...out, ...["package.json", "tsconfig.json", "tsup.config.ts"].map((f) => join(root, f))];
}

function sourceHash() {
  const hash = createHash("sha256");
  for (const file of sources()) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** The files package.json's "exports", "main" and "bin" point into dist/. */
function builtFiles() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})];
  const collect = (v) => (typeof v === "string" ? targets.push(v) : v && typeof v === "object" && Object.values(v).forEach(collect));
  collect(pkg.exports);
  // And the browser app that `dti app` serves.
  return [...targets.filter((t) => typeof t === "string" && t.startsWith("./dist/")).map((t) => join(root, t)), join(root, "dist", "app", "index.html")];
}

const hash = sourceHash();
const upToDate = !process.argv.includes("--force") && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === hash && builtFiles().every((f) => existsSync(f));
if (upToDate) {
  console.error(`dti ${event}: dist/ is built from the current sources`);
  process.exit(0);
}

let tsup;
try {
  tsup = createRequire(join(root, "package.json")).resolve("tsup/package.json");
} catch {
  // `npm install --omit=dev` in a clone runs `prepare` without the build tools: nothing to build
  // with, and nothing asked for a package. Packing without dist/ would ship a broken package.
  if (event === "prepare") {
    console.error("dti prepare: tsup is not installed (dev dependencies left out), dist/ not built; run `npm install` then `npm run build`");
    process.exit(0);
  }
  console.error(`dti ${event}: tsup is not installed; run \`npm ci\` first`);
  process.exit(1);
}
console.error(`dti ${event}: building dist/ (tsup)`);
const bin = join(tsup, "..", JSON.parse(readFileSync(tsup, "utf8")).bin.tsup);
const run = spawnSync(process.execPath, [bin], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
if (run.status !== 0) process.exit(run.status ?? 1);
// The browser app (app/ → dist/app/), bundled from the same sources.
const app = spawnSync(process.execPath, [join(root, "scripts", "build-app.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
if (app.status !== 0) process.exit(app.status ?? 1);
const missing = builtFiles().filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`dti ${event}: the build did not write ${missing.map((f) => relative(root, f)).join(", ")}`);
  process.exit(1);
}
writeFileSync(stampFile, `${hash}\n`);
