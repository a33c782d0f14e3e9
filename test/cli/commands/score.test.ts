import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { cli, FW22, SAMPLE } from "../helpers.ts";

describe("dti score --format html|svg and --locale", () => {
  it("writes an HTML table fragment with vi-VN numbers", async () => {
    const r = await cli(["score", SAMPLE, ...FW22, "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<table class="dti-ranking">')).toBe(true);
    expect(r.stdout).toContain('<td class="num" data-value="0.8387">0,8387</td>');
  });

  it("writes the ranking bar chart as SVG", async () => {
    const r = await cli(["score", SAMPLE, ...FW22, "--format", "svg", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout.match(/class="bar"/gu)).toHaveLength(63);
    expect(r.stdout).toContain(">0.8387</text>");
  });

  it("formats Markdown for a locale", async () => {
    const r = await cli(["score", SAMPLE, ...FW22, "--locale", "vi-VN"]);
    expect(r.stdout.split("\n")[2]).toMatch(/^\| 1 \| TP\. Đà Nẵng \| [^|]+ \| 1 \| 0,8387 \|/u);
  });

  it("shows no progress when stderr is not a terminal", async () => {
    const r = await cli(["score", SAMPLE, ...FW22, "--out", "x.md"]);
    expect(r.stderr).toBe("dti: wrote 63 units to x.md\n");
  });
});
