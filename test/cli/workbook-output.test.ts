import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { listSheets, readXlsx } from "../../src/xlsx.ts";
import { cli, FW22, SAMPLE } from "./helpers.ts";

describe("--format xlsx", () => {
  it("dti score writes the ranking workbook to --out, its values those of --format csv", async () => {
    const run = await cli(["score", SAMPLE, ...FW22, "--format", "xlsx", "--out", "ranking.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("wrote the ranking workbook of 63 units to ranking.xlsx");
    const bytes = run.writtenBytes["ranking.xlsx"] as Uint8Array;
    const csv = parseCsv((await cli(["score", SAMPLE, ...FW22, "--format", "csv"])).stdout);
    const sheet = readXlsx(bytes);
    const root = csv.columns.indexOf("dti");
    const value = sheet.columns.indexOf("Chỉ số chuyển đổi số cấp tỉnh");
    expect(sheet.rows.map((r) => r.cells[value])).toEqual(csv.rows.map((r) => Number(r.cells[root])));
    expect(sheet.columns).toContain("Điểm (trên 1000)");
  });

  it("is the default when --out ends in .xlsx, for score and report", async () => {
    const score = await cli(["score", SAMPLE, ...FW22, "-o", "r.xlsx"]);
    expect(listSheets(score.writtenBytes["r.xlsx"] as Uint8Array)[0]?.name).toBe("Xếp hạng");
    const report = await cli(["report", SAMPLE, ...FW22, "-o", "r.xlsx", "--bands", "dti-2020-map"]);
    expect(report.code).toBe(0);
    const ranking = readXlsx(report.writtenBytes["r.xlsx"] as Uint8Array);
    expect(ranking.columns).toContain("Mức");
    expect(report.written["r.xlsx"]).toBeUndefined();
  });

  it("refuses to print a workbook on a terminal, and writes it to a pipe", async () => {
    const tty = await cli(["score", SAMPLE, ...FW22, "--format", "xlsx"], {}, undefined, {}, true);
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain("an .xlsx workbook is not text: write it to a file with --out ranking.xlsx");
    const pipe = await cli(["score", SAMPLE, ...FW22, "--format", "xlsx"], {}, undefined, {}, false);
    expect(pipe.code).toBe(0);
    expect(listSheets(pipe.stdoutBytes as Uint8Array).length).toBeGreaterThan(2);
  });

  it("dti report --format xlsx refuses the options of the HTML report", async () => {
    const run = await cli(["report", SAMPLE, ...FW22, "--format", "xlsx", "-o", "r.xlsx", "--title", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--title is an option of the HTML report, not of --format xlsx");
  });
});
