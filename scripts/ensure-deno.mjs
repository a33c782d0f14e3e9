// The Deno binary for the Deno test and the notebook check, from the `deno` npm package (its
// platform package @deno/<os>-<arch> holds the binary; nothing is downloaded from outside npm).
// Not a devDependency: the registry here publishes only @deno/linux-x64-glibc of deno's six
// platform packages, so a lock file with deno in it fails `npm ci` ("Missing: @deno/darwin-arm64
// from lock file"). It is installed on demand with `npm install --no-save`, which leaves
// package.json and package-lock.json alone.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The pinned Deno version. */
export const DENO_VERSION = "2.9.6";

const root = resolve(import.meta.dirname, "..");

/** Installs deno@DENO_VERSION into node_modules when it is not there; returns the binary's path. */
export function ensureDeno() {
  const pkg = join(root, "node_modules", "deno", "package.json");
  const installed = existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : undefined;
  if (installed !== DENO_VERSION) {
    console.log(`installing deno@${DENO_VERSION} (npm install --no-save)`);
    execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", `deno@${DENO_VERSION}`], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  const bin = join(root, "node_modules", ".bin", "deno");
  const version = execFileSync(bin, ["--version"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }).split("\n")[0];
  if (!version.startsWith(`deno ${DENO_VERSION} `)) throw new Error(`expected deno ${DENO_VERSION}, got ${version}`);
  return bin;
}
