import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { cli, FW22, SAMPLE } from "../helpers.ts";

describe("dti chart", () => {
  it("draws the ranking bar chart by default", async () => {
    const r = await cli(["chart", SAMPLE, ...FW22, "--limit", "5"]);
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout.match(/class="bar"/gu)).toHaveLength(5);
  });

  it("draws a unit's radar, and needs --unit for it", async () => {
    const r = await cli(["chart", SAMPLE, ...FW22, "--type", "radar", "--unit", "Hà Giang", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hà Giang: main indicators");
    expect((await cli(["chart", SAMPLE, ...FW22, "--type", "radar"])).code).toBe(2);
  });

  it("refuses a --year, --from or --to the data does not have, as dti years does", async () => {
    const year = await cli(["chart", SAMPLE, ...FW22, "--year", "1800"]);
    expect(year.code).toBe(1);
    expect(year.stderr).toContain("ANALYSIS_UNKNOWN_YEAR");
    expect(year.stderr).toContain("the result has no year 1800 (years: none: score with a year column)");
    const two = "fixtures/provinces-63-synthetic-2years.csv";
    const later = await cli(["chart", two, ...FW22, "--type", "comparison", "--from", "2030", "--to", "2031"]);
    expect(later.code).toBe(1);
    expect(later.stderr).toContain("the result has no year 2030 (years: 2022, 2023)");
    expect((await cli(["chart", two, ...FW22, "--type", "comparison", "--from", "2021"])).stderr).toContain("no year 2021");
    // With --before, --from is a year of the earlier data.
    const before = await cli(["chart", two, ...FW22, "--type", "comparison", "--before", SAMPLE, "--from", "2022"]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("the result has no year 2022 (years: none: score with a year column)");
    expect((await cli(["chart", two, ...FW22, "--type", "comparison", "--from", "2022", "--to", "2023", "--limit", "2"])).code).toBe(0);
    expect((await cli(["chart", two, ...FW22, "--year", "2022", "--limit", "2"])).code).toBe(0);
  });

  it("compares with --before, and explains when there is nothing to compare", async () => {
    const r = await cli(["chart", "fixtures/provinces-34-synthetic.csv", ...FW22, "--type", "comparison", "--before", SAMPLE, "--sort", "change", "--limit", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/class="after"/gu)).toHaveLength(3);
    const none = await cli(["chart", SAMPLE, ...FW22, "--type", "comparison"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("REPORT_NO_DATA");
  });

  it("prints a Vega-Lite spec with --vega", async () => {
    const r = await cli(["chart", SAMPLE, ...FW22, "--vega", "--limit", "3", "--lang", "en"]);
    expect(r.code).toBe(0);
    const spec = JSON.parse(r.stdout);
    expect(spec.$schema).toContain("vega-lite");
    expect(spec.data.values.map((v: { unit: string; label: string }) => [v.unit, v.label])[0]).toEqual(["TP. Đà Nẵng", "0.8387"]);
  });

  it("rejects a non-numeric --limit", async () => {
    expect((await cli(["chart", SAMPLE, ...FW22, "--limit", "ten"])).code).toBe(2);
  });
});
