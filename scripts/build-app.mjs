// Builds the browser app (app/) into dist/app/: app/main.ts bundled by esbuild with the library's
// sources (minified, ES modules split so that the workbook reader is a chunk loaded only when an
// .xlsx file is opened), app/index.html and app/app.css copied, and app/sw.ts built last with the
// list of every file to keep for offline use. Prints the size of the first load (the page, its
// stylesheet and the scripts it imports at once, gzip) and fails over the budget.
// Usage: node scripts/build-app.mjs   (run by scripts/prepare-dist.mjs after tsup)
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "dist", "app");
/** The first load's budget (gzip): the page usable on a slow connection. */
export const FIRST_LOAD_BUDGET = 200 * 1024;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", legalComments: "none", logLevel: "warning", absWorkingDir: root };
const main = await build({
  ...common,
  entryPoints: { app: join(root, "app", "main.ts") },
  outdir: out,
  splitting: true,
  chunkNames: "chunk-[hash]",
  metafile: true,
});
for (const f of ["index.html", "app.css", "icon.svg"]) copyFileSync(join(root, "app", f), join(out, f));

const files = readdirSync(out).sort();
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(readFileSync(join(out, f)));
await build({
  ...common,
  entryPoints: { sw: join(root, "app", "sw.ts") },
  outfile: join(out, "sw.js"),
  format: "iife",
  define: { __ASSETS__: JSON.stringify(["./", ...files.map((f) => `./${f}`)]), __VERSION__: JSON.stringify(hash.digest("hex").slice(0, 12)) },
});

/** The scripts the entry imports statically (what the browser fetches before the app runs). */
function firstLoadScripts() {
  const outputs = main.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === "import-statement") walk(imp.path);
  };
  walk(entry);
  return [...seen].map((f) => resolve(root, f));
}

const first = [join(out, "index.html"), join(out, "app.css"), join(out, "icon.svg"), ...firstLoadScripts()];
const gzip = first.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const lazy = Object.keys(main.metafile.outputs).filter((f) => f.endsWith(".js") && !first.includes(resolve(root, f)));
console.error(`dti app: dist/app built; first load ${(gzip / 1024).toFixed(1)} KB gzip (${first.map((f) => relative(out, f)).join(", ")}); loaded when needed: ${lazy.map((f) => relative(relative(root, out), f)).join(", ")}`);
if (gzip > FIRST_LOAD_BUDGET) {
  console.error(`dti app: the first load is over its budget of ${FIRST_LOAD_BUDGET / 1024} KB gzip`);
  process.exit(1);
}
