import { describe, expect, it } from "vitest";
import { cli, FW22, SAMPLE } from "../helpers.ts";

describe("dti report", () => {
  it("writes the HTML report to --out, with the framework's sources", async () => {
    const r = await cli(["report", SAMPLE, ...FW22, "--out", "report.html"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("dti: wrote the report of 63 units to report.html\n");
    const html = r.written["report.html"] ?? "";
    expect(html.startsWith("<!doctype html>\n<html lang=\"vi\">")).toBe(true);
    expect(html).toContain("dẫn đầu TP. Đà Nẵng (0,8387)");
    expect(html).toContain("922/QĐ-BTTTT");
    expect(html).toContain("fixtures/provinces-63-synthetic.csv");
  });

  it("compares with --before, in English with en-US numbers", async () => {
    const r = await cli(["report", "fixtures/provinces-34-synthetic.csv", ...FW22, "--before", SAMPLE, "--before-label", "63", "--after-label", "34", "--lang", "en", "--cards", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("DTI: 63 → 34");
    expect(r.stdout).toContain('<html lang="en">');
    expect(r.stdout.match(/<article class="card"/gu)).toHaveLength(2);
  });

  it("rejects bad options with exit code 2", async () => {
    expect((await cli(["report", SAMPLE, ...FW22, "--cards", "x"])).code).toBe(2);
    expect((await cli(["report", SAMPLE, ...FW22, "--format", "pdf"])).code).toBe(2);
    const bad = await cli(["report", SAMPLE, ...FW22, "--locale", "not a locale"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--locale must be a locale");
  });

  it("reports an unknown featured unit as a typed error", async () => {
    const r = await cli(["report", SAMPLE, ...FW22, "--featured", "Atlantis"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("REPORT_UNIT_UNKNOWN");
  });

  it("shows progress on a terminal only, and clears it", async () => {
    const tty = await cli(["report", SAMPLE, ...FW22, "--out", "r.html"], {}, true);
    expect(tty.stderr).toMatch(/\r\x1b\[2Kdti: \[1\/3\] reading fixtures\/provinces-63-synthetic\.csv… [\d.]+ s/u);
    expect(tty.stderr).toContain("[3/3] drawing charts for 63 units");
    expect(tty.stderr).toContain("\r\x1b[2Kdti: wrote the report");
    const pipe = await cli(["report", SAMPLE, ...FW22, "--out", "r.html"], {}, false);
    expect(pipe.stderr).not.toContain("\r");
  });
});
