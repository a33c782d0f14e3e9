// Deno test of the public API, run by `npm run test:deno` (scripts/deno-test.mjs) in .ci/run; not
// collected by vitest (which takes test/**/*.test.ts only).
//
// The package is loaded three ways, which must agree:
//   - the built ESM entries by path (`dist/index.js`, `dist/report.js`);
//   - the TypeScript source by path (`src/index.ts`; its `.ts` specifiers need no sloppy imports);
//   - the package by name, `npm:dti`, `npm:dti/report` and `npm:dti/csv`. Deno reads package.json and node_modules
//     here ("bring your own node_modules"): `npm:dti` resolves through this package's own "exports"
//     map to dist/ (a self-reference), offline. scripts/deno-test.mjs also runs
//     test-deno/consumer.test.ts from a separate project whose node_modules/dti is this package as
//     `npm pack` makes it.
// Published values: the DTI 2022 top five (dti.gov.vn; see test/golden/published.test.ts).
import assert from "node:assert/strict";
import * as dist from "../dist/index.js";
import * as distReport from "../dist/report.js";
import * as src from "../src/index.ts";
import * as srcReport from "../src/report.ts";
import { parseCsv as srcParseCsv } from "../src/csv.ts";
import * as pkg from "npm:dti";
import * as pkgReport from "npm:dti/report";
import { parseCsv as pkgParseCsv } from "npm:dti/csv";
import * as pkgXlsx from "npm:dti/xlsx";
import * as srcXlsx from "../src/xlsx.ts";

const fixture = (name: string) => Deno.readTextFileSync(new URL(`../fixtures/${name}`, import.meta.url));

const builds = [
  { name: "src", api: src, report: srcReport, parseCsv: srcParseCsv },
  { name: "npm:dti", api: pkg, report: pkgReport, parseCsv: pkgParseCsv },
] as const;

for (const { name, api, report, parseCsv } of builds) {
  Deno.test(`${name}: DTI 2022 published top five from CSV`, () => {
    const result = api.score(api.getFramework("vn-dti-2022-province"), parseCsv(fixture("dti-2022-province-top5.csv")));
    const expected = parseCsv(fixture("dti-2022-province-top5.expected.csv")).rows.map((r) => r.cells);
    assert.deepEqual(
      result.units.map((u) => [u.unit, String(u.rank)]),
      expected.map(([unit, rank]) => [unit, rank]),
    );
    // Đà Nẵng's published 0.8002 is exact from its published inputs.
    assert.equal(result.units[0]?.value, "0.8002");
  });

  Deno.test(`${name}: JSON records, pillar views, Markdown`, () => {
    const result = api.score(api.getFramework("vn-dti-2022-province"), [
      { unit: "TP. Đà Nẵng", awareness: 1, institutions: 0.9, infrastructure: 0.8253, "human-resources": 0.8487,
        cybersecurity: 0.7578, "digital-government": 0.8575, "digital-economy": 0.7836, "digital-society": 0.5197 },
    ]);
    assert.equal(result.units[0]?.nodes["government"]?.value, "0.8638");
    assert.equal(report.toMarkdown(result).split("\n")[2]?.startsWith("| 1 | TP. Đà Nẵng | 0.8002 |"), true);
  });

  Deno.test(`${name}: typed errors with every bad cell`, () => {
    const report = api.validate(api.getFramework("vn-dti-2020-province"), [
      { unit: "Huế", government: "abc", economy: 0.5, society: "x" },
    ]);
    assert.equal(report.ok, false);
    assert.deepEqual(report.errors.map((e) => e.code), ["DATA_NOT_A_NUMBER", "DATA_NOT_A_NUMBER"]);
    assert.throws(() => api.score(api.getFramework("vn-dti-2020-province"), [{ unit: "Huế", government: "abc", economy: 0.5, society: 0.5 }]),
      (e: unknown) => api.isDtiError(e) && e.issues[0]?.code === "DATA_NOT_A_NUMBER");
  });
}

Deno.test("src and npm:dti (dist) give the same result for the 63-province sample (Vietnamese CSV)", () => {
  const [a, b] = builds.map(({ api, report, parseCsv }) =>
    report.toJSON(api.score(api.getFramework("vn-dti-2022-province"), parseCsv(fixture("provinces-63-synthetic.csv")), { columns: { group: "Vùng" } })));
  assert.equal(JSON.parse(a!).units.length, 63);
  assert.equal(b, a);
});

Deno.test("npm:dti is the built ESM entry, also importable by path with its types", () => {
  assert.equal(pkg.score, dist.score);
  assert.equal(pkgReport.toHTML, distReport.toHTML);
  assert.equal(pkg.VERSION, src.VERSION);
});

Deno.test("npm:dti/notebook: score() results render as the ranking table; npm:dti results are plain data", async () => {
  const notebook = await import("npm:dti/notebook");
  const rows = [{ unit: "Bắc Ninh", government: 0.4449, economy: 0.3668, society: 0.4052 }];
  const shown = notebook.score(pkg.getFramework("vn-dti-2020-province"), rows);
  assert.equal(shown[notebook.JUPYTER_DISPLAY]()["text/html"]?.startsWith('<table class="dti-ranking">'), true);
  const plain = pkg.score(pkg.getFramework("vn-dti-2020-province"), rows);
  assert.deepEqual(Object.getOwnPropertySymbols(plain), []);
  assert.equal(pkgReport.toJSON(shown), pkgReport.toJSON(plain));
});

Deno.test("npm:dti/xlsx and src read the official-shaped workbook alike, and write a ranking workbook that reads back", () => {
  const bytes = Deno.readFileSync(new URL("../fixtures/dti-2022-province-official.xlsx", import.meta.url));
  const [a, b] = [srcXlsx, pkgXlsx].map((x) => x.readXlsx(bytes, { headerRow: 4 }));
  assert.deepEqual(b, a);
  assert.equal(a!.rows.length, 6);
  const fw = pkg.getFramework("vn-dti-2022-province");
  const result = pkg.score(fw, { ...a!, rows: a!.rows.filter((r) => r.cells[1] !== "Trung bình") }, { ignoreColumns: ["STT"] });
  const back = pkgXlsx.readXlsx(pkgXlsx.toXLSX(result, { points: pkg.totalPoints(fw) }));
  assert.deepEqual(back.rows[0]!.cells.slice(0, 4), [1, "TP. Đà Nẵng", 0.8002, 800.2]);
});
