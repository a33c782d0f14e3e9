import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// dist/ is emptied once, here, before any build starts: tsup runs the configs below in parallel, so
// a per-config `clean: true` could delete what another config has just written.
rmSync("dist", { recursive: true, force: true });

// Declarations are built one entry at a time so that each entry's .d.ts / .d.cts is self-contained.
// Built together, rollup-plugin-dts moves the shared types into a chunk (`table-<hash>.d.ts`) that
// the entries import as `./table-<hash>.js`, a file that does not exist; TypeScript maps that to
// the .d.ts, but Deno does not when dist/ is imported by path (TS2307 under `deno check`).
const dts = { compilerOptions: { ignoreDeprecations: "6.0" } };
const library: Options = { format: ["esm", "cjs"], target: "es2022", platform: "neutral" };

export default defineConfig([
  {
    // Library entries: the core (no CSV parser, no renderer, no mathjs, no notebook display, no zip
    // code), the `dti/report`, `dti/csv`, `dti/analysis`, `dti/formula`, `dti/notebook`, `dti/xlsx`
    // and `dti/sql` sub-paths, sharing chunks. `dti/sql` imports the optional `@duckdb/node-api`
    // only when it runs a query (a dynamic import, left external).
    ...library,
    entry: { index: "src/index.ts", report: "src/report.ts", csv: "src/csv.ts", analysis: "src/analysis.ts", formula: "src/formula.ts", notebook: "src/notebook.ts", xlsx: "src/xlsx.ts", sql: "src/sql.ts" },
    sourcemap: true,
    treeshake: true,
  },
  { ...library, entry: { index: "src/index.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { report: "src/report.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { csv: "src/csv.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { analysis: "src/analysis.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { formula: "src/formula.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { notebook: "src/notebook.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { xlsx: "src/xlsx.ts" }, dts: { ...dts, only: true } },
  { ...library, entry: { sql: "src/sql.ts" }, dts: { ...dts, only: true } },
  {
    // The command-line tool: Node only, ESM, with a shebang kept from the source; and the worker
    // threads that read and score a streamed CSV and write its rows (`dist/csv-worker.js`,
    // `read-worker.js`, `unit-worker.js`, `rows-worker.js`, found beside the CLI's code).
    entry: { cli: "src/cli/main.ts", "csv-worker": "src/cli/csv-worker.ts", "read-worker": "src/cli/read-worker.ts", "unit-worker": "src/cli/unit-worker.ts", "rows-worker": "src/cli/rows-worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
  },
]);
