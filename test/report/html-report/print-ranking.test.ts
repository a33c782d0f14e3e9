import { describe, expect, it } from "vitest";
import { reportColumns } from "../../../src/report/columns.ts";
import { printLayout, rankingSection } from "../../../src/report/html-report/print-ranking.ts";
import { score } from "../../../src/pipeline/score.ts";
import { sampleResult, tinyResult } from "../helpers.ts";
import { wardFramework, wardRecords } from "../ward-sample.ts";

describe("printLayout", () => {
  it("a narrow ranking prints portrait, a wider one landscape, both as one table", () => {
    expect(printLayout(tinyResult())).toEqual({ orientation: "portrait", chunks: [reportColumns(tinyResult())] });
    const sample = sampleResult();
    expect(printLayout(sample)).toEqual({ orientation: "landscape", chunks: [reportColumns(sample)] });
  });

  it("splits a ranking wider than a landscape page; each column once, in order, pillars kept whole when they fit", () => {
    const ward = score(wardFramework, wardRecords(), { columns: { unit: "Đơn vị", group: "Cụm" } });
    const layout = printLayout(ward);
    expect(layout.orientation).toBe("landscape");
    expect(layout.chunks.map((c) => c.map((n) => n.short))).toEqual([
      ["CQS", "DVCTT", "HSĐT", "VNeID", "TCNS", "KNS", "HTT", "KTS", "TMĐT", "TTKDTM", "DNS", "OCOP"],
      ["XHS", "WIFI", "CKS", "ĐTTM", "CQ", "YTĐT", "ATTT"],
    ]);
    // Extra columns on the first table leave it less room.
    const sample = sampleResult();
    const withBands = printLayout(sample, 1);
    expect(withBands.chunks.flat()).toEqual(reportColumns(sample));
    expect(withBands.chunks.map((c) => c.length)).toEqual([10, 3]);
  });

  it("splits a single block longer than a page into pieces", () => {
    const many = score(
      { id: "m", version: "1", title: { vi: "M" }, root: { id: "r", name: { vi: "R" }, children: Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, name: { vi: `C${i}` }, short: `C${i}`, rule: { type: "value" as const } })) } },
      [{ unit: "A", ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, 0.5])) }],
    );
    const { chunks } = printLayout(many);
    expect(chunks.length).toBe(3);
    expect(chunks.flat().map((c) => c.id)).toEqual(Array.from({ length: 40 }, (_, i) => `c${i}`));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(17);
  });
});

describe("rankingSection", () => {
  it("one table when it fits; otherwise the screen table plus print-only tables with captions", () => {
    const one = rankingSection(sampleResult(), { language: "vi", locale: "vi-VN", extraColumns: [] });
    expect(one.landscape).toBe(true);
    expect(one.html.match(/<table/gu)).toHaveLength(1);
    expect(one.html).not.toContain("print-only");
    const ward = score(wardFramework, wardRecords(), { columns: { unit: "Đơn vị", group: "Cụm" } });
    const split = rankingSection(ward, { language: "en", locale: "en-US", extraColumns: [] });
    expect(split.html.match(/<table/gu)).toHaveLength(3);
    expect(split.html).toContain('<div class="table-wrap screen-only">');
    expect(split.html).toContain("<caption>Ranking (part 2 of 2)</caption>");
    // Each printed table repeats the rank, unit, group and index columns and has every ward.
    const printed = split.html.split('<div class="print-only">')[1] ?? "";
    expect(printed.match(/<th scope="col" class="unit">Unit<\/th>/gu)).toHaveLength(2);
    expect(printed.match(/<th scope="row" class="unit">/gu)).toHaveLength(2 * 168);
  });
});
