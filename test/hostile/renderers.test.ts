/**
 * Every renderer over hostile names. Unit, group, node and view names, short labels, the
 * framework's title and facts, band set names, labels and notes, report titles and labels all
 * carry markup, script, pipes, backticks, a javascript: link, a spreadsheet formula, line breaks
 * and emphasis. Each Markdown, HTML, SVG, CSV and Vega-Lite output of the library and of the CLI
 * is checked: Markdown has no raw `<` and, rendered with marked (raw HTML on, as in most viewers),
 * gives no tag or link from the data and shows every name as written; HTML and SVG hold only
 * the renderer's own tags (no img, script, event handler or javascript: URL) and SVG is
 * well-formed; CSV cells never start a formula and read back as one row per unit; Vega-Lite specs
 * keep names in data and titles only, and render to safe SVG.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { marked } from "marked";
import { afterAll, describe, expect, it } from "vitest";
import * as analysis from "../../src/analysis.ts";
import { parseCsv } from "../../src/csv.ts";
import { display, tableBundle } from "../../src/display/display-table.ts";
import { displayRadar, displayRankingBar } from "../../src/display/display-chart.ts";
import { JUPYTER_DISPLAY, type MimeBundle } from "../../src/display/mime-bundle.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import type { FrameworkDefinition, LocalizedName } from "../../src/framework/types.ts";
import * as core from "../../src/index.ts";
import * as notebook from "../../src/notebook.ts";
import * as report from "../../src/report.ts";
import { reportBands, reportLevers } from "../../src/cli/report-extras.ts";
import { cli } from "../cli/helpers.ts";
import { renderVegaLite } from "../report/vega/render.ts";

/** The payloads: markup, a script end, a pipe, backticks, a javascript: link, a formula, line breaks, emphasis, entities. */
const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "</script><script>alert(1)</script>",
  "a | b",
  "`x` ``y",
  "[x](javascript:alert(1))",
  "=cmd|' /C calc'!A0",
  "dòng 1\ndòng 2\r\n# h",
  "*_đậm_* __x__",
  "&lt;b&gt; \\",
] as const;

const p = (i: number) => PAYLOADS[i % PAYLOADS.length] as string;
/** Every hostile name, by its marker (the marker ends the name, so a name cut short loses it). */
const NAMES = new Map<string, string>();
const named = (i: number, marker: string) => {
  const name = `${p(i)} Ω${marker}`;
  NAMES.set(`Ω${marker}`, name);
  return name;
};
const ln = (i: number, marker: string): LocalizedName => ({ vi: named(i, marker), en: named(i + 1, `${marker}e`) });

const UNITS = PAYLOADS.map((_, i) => named(i, `U${i + 1}`));
const GROUPS = [named(5, "G1"), named(0, "G2"), named(6, "G3")];
const definition: FrameworkDefinition = {
  id: "hostile",
  version: "1.0.0",
  title: ln(1, "T"),
  source: { decision: named(0, "D"), issuer: named(2, "I"), references: ["javascript:alert(1)", named(4, "L")] },
  uncertain: [{ fact: named(1, "F"), confidence: "low", nodes: ["a"] }],
  root: {
    id: "dti",
    name: ln(7, "R"),
    short: named(0, "RS"),
    maxPoints: 100,
    children: [
      {
        id: "g1",
        name: ln(1, "N1"),
        short: named(2, "S1"),
        maxPoints: 60,
        children: [
          { id: "a", name: ln(3, "N2"), short: named(4, "S2"), maxPoints: 30, rule: { type: "value" } },
          { id: "b", name: ln(5, "N3"), short: named(6, "S3"), maxPoints: 30, rule: { type: "value" } },
        ],
      },
      { id: "c", name: ln(8, "N4"), short: named(0, "S4"), maxPoints: 40, rule: { type: "value" } },
    ],
  },
  views: [{ id: "v", name: ln(4, "V1"), short: named(7, "VS"), terms: [{ node: "a" }, { node: "c" }] }],
};
const fw = defineFramework(definition);
const bandSet = analysis.defineBands({
  id: "hostile-bands",
  name: ln(0, "B"),
  note: named(6, "BN"),
  bands: [
    { id: "hi", label: ln(4, "BH"), min: 0.5 },
    { id: "lo", label: ln(5, "BL") },
  ],
});

/** Two years; values rise or fall by unit, so every unit moves. */
const rows = UNITS.flatMap((unit, i) =>
  [2023, 2024].map((year) => {
    const x = ((i * 37 + (year - 2023) * (i % 2 === 0 ? 11 : -7)) % 90) / 100 + 0.05;
    return { unit, group: GROUPS[i % 3] as string, year, a: x, b: 1 - x, c: (x + 0.3) % 1 };
  }),
);
const options = { columns: { group: "group", year: "year" } } as const;
const result = core.score(fw, rows, options);
const rows2024 = rows.filter((r) => r.year === 2024);
const result2024 = core.score(fw, rows2024, { columns: { group: "group" } });
const target = UNITS[0] as string;
const names = { dti: fw.root.name, g1: definition.root.children![0]!.name, a: ln(3, "N2"), b: ln(5, "N3"), c: ln(8, "N4") };

// ---- checks ----

const collapse = (s: string) => s.replace(/\s+/gu, " ").trim();
const ENTITY = /&(amp|lt|gt|quot|#39|#x27|#\d+|#x[\da-f]+);/giu;
const decode = (s: string) =>
  s.replace(ENTITY, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[e.toLowerCase()] ?? String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))));
/** The text a browser shows: tags removed, references decoded once, spaces collapsed. */
const textOf = (html: string) => collapse(decode(html.replace(/<[^>]*>/gu, " ")));
const count = (text: string, part: string) => text.split(part).length - 1;

let outputs = 0;

/**
 * Only the renderer's own tags: no img/script/iframe/object, no on* handler, no javascript: URL.
 * (Escaped text holds no `<` or quote, so tags and quoted attribute values can be read by pattern.)
 */
function checkTags(html: string, where: string): void {
  outputs++;
  for (const [tag, name = "", rest = ""] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/gu)) {
    expect(name, `${where}: ${tag}`).not.toMatch(/^(img|script|iframe|object|embed|foreignObject|link|base|form)$/iu);
    for (const [, attribute = "", value = ""] of rest.matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/gu)) {
      expect(attribute, `${where}: ${tag}`).not.toMatch(/^on/iu);
      if (/^(href|src|action|formaction|xlink:href)$/iu.test(attribute)) expect(value, `${where}: ${tag}`).not.toMatch(/^["']?\s*javascript:/iu);
    }
  }
}

/** Every name the text shows (its marker appears) is shown whole, as written. */
function checkIntact(text: string, where: string): void {
  for (const [marker, name] of NAMES) {
    const re = new RegExp(`${marker}(?![\\p{L}\\p{N}])`, "gu");
    const shown = text.match(re)?.length ?? 0;
    if (shown === 0) continue;
    expect(count(text, collapse(name)), `${where}: ${JSON.stringify(name)}`).toBe(shown);
  }
}

function checkHtml(html: string, where: string): void {
  checkTags(html, where);
  // Charts cut long labels with "…" by design; the rest shows every name whole.
  checkIntact(textOf(html.replace(/<svg[\s\S]*?<\/svg>/gu, " ")), where);
}

function checkMarkdown(md: string, where: string): void {
  expect(md, where).not.toContain("<");
  const html = marked.parse(md, { async: false, gfm: true }) as string;
  checkTags(html, `${where} (marked)`);
  checkIntact(textOf(html), `${where} (marked)`);
}

const SVG_ELEMENTS = new Set(["svg", "title", "desc", "g", "rect", "text", "tspan", "line", "path", "polygon", "polyline", "circle", "defs", "clipPath", "style"]);

function checkSvg(svg: string, where: string): void {
  expect(XMLValidator.validate(svg), where).toBe(true);
  checkTags(svg, where);
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key.startsWith("@") || key === "#text" || key === "?xml") continue;
      expect(SVG_ELEMENTS.has(key), `${where}: <${key}>`).toBe(true);
      for (const child of Array.isArray(value) ? value : [value]) walk(child);
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => true }).parse(svg));
}

/** CSV: no cell starts a formula (apart from numbers), one row per unit, names read back. */
function checkCsv(csv: string, where: string, units: number, delimiter: "," | ";" = ","): void {
  outputs++;
  const table = parseCsv(csv.replace(/^\uFEFF/u, ""), { delimiter });
  expect(table.rows, where).toHaveLength(units);
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (typeof cell === "string" && !/^-?\d+([.,]\d+)?$/u.test(cell)) expect(cell, where).not.toMatch(/^[=+\-@\t\r]/u);
    }
  }
  const unitColumn = table.columns.indexOf("unit");
  const read = table.rows.map((r) => r.cells[unitColumn] as string);
  for (const name of read) expect(UNITS.map((u) => (u.startsWith("=") ? `'${collapse(u)}` : collapse(u))), where).toContain(name);
}

/** Vega-Lite: plain JSON; names only in data, titles and labels (never in an expression); safe SVG. */
async function checkVega(spec: Record<string, unknown>, where: string): Promise<void> {
  outputs++;
  expect(JSON.parse(JSON.stringify(spec)), where).toEqual(spec);
  const walk = (node: unknown, key: string): void => {
    if (typeof node === "string" && ["expr", "calculate", "filter", "test", "signal", "update", "init", "field"].includes(key)) {
      for (const marker of NAMES.keys()) expect(node, `${where}: ${key}`).not.toContain(marker);
    }
    if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) walk(v, Array.isArray(node) ? key : k);
  };
  walk(spec, "");
  checkSvg((await renderVegaLite(spec)).svg, `${where} (rendered)`);
}

const bundleOf = (x: object): MimeBundle => ((x as Record<symbol, () => MimeBundle>)[JUPYTER_DISPLAY] as () => MimeBundle).call(x);

function checkBundle(bundle: MimeBundle, where: string): void {
  if (bundle["text/markdown"] !== undefined) checkMarkdown(bundle["text/markdown"], `${where} text/markdown`);
  if (bundle["text/html"] !== undefined) checkHtml(bundle["text/html"], `${where} text/html`);
  if (bundle["image/svg+xml"] !== undefined) checkSvg(bundle["image/svg+xml"], `${where} image/svg+xml`);
}

// ---- the renderers ----

describe("every renderer keeps hostile names as text", () => {
  it("the names survive scoring as written (the fixture is what it claims)", () => {
    // Unit and group names are read with their spaces collapsed (line breaks too).
    expect(new Set(result.units.map((u) => u.unit))).toEqual(new Set(UNITS.map(collapse)));
    expect(result.units.some((u) => u.group === GROUPS[0])).toBe(true);
  });

  it("ranking: Markdown, HTML table, CSV", () => {
    for (const language of ["vi", "en"] as const) {
      checkMarkdown(report.toMarkdown(result, { language }), `toMarkdown ${language}`);
      checkMarkdown(report.toMarkdown(result, { language, decimalComma: true, columns: ["g1", "a", "v"] }), "toMarkdown columns");
      checkHtml(report.toHTML(result, { language, caption: named(3, "C") }), `toHTML ${language}`);
    }
    checkCsv(report.toCSV(result), "toCSV", result.units.length);
    checkCsv(report.toCSV(result, { decimalComma: true, delimiter: ";", bom: true }), "toCSV ;", result.units.length, ";");
  });

  it("analyses: explain, what-if, priorities, plan, years, bands, assessment", () => {
    for (const language of ["vi", "en"] as const) {
      const ex = analysis.explain(fw, result, target, { bands: bandSet, target: 0.95 });
      checkMarkdown(analysis.explainToMarkdown(ex, { language }), `explainToMarkdown ${language}`);
      checkMarkdown(analysis.whatIfToMarkdown(analysis.whatIf(fw, rows, target, { a: 0.99 }, options), { language, names }), `whatIfToMarkdown ${language}`);
      checkMarkdown(analysis.prioritiesToMarkdown(analysis.improvementPriorities(fw, rows, target, options), { language }), `prioritiesToMarkdown ${language}`);
      const last = [...result.units].filter((u) => u.year === 2024).sort((x, y) => (y.rank ?? 0) - (x.rank ?? 0))[0]!.unit;
      const plan = analysis.planImprovements(fw, rows, last, { ...options, toRank: 1 });
      expect(plan.exact).not.toBeNull();
      checkMarkdown(analysis.planToMarkdown(plan, { language }), `planToMarkdown ${language}`);
      checkMarkdown(analysis.yearsToMarkdown(analysis.compareYears(result, { from: 2023, to: 2024 }), { language }), `yearsToMarkdown ${language}`);
      checkMarkdown(analysis.bandsToMarkdown(analysis.applyBands(result, bandSet), bandSet, { language }), `bandsToMarkdown ${language}`);
    }
    const long = UNITS.flatMap((unit) => ["a", "b", "c"].map((id) => ({ unit, indicator: id, self: "20", appraised: "25", final: "", evidence: p(UNITS.indexOf(unit) + 2) })));
    const a = analysis.assessment(fw, long);
    expect(a.issues.length).toBeGreaterThan(0);
    for (const language of ["vi", "en"] as const) checkMarkdown(analysis.assessmentToMarkdown(a, { language }), `assessmentToMarkdown ${language}`);
  });

  it("uncertainty", () => {
    const ua = notebook.uncertainty(fw, rows2024, { runs: 16, seed: 3, weights: 0.2, columns: { group: "group" } });
    for (const language of ["vi", "en"] as const) checkMarkdown(analysis.uncertaintyToMarkdown(ua, { language }), `uncertaintyToMarkdown ${language}`);
    checkBundle(bundleOf(ua), "uncertainty display");
  });

  it("notebook displays: results, analyses, tables, charts, any Markdown", () => {
    checkBundle(bundleOf(notebook.score(fw, rows, options)), "score() display");
    checkBundle(tableBundle(result, { language: "en", caption: named(1, "C2") }), "tableBundle");
    checkBundle(bundleOf(display(result, { limit: 3 })), "display");
    checkBundle(bundleOf(displayRadar(result2024, target)), "displayRadar");
    checkBundle(bundleOf(displayRankingBar(result, { year: 2024 })), "displayRankingBar");
    checkBundle(bundleOf(notebook.explain(fw, result, target)), "explain display");
    checkBundle(bundleOf(notebook.whatIf(fw, rows, target, { a: 0.99 }, options)), "whatIf display");
    checkBundle(bundleOf(notebook.improvementPriorities(fw, rows, target, options)), "priorities display");
    checkBundle(bundleOf(notebook.compareYears(result, { from: 2023, to: 2024 })), "compareYears display");
    checkBundle(bundleOf(notebook.applyBands(result, bandSet)), "applyBands display");
    checkBundle(bundleOf(notebook.planImprovements(fw, rows, target, { ...options, toRank: 1 })), "plan display");
    checkBundle(bundleOf(notebook.assessment(fw, UNITS.flatMap((unit, i) => ["a", "b", "c"].map((id) => ({ unit, indicator: id, self: "20", appraised: "25", final: "", evidence: p(i + 2) }))))), "assessment display");
  });

  it("SVG charts and Vega-Lite specs", async () => {
    const labels = { title: named(2, "CT"), subtitle: named(0, "CS") };
    for (const language of ["vi", "en"] as const) {
      checkSvg(report.rankingBarChart(result, { language, year: 2024, ...labels }), `rankingBarChart ${language}`);
      checkSvg(report.rankingBarChart(result, { language, node: "g1" }), "rankingBarChart node");
      checkSvg(report.radarChart(result, target, { language, year: 2024, ...labels }), `radarChart ${language}`);
      checkSvg(report.comparisonChart(result, { language, beforeLabel: named(4, "BL1"), afterLabel: named(6, "AL1"), ...labels }), `comparisonChart ${language}`);
    }
    await checkVega(report.rankingBarSpec(result, { year: 2024, ...labels }), "rankingBarSpec");
    await checkVega(report.radarSpec(result, target, { year: 2024, ...labels }), "radarSpec");
    await checkVega(report.comparisonSpec(result, { beforeLabel: named(4, "BL1"), afterLabel: named(6, "AL1"), ...labels }), "comparisonSpec");
  });

  it("the HTML report with bands, robustness, levers, framework facts and labels", () => {
    const ua = notebook.uncertainty(fw, rows2024, { runs: 16, seed: 3, year: 2024, columns: { group: "group" } });
    const units2024 = result.units.filter((u) => u.year === 2024);
    for (const language of ["vi", "en"] as const) {
      const html = report.toHTMLReport(result, {
        language,
        title: named(3, "RT"),
        framework: definition,
        dataSource: named(5, "DS"),
        beforeLabel: named(4, "BL1"),
        afterLabel: named(6, "AL1"),
        featured: target,
        bands: reportBands(result, bandSet, language),
        uncertainty: ua,
        levers: reportLevers(fw, result, units2024),
      });
      checkHtml(html, `toHTMLReport ${language}`);
      for (const svg of html.match(/<svg[\s\S]*?<\/svg>/gu) ?? []) checkSvg(svg, `toHTMLReport ${language} svg`);
    }
  });
});

// ---- the CLI ----

describe("every CLI output keeps hostile names as text", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-hostile-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const csvOf = (records: readonly Record<string, unknown>[]) => {
    const header = Object.keys(records[0] as object);
    const cell = (v: unknown) => `"${String(v).replace(/"/gu, '""')}"`;
    return [header.join(","), ...records.map((r) => header.map((h) => cell(r[h])).join(","))].join("\r\n") + "\r\n";
  };
  const data = file("data.csv", csvOf(rows));
  const data2024 = file("data-2024.csv", csvOf(rows2024));
  const fwFile = file("fw.json", JSON.stringify(definition));
  const bandsFile = file("bands.json", JSON.stringify(bandSet));
  const assessFile = file("assess.csv", csvOf(UNITS.flatMap((unit, i) => ["a", "b", "c"].map((id) => ({ unit, indicator: id, self: 20, appraised: 25, final: 25, evidence: p(i + 2) })))));
  const base = [data, "--framework", fwFile, "--group-by", "group", "--year-column", "year"];
  const run = async (args: string[]) => {
    const r = await cli(args);
    expect(r.code, `${args.join(" ")}\n${r.stderr}`).toBe(0);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /u);
    return r.stdout;
  };

  it("dti score: md, csv, html, svg, json, with --bands", async () => {
    checkMarkdown(await run(["score", ...base, "--bands", bandsFile]), "score md");
    checkMarkdown(await run(["score", ...base, "--lang", "en", "--decimal-comma"]), "score md en");
    checkCsv(await run(["score", ...base, "--format", "csv", "--bands", bandsFile]), "score csv", result.units.length);
    checkCsv(await run(["score", ...base, "--format", "csv", "--decimal-comma", "--bom"]), "score csv ;", result.units.length, ";");
    checkHtml(await run(["score", ...base, "--format", "html"]), "score html");
    checkSvg(await run(["score", ...base, "--format", "svg"]), "score svg");
    const json = JSON.parse(await run(["score", ...base, "--format", "json", "--bands", bandsFile]));
    expect(json.units.map((u: { unit: string }) => u.unit)).toEqual(result.units.map((u) => u.unit));
    outputs++;
  });

  it("dti score --stream: csv, md and json, the bytes of dti score", async () => {
    const args = ["score", data2024, "--framework", fwFile, "--group-by", "group"];
    const csv = await run([...args, "--stream", "--format", "csv"]);
    checkCsv(csv, "score --stream csv", UNITS.length);
    expect(csv).toBe(await run([...args, "--format", "csv"]));
    checkCsv(await run([...args, "--stream", "--format", "csv", "--decimal-comma"]), "score --stream csv ;", UNITS.length, ";");
    const md = await run([...args, "--stream"]);
    checkMarkdown(md, "score --stream md");
    expect(md).toBe(await run(args));
    expect(await run([...args, "--stream", "--format", "json"])).toBe(await run([...args, "--format", "json"]));
  });

  it("dti report, dti chart", async () => {
    const html = await run(["report", ...base, "--bands", bandsFile, "--uncertainty-runs", "16", "--title", named(3, "RT"), "--before-label", named(4, "BL1")]);
    checkHtml(html, "report");
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/gu) ?? []) checkSvg(svg, "report svg");
    for (const type of ["ranking", "radar", "comparison"]) {
      const chart = ["chart", ...base, "--type", type, "--unit", target, "--title", named(2, "CT")];
      checkSvg(await run(chart), `chart ${type}`);
      await checkVega(JSON.parse(await run([...chart, "--vega"])), `chart ${type} --vega`);
    }
  });

  it("dti explain, whatif, years, assess, uncertainty", async () => {
    for (const lang of ["vi", "en"]) {
      checkMarkdown(await run(["explain", ...base, "--unit", target, "--bands", bandsFile, "--target", "0.95", "--lang", lang]), `explain ${lang}`);
      checkMarkdown(await run(["whatif", ...base, "--unit", target, "--set", "a=0.99", "--lang", lang]), `whatif --set ${lang}`);
      checkMarkdown(await run(["whatif", ...base, "--unit", target, "--lang", lang]), `whatif priorities ${lang}`);
      checkMarkdown(await run(["whatif", ...base, "--unit", target, "--to-score", "0.9", "--lang", lang]), `whatif --to-score ${lang}`);
      checkMarkdown(await run(["years", ...base, "--lang", lang]), `years ${lang}`);
      const assess = await cli(["assess", assessFile, "--framework", fwFile, "--lang", lang]);
      checkMarkdown(assess.stdout, `assess ${lang}`);
      checkMarkdown(await run(["uncertainty", data2024, "--framework", fwFile, "--group-by", "group", "--runs", "16", "--weights", "0.2", "--lang", lang]), `uncertainty ${lang}`);
    }
  });
});
