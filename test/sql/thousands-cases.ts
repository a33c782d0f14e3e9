// Shared by the SQL differential tests of the library's question about thousands separators read
// as decimal points (DATA_AMBIGUOUS_NUMBER): the cases of test/input/thousands.test.ts and
// generated columns, as CSV texts, and the comparison of an engine's outcome with score()'s.
import { score, type ScoreResult } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { isDtiError } from "../../src/errors.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { differences } from "./engine-helpers.ts";

/** A leaf of each rule the question is asked for (and a value leaf, for which it never is); inputs named as their keys. */
export const THOUSANDS_FW = defineFramework({
  id: "thousands", version: "1", title: { vi: "Hàng nghìn" },
  root: { id: "dti", name: { vi: "DTI" }, children: [
    { id: "online", name: { vi: "Hồ sơ trực tuyến" }, weight: 1, rule: { type: "ratio" } },
    { id: "clamped", name: { vi: "Tỷ lệ kẹp" }, weight: 1, rule: { type: "ratio", outOfRange: "clamp" } },
    { id: "people", name: { vi: "Người dùng" }, weight: 1, rule: { type: "goalposts", min: 0, max: 5000, direction: "higher" } },
    { id: "share", name: { vi: "Tỷ lệ" }, weight: 1, rule: { type: "value", outOfRange: "clamp" } },
    { id: "points", name: { vi: "Điểm" }, weight: 1, maxPoints: 20, rule: { type: "points" } },
    { id: "spread", name: { vi: "Chuẩn hoá" }, weight: 1, rule: { type: "normalise", method: "minmax" } },
    { id: "bounded", name: { vi: "Chuẩn hoá có cận" }, weight: 1, rule: { type: "normalise", method: "minmax", bounds: { min: 0, max: 10000 } } },
  ] },
});

export const COLUMNS = ["online.a", "online.b", "clamped.a", "clamped.b", "people", "share", "points", "spread", "bounded"] as const;

/** The cases of test/input/thousands.test.ts: ratio numerator and denominator, people, share, points (as its CSV has them). */
const LIBRARY_CASES: string[][] = [
  ["Bến Nghé;870;1.050;100;0,5;10"],
  ["Bến Nghé;1;2;1.757;0,5;10", "Đa Kao;1;2;980;0,6;12", "Tân Định;1;2;2.300;0,7;14"],
  ["Bến Nghé;1.150;1.320;100;0,5;10", "Đa Kao;2.300;2.500;200;0,6;12"],
  ["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;980;0,6;12", "Tân Định;1;2;2.300;0,7;14"],
  ["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;12,5;0,6;12", "Tân Định;1;2;3;0,7;14", "Phú Nhuận;1;2;4;0,7;14"],
  ["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;12.5;0,6;12"],
  ["Bến Nghé;1;2;100;0.850;10", "Đa Kao;1;2;200;1.000;12"],
  ["Bến Nghé;1;2;100;0,5;12.500", "Đa Kao;1;2;200;0,6;8.250"],
  ["Bến Nghé;1;2;1.050;0,5;10", "Đa Kao;1;2;3;0,6;12", "Tân Định;1;2;4;0,7;14", "Phú Nhuận;1;2;5;0,7;14"],
  ["Bến Nghé;1;2;179.875;0,5;10", "Đa Kao;1;2;100;0,6;12"],
  // Decimal points only: DuckDB's typed read would take these files, and read "1.050" as 1.05.
  ["Bến Nghé;1;2;1.050;0.5;10", "Đa Kao;1;2;980;0.6;12", "Tân Định;1;2;2.300;0.7;14"],
  ["Bến Nghé;870;1.050;100;0.5;10"],
  ["Bến Nghé;1.150;1.320;100;0.5;10", "Đa Kao;2.300;2.500;200;0.6;12"],
  ["Bến Nghé;1;2;1.050;0.5;10", "Đa Kao;1;2;3;0.6;12", "Tân Định;1;2;4;0.7;14", "Phú Nhuận;1;2;5;0.7;14"],
];

/** A library case as a CSV of {@link COLUMNS}: its ratio also as the clamped one, its people also normalised. */
function libraryCsv(rows: readonly string[]): string {
  const lines = rows.map((r) => {
    const [unit, a, b, people, share, points] = r.split(";") as [string, string, string, string, string, string];
    return [unit, a, b, a, b, people, share, points, people, people].join(";");
  });
  return `unit;${COLUMNS.join(";")}\n${lines.join("\n")}\n`;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A cell of one kind: a lone separator before three digits, thousands groups, a decimal, a whole number, a blank, signs and spaces. */
function cell(next: () => number, kind: number): string {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const three = () => String(int(0, 999)).padStart(3, "0");
  switch (kind) {
    case 0: return `${int(1, 999)}.${three()}`;
    case 1: return `${int(1, 999)},${three()}`;
    case 2: return `${int(1, 9)}.${three()}.${three()}`;
    case 3: return `${int(1, 99)}.${three()},${int(1, 9)}`;
    case 4: return `${int(1, 99)},${three()}`.replace(",", ",") + `.${int(1, 9)}`;
    case 5: return `${int(0, 9)}.${int(1, 99)}`;
    case 6: return `0,${int(1, 9999)}`;
    case 7: return String(int(0, 5000));
    case 8: return String(int(0, 20));
    case 9: return "";
    case 10: return ` -${int(1, 9)}.${three()} `;
    default: return ` ${int(1, 99)} .${three()}`;
  }
}

/** A column of n cells: most of one or two kinds, so that columns of counts written with groups come up often. */
function column(next: () => number, n: number): string[] {
  const kinds = [Math.floor(next() * 12), Math.floor(next() * 12), Math.floor(next() * 12)];
  return Array.from({ length: n }, () => cell(next, kinds[next() < 0.6 ? 0 : next() < 0.7 ? 1 : 2]!));
}

/** Generated CSV texts: 2 to 7 units, each column a random mix of kinds; some ratios with both sides written alike. */
export function generatedCsvs(count: number, seed = 20251202): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(next() * 6);
    const cols = COLUMNS.map(() => column(next, n));
    // A ratio whose denominator is written as its numerator is (both "1.150", or both grouped) half the time.
    if (next() < 0.5) cols[1] = cols[0]!.map((c) => (/^\d{1,3}\.\d{3}$/u.test(c) ? `${Number(c.split(".")[0]) + 1}.${c.split(".")[1]}` : c));
    const rows = Array.from({ length: n }, (_, u) => [`U${u}`, ...cols.map((c) => c[u]!)].join(";"));
    return `unit;${COLUMNS.join(";")}\n${rows.join("\n")}\n`;
  });
}

/** Every case as a CSV text (";" between cells). */
export function thousandsCsvs(generated: number): string[] {
  return [...LIBRARY_CASES.map(libraryCsv), ...generatedCsvs(generated)];
}

/** What scoring gave: the first DATA_AMBIGUOUS_NUMBER error's message, another failure, or the result. */
export type ThousandsOutcome = { readonly ambiguous: string } | { readonly failed: string } | { readonly result: ScoreResult };

export function outcomeOf(run: () => ScoreResult): ThousandsOutcome {
  try {
    return { result: run() };
  } catch (e) {
    return failedOutcome(e);
  }
}

export function failedOutcome(e: unknown): ThousandsOutcome {
  if (!isDtiError(e)) throw e;
  const issue = e.issues.find((i) => i.code === "DATA_AMBIGUOUS_NUMBER" && i.severity === "error");
  return issue !== undefined ? { ambiguous: `${issue.node} ${issue.unit}: ${issue.message}` } : { failed: e.issues.map((i) => (i.code === "SQL_ENGINE" ? `${i.code} ${i.message}` : i.code)).join(",") };
}

/** score()'s outcome of a CSV text. */
export function libraryOutcome(text: string): ThousandsOutcome {
  return outcomeOf(() => score(THOUSANDS_FW, parseCsv(text), { missing: "zero" }));
}

/** Where an engine's outcome differs from score()'s: refusing with DATA_AMBIGUOUS_NUMBER (and its message) or not, and the values when neither fails. */
export function outcomeDifferences(expected: ThousandsOutcome, actual: ThousandsOutcome): string[] {
  if ("ambiguous" in expected || "ambiguous" in actual) {
    // The library's CSV reader trims cells and DuckDB's does not: the quoted cell is compared without the spaces around it.
    const said = (o: ThousandsOutcome) => ("ambiguous" in o ? o.ambiguous.replace(/^([^:]*: )"\s+/u, '$1"').replace(/\s+" was read/u, '" was read') : null);
    return said(expected) === said(actual) ? [] : [`${JSON.stringify(expected).slice(0, 400)} expected, ${JSON.stringify(actual).slice(0, 400)} got`];
  }
  if ("result" in expected && "result" in actual) return differences(expected.result, actual.result);
  // Both failed otherwise, or one failed where the other did not: other checks' business (tested elsewhere), but say so.
  return "result" in expected || "result" in actual ? [`${"failed" in expected ? expected.failed : "a result"} expected, ${"failed" in actual ? actual.failed : "a result"} got`] : [];
}
