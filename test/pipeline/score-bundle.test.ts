/**
 * What an app that only computes carries: esbuild bundles a small consumer of the source entries
 * (tree-shaken, as a user's bundler would) and its metafile lists every module that ended up in
 * the bundle. Scoring, validation, the uncertainty analysis and the analyses of `dti/analysis`
 * must come without the notebook display (src/display/) and without any renderer (HTML, Markdown,
 * SVG, Vega-Lite, CSV writers): those are reached through `dti/notebook` or imported on purpose.
 */
import { build } from "esbuild";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** The source modules in the tree-shaken bundle of `code` (imports written relative to src/). */
async function modulesOf(code: string): Promise<string[]> {
  const out = await build({
    stdin: { contents: code, resolveDir: resolve(root, "src"), loader: "ts", sourcefile: "app.ts" },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    external: ["decimal.js", "zod", "zod/*", "mathjs"],
  });
  const [output] = Object.values(out.metafile.outputs);
  return Object.entries(output!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path.replace(/^.*?src\//u, "src/"));
}

/** The notebook display and the renderers (the same list as test/imports.test.ts). */
const isDisplayOrRenderer = (f: string) =>
  /-markdown\.ts$|^src\/report\/(to-(markdown|html|csv)|ranking-document)\.ts$|^src\/report\/(chart|vega|html-report|document)\/|^src\/display\/|^src\/uncertainty\/to-markdown\.ts$/u.test(f);

describe("an app that only computes bundles no display or renderer", () => {
  it.each([
    ["score and a built-in framework", `import { getFramework, score } from "./index.ts"; console.log(score(getFramework("vn-dti-2022-province"), []));`],
    ["validate", `import { getFramework, validate } from "./index.ts"; console.log(validate(getFramework("vn-dti-2022-province"), []));`],
    ["uncertainty", `import { getFramework } from "./index.ts"; import { uncertainty } from "./analysis.ts"; console.log(uncertainty(getFramework("vn-dti-2022-province"), []));`],
    [
      "the analyses of dti/analysis",
      `import { applyBands, assessment, compareYears, explain, improvementPriorities, planImprovements, whatIf } from "./analysis.ts";
       console.log(applyBands, assessment, compareYears, explain, improvementPriorities, planImprovements, whatIf);`,
    ],
  ])("%s", async (_, code) => {
    const modules = await modulesOf(code);
    expect(modules).toContain("src/score/compile.ts");
    expect(modules.filter(isDisplayOrRenderer)).toEqual([]);
  });

  it("sees what it checks: score from dti/notebook brings the display and the table renderers", async () => {
    const modules = await modulesOf(`import { score } from "./notebook.ts"; console.log(score);`);
    expect(modules).toEqual(expect.arrayContaining(["src/display/with-display.ts", "src/display/display-table.ts", "src/report/to-html.ts", "src/report/to-markdown.ts"]));
  });
});
