import { describe, expect, it } from "vitest";
import { explain, explainToMarkdown } from "../../src/analysis.ts";
import { score } from "../../src/index.ts";
import { toCSV, toJSON } from "../../src/report.ts";
import { hasUnranked, rankNoteText } from "../../src/report/rank-note.ts";
import { toHTML } from "../../src/report/to-html.ts";
import { toMarkdown } from "../../src/report/to-markdown.ts";
import { resultSheets } from "../../src/xlsx/result-workbook.ts";
import { ADJUSTED } from "../helpers/adjusted-framework.ts";

const DATA = [
  { unit: "Sở A", a: 50, b: 30, t1: "có", t2: 4, tru: 1, "Được xếp hạng": "Có" },
  { unit: "Sở B", a: 60, b: 40, t1: "có", t2: "", tru: "", "Được xếp hạng": "Không", "Lý do không xếp hạng": "không có dịch vụ công" },
  { unit: "Sở C", a: 10, b: 10, t1: "", t2: "", tru: 2, "Được xếp hạng": "" },
];
const result = score(ADJUSTED, DATA);

describe("units not ranked in every output", () => {
  it("the note text", () => {
    expect(rankNoteText({ ranked: false }, "en")).toBe("not ranked");
    expect(rankNoteText({ ranked: false, rankNote: "x" })).toBe("không xếp hạng: x");
    expect(rankNoteText({})).toBeUndefined();
    expect(hasUnranked(result)).toBe(true);
    expect(hasUnranked(score(ADJUSTED, DATA.slice(0, 1)))).toBe(false);
  });

  it("CSV: a blank rank and a rank_note column (names: Ghi chú xếp hạng)", () => {
    const lines = toCSV(result).trim().split(/\r?\n/u);
    const header = lines[0]!.split(",");
    expect(header).toContain("rank_note");
    const b = lines.find((l) => l.includes("Sở B"))!.split(",");
    expect(b[header.indexOf("rank")]).toBe("");
    expect(b[header.indexOf("dti")]).toBe("1.0000");
    expect(b[header.indexOf("rank_note")]).toBe("không xếp hạng: không có dịch vụ công");
    expect(lines.find((l) => l.includes("Sở A"))!.split(",")[header.indexOf("rank_note")]).toBe("");
    expect(toCSV(result, { headers: "names" })).toContain("Ghi chú xếp hạng");
    expect(toCSV(score(ADJUSTED, DATA.slice(0, 1)))).not.toContain("rank_note");
  });

  it("JSON: ranked false, the reason, null ranks", () => {
    const json = JSON.parse(toJSON(result)) as { units: { unit: string; ranked?: boolean; rankNote?: string; rank: number | null }[] };
    expect(json.units.find((u) => u.unit === "Sở B")).toMatchObject({ ranked: false, rankNote: "không có dịch vụ công", rank: null });
    expect(json.units.find((u) => u.unit === "Sở A")!.ranked).toBeUndefined();
  });

  it("Markdown and HTML: – in the rank, the note in a last column", () => {
    const md = toMarkdown(result).split("\n");
    expect(md[0]).toMatch(/Ghi chú xếp hạng \|$/u);
    expect(md.find((l) => l.includes("Sở B"))).toMatch(/^\| – \| Sở B .*không xếp hạng: không có dịch vụ công \|$/u);
    expect(toMarkdown(result, { language: "en" })).toContain("not ranked: không có dịch vụ công");
    const html = toHTML(result);
    expect(html).toContain('<th scope="col" class="note">Ghi chú xếp hạng</th>');
    expect(html).toContain('<td class="note">không xếp hạng: không có dịch vụ công</td>');
  });

  it("XLSX: the ranking sheet has the note column and an empty rank cell", () => {
    const sheet = resultSheets(result)[0]!;
    const header = sheet.rows[0]!.map((c) => c?.value);
    const at = header.indexOf("Ghi chú xếp hạng");
    expect(at).toBeGreaterThan(0);
    const b = sheet.rows.find((r) => r.some((c) => c?.value === "Sở B"))!;
    expect(b[0]!.value).toBeNull();
    expect(b[at]!.value).toBe("không xếp hạng: không có dịch vụ công");
  });

  it("explain: says the unit is not ranked, and how bonus and penalty points count", () => {
    const ex = explain(ADJUSTED, result, "Sở B");
    expect(ex).toMatchObject({ ranked: false, rankNote: "không có dịch vụ công", rank: null });
    const md = explainToMarkdown(ex);
    expect(md).toContain("Đơn vị được đánh giá nhưng không xếp hạng (không xếp hạng: không có dịch vụ công)");
    expect(md).toContain("Điểm thưởng và điểm trừ được cộng, trừ sau tổng điểm có trọng số");
    // The bonus group's share is its cap over the total: 5 of 100 points; the penalty's −2.
    const bonus = explain(ADJUSTED, result, "Sở A").nodes.find((n) => n.id === "thuong")!;
    expect(bonus).toMatchObject({ adjust: "bonus", share: 0.05, points: 5 });
    expect(explain(ADJUSTED, result, "Sở A").nodes.find((n) => n.id === "tru")!.points).toBe(-1);
  });
});
