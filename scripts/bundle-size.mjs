// Bundle-size check: bundles small consumers of the built package with esbuild (minified, browser
// platform, tree-shaken), gzips each bundle with node:zlib and fails when an app that scores and
// shows the ranking and charts (`dti` and `dti/report`) is over the budget. The consumers import "dti" by package name
// through a symlinked node_modules, so the package's own "exports" map is what resolves it (as in a
// user's app).
// Usage: node scripts/bundle-size.mjs   (after `npm run build`)
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const root = resolve(import.meta.dirname, "..");
// Bytes, gzip. 60 KB until the ranking's Markdown and HTML came from one document model with
// label catalogs in both languages and CSV and .xlsx shared one header-row rule (+1.3 KB gzip
// together, measured from the sources at 57.6 -> 58.9 KB); 62 KB until `score()` and the stream
// read a million units at less cost (+0.6 KB gzip, measured from the sources at 59.69 -> 60.31 KB:
// the key table of repeated units and codes, about 140 bytes a unit against 300 with Maps, and the
// leaf stage writing whole columns of plain decimals); 63 KB until every public function checked
// the kind of its arguments (a typed OPTION_INVALID instead of a TypeError), a sheet's cells took
// their column from the header placed below title rows, unknown units got hints without
// diacritics, schema messages gave ranges and Markdown escaped control characters (+1.0 KB gzip,
// measured from the sources at 60.96 -> 61.95 KB). The budget keeps the headroom small.
const CORE_BUDGET = 64 * 1024;

/** What a browser app imports: only scoring, scoring with reports and charts, whole entries. */
const consumers = [
  {
    // An app that only scores: no report, chart or notebook display code should come with it.
    name: "score only",
    code: `import { score, getFramework } from "dti";
console.log(score(getFramework("vn-dti-2022-province"), globalThis.rows ?? []).units.length);`,
  },
  { name: "all of dti", code: `import * as dti from "dti"; console.log(dti);` },
  {
    // A browser app that scores and shows the ranking and charts: the budget.
    name: "score + report",
    budget: CORE_BUDGET,
    code: `import { score, getFramework, rankValues } from "dti";
import { toMarkdown, toHTML, rankingBarChart, radarChart } from "dti/report";
const r = score(getFramework("vn-dti-2022-province"), globalThis.rows ?? []);
console.log(toMarkdown(r), toHTML(r), rankingBarChart(r), radarChart(r, "x"), rankValues([1, 2], (a, b) => a - b));`,
  },
  { name: "all of dti/report", code: `import * as report from "dti/report"; console.log(report);` },
  { name: "dti/csv", code: `import { parseCsv } from "dti/csv"; console.log(parseCsv(globalThis.text ?? ""));` },
  { name: "dti/xlsx (read)", code: `import { readXlsx } from "dti/xlsx"; console.log(readXlsx(globalThis.bytes ?? new Uint8Array()));` },
  { name: "dti/xlsx (all)", code: `import * as xlsx from "dti/xlsx"; console.log(xlsx);` },
  {
    name: "score + csv + md",
    code: `import { score, getFramework } from "dti"; import { parseCsv } from "dti/csv"; import { toMarkdown } from "dti/report";
console.log(toMarkdown(score(getFramework("vn-dti-2022-province"), parseCsv(globalThis.text ?? ""))));`,
  },
];

const dir = mkdtempSync(join(tmpdir(), "dti-size-"));
let failed = false;
try {
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "dti"), "dir");
  for (const c of consumers) {
    const entry = join(dir, "entry.mjs");
    writeFileSync(entry, c.code);
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
      absWorkingDir: dir,
    });
    const bytes = out.outputFiles[0].contents;
    const gz = gzipSync(bytes, { level: 9 }).length;
    const over = c.budget !== undefined && gz > c.budget;
    failed ||= over;
    const budget = c.budget === undefined ? "" : ` (budget ${(c.budget / 1024).toFixed(0)} KB gzip: ${over ? "OVER" : "ok"})`;
    console.log(`${c.name.padEnd(18)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB minified, ${(gz / 1024).toFixed(1).padStart(6)} KB gzip${budget}${process.env.BUNDLE_BYTES === "1" ? ` [${gz} bytes]` : ""}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
