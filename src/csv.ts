/**
 * The `dti/csv` sub-path: reads CSV text into the raw table that `score` and `validate` take.
 * It is a separate entry so that the core bundle carries no CSV parser.
 *
 * Which csv-parse build: `csv-parse/sync` (the Node build), not `csv-parse/browser/esm/sync`.
 * Neither of the two runs everywhere (checked with csv-parse 7.0.3, Node 20.20, Deno 2.9.6):
 * - `csv-parse/sync` runs in Node (ESM `import` of `dist/csv.js` and CJS `require` of
 *   `dist/csv.cjs`, which loads csv-parse's own CJS file) and in Deno (which gives npm code the
 *   global `Buffer`). It fails in browsers: `lib/api/index.js` calls the global `Buffer` when it
 *   is loaded ("ReferenceError: Buffer is not defined", esbuild `--platform=browser` bundle run
 *   with `Buffer` deleted).
 * - `csv-parse/browser/esm/sync` runs in Node and browsers (it bundles a `Buffer` polyfill) but
 *   not in Deno: the polyfill sets `__proto__`, which Deno disables ("TypeError: that.write is not
 *   a function"; it runs only with `deno run --unsafe-proto`). It is also bigger (52 KB minified
 *   against 31 KB) and ESM only (the CJS build would need `require(esm)`).
 * Deno (scripts, notebooks) matters more here than a browser bundle, so the Node build it is.
 * Browsers get their own build of this entry through the "browser" export condition of `./csv`:
 * `dist/csv.browser.js`, with csv-parse swapped for `csv-parse/browser/esm/sync` and bundled in
 * (tsup.config.ts). Bundlers targeting browsers pick it; scripts/browser-test.mjs checks it in
 * headless Chromium. The source is the same.
 *
 * @example
 * ```ts
 * import { parseCsv } from "dti/csv";
 * const table = parseCsv("Tỉnh;Nhận thức số\nHà Nội;0,8125\n");
 * table.rows[0]?.cells; // => ["Hà Nội", "0,8125"]
 * ```
 *
 * @module dti/csv
 */
export { MAX_RECORD_SIZE, parseCsv, readCsvRows } from "./input/csv/parse-csv.ts";
export type { CsvOptions } from "./input/csv/parse-csv.ts";
export { readCsvStream } from "./input/csv/read-csv-stream.ts";
export type { CsvStreamRow } from "./input/csv/read-csv-stream.ts";
