import { readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";

/** The bundled 63-province sample, scored with regions as groups. */
export function sampleResult(): ScoreResult {
  return score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8")), { columns: { group: "Vùng" } });
}

/** A small framework: two indicators of equal weight. */
export const tiny = defineFramework({
  id: "tiny",
  version: "1.0.0",
  title: { vi: "Chỉ số thử", en: "Test index" },
  root: {
    id: "dti",
    name: { vi: "Chỉ số", en: "Index" },
    short: "DTI",
    children: [
      { id: "a", name: { vi: "Hạ tầng số", en: "Infrastructure" }, short: "HTS", weight: 1, rule: { type: "value" } },
      { id: "b", name: { vi: "Nhân lực số", en: "Human resources" }, short: "NLS", weight: 1, rule: { type: "value" } },
    ],
  },
});

/** Four units: a hostile name, a tie on 0.6000, and a missing value (reweighted). */
export function tinyResult(): ScoreResult {
  return score(
    tiny,
    [
      { unit: "<script>alert('x')</script>", a: 0.9, b: 0.7 },
      { unit: "Hà Nội", a: 0.6, b: 0.6 },
      { unit: "Đà Nẵng", a: 0.5, b: 0.7 },
      { unit: "Cà Mau", a: 0.2, b: "" },
    ],
    { missing: "reweight" },
  );
}

/** Two units over two years: A rises 0.5 → 0.6, B falls 0.7 → 0.65. */
export function twoYears(): ScoreResult {
  return score(tiny, [
    { unit: "A", year: 2023, a: 0.5, b: 0.5 },
    { unit: "B", year: 2023, a: 0.7, b: 0.7 },
    { unit: "A", year: 2024, a: 0.6, b: 0.6 },
    { unit: "B", year: 2024, a: 0.65, b: 0.65 },
  ], { columns: { year: "year" } });
}

/** Asserts that text is well-formed XML and returns it parsed (attributes prefixed with "@"). */
export function parseSvg(svg: string): Record<string, unknown> {
  const valid = XMLValidator.validate(svg);
  expect(valid).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseAttributeValue: false, isArray: () => true }).parse(svg) as Record<string, unknown>;
}

/** All start tags of an element in an SVG, with their attributes. */
export function elements(svg: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of svg.matchAll(new RegExp(`<${name}\\b([^>]*?)/?>`, "gu"))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? "").matchAll(/([\w:-]+)="([^"]*)"/gu)) attrs[a[1] as string] = a[2] as string;
    out.push(attrs);
  }
  return out;
}
