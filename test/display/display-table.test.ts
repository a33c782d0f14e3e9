import { describe, expect, it } from "vitest";
import { display, tableBundle } from "../../src/display/display-table.ts";
import { JUPYTER_DISPLAY } from "../../src/display/mime-bundle.ts";
import { sampleResult, tinyResult } from "../report/helpers.ts";

const bodyRows = (html: string) => [...html.matchAll(/<tr>(.*?)<\/tr>/gu)].length - 1;

describe("tableBundle / display", () => {
  const result = sampleResult();
  const top = result.units[0]!;

  it("gives the HTML ranking table with a caption naming the framework, and plain text", () => {
    const bundle = tableBundle(result);
    expect(Object.keys(bundle).sort()).toEqual(["text/html", "text/plain"]);
    const html = bundle["text/html"]!;
    expect(html).toMatch(/^<table class="dti-ranking">\s*<caption>/u);
    expect(html).toContain("(vn-dti-2022-province ");
    expect(html).toContain(": 63 đơn vị</caption>");
    expect(bodyRows(html)).toBe(63);
    expect(html).toContain(`data-value="${top.value}">${top.value!.replace(".", ",")}</td>`);
    const lines = bundle["text/plain"].split("\n");
    expect(lines[0]).toMatch(/^.+ \(vn-dti-2022-province .+\): 10 đơn vị đầu trong 63$/u);
    expect(lines[1]!.startsWith("| Hạng | Đơn vị |")).toBe(true);
    expect(lines[3]!.startsWith(`| 1 | ${top.unit} |`)).toBe(true);
    expect(lines).toHaveLength(2 + 1 + 10);
  });

  it("limits rows and speaks English on request", () => {
    const bundle = tableBundle(result, { limit: 5, textLimit: 3, language: "en" });
    expect(bodyRows(bundle["text/html"]!)).toBe(5);
    expect(bundle["text/html"]).toContain(": top 5 of 63 units</caption>");
    expect(bundle["text/html"]).toContain(`>${top.value}</td>`); // en-US: decimal point
    expect(bundle["text/plain"].split("\n")[0]).toMatch(/: top 3 of 63 units$/u);
    expect(bundle["text/plain"].split("\n")).toHaveLength(2 + 1 + 3);
  });

  it("escapes hostile unit names in the HTML", () => {
    const html = tableBundle(tinyResult())["text/html"]!;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("the plain text shows no more units than the HTML by default", () => {
    expect(tableBundle(result, { limit: 4 })["text/plain"].split("\n")).toHaveLength(2 + 1 + 4);
    expect(tableBundle(result, { limit: 4 })["text/plain"].split("\n")[0]).toMatch(/: 4 đơn vị đầu trong 63$/u);
  });

  it("the plain text has the HTML's columns and number format", () => {
    const bundle = tableBundle(result, { columns: ["government", "economy", "society"], textLimit: 1 });
    const g = top.nodes["government"]!.value!.replace(".", ",");
    expect(bundle["text/plain"].split("\n")[1]).toBe("| Hạng | Đơn vị | Nhóm | Hạng trong nhóm | DTI | CQS | KTS | XHS |");
    expect(bundle["text/plain"].split("\n")[3]).toContain(`| ${top.value!.replace(".", ",")} | ${g} |`);
    expect(bundle["text/html"]).toContain('title="Chính quyền số">CQS</th>');
  });

  it("display() returns a displayable whose bundle is the table", () => {
    const d = display(result, { limit: 3 });
    expect(d[JUPYTER_DISPLAY]()).toEqual(tableBundle(result, { limit: 3 }));
  });
});
