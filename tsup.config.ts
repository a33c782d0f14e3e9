import { defineConfig } from "tsup";

export default defineConfig([
  {
    // Library entries: the core (no CSV parser), the `dti/csv` and `dti/analysis` sub-paths.
    entry: { index: "src/index.ts", csv: "src/csv.ts", analysis: "src/analysis.ts" },
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: true,
    sourcemap: true,
    treeshake: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // The command-line tool: Node only, ESM, with a shebang kept from the source.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
  },
]);
