import { describe, expect, it } from "vitest";
import { cell, code, document, emphasis, heading, lines, list, num, paragraph, rank, strong, table } from "../../../src/report/document/model.ts";
import { documentToHTML } from "../../../src/report/document/to-html.ts";
import { documentToMarkdown } from "../../../src/report/document/to-markdown.ts";
import { localeStyle, plainStyle } from "../../../src/report/format-number.ts";

const html = (...blocks: Parameters<typeof document>[0]) => documentToHTML(document(blocks, plainStyle(true)));

describe("documentToHTML", () => {
  it("headings, paragraphs (lines kept), lists, inline content; every text escaped", () => {
    expect(html(heading(2, "A & B"), lines([["<b>", strong("x")], [emphasis("n"), " ", code("<c>")]]), list([["i"]]))).toBe(
      "<h2>A &amp; B</h2>\n<p>&lt;b&gt;<strong>x</strong><br>\n<em>n</em> <code>&lt;c&gt;</code></p>\n<ul>\n<li>i</li>\n</ul>",
    );
  });

  it("a plain table aligns its cells with a style", () => {
    expect(html(table(["a", "b"], [["x", num("0.5")]]))).toBe(
      '<table>\n<thead><tr><th>a</th><th style="text-align:right">b</th></tr></thead>\n<tbody>\n<tr><td>x</td><td style="text-align:right">0,5</td></tr>\n</tbody>\n</table>',
    );
  });

  it("a styled table: classes on cells, exact values in data-value, missing values marked, row headers, titles, a caption", () => {
    const t = table(
      [
        { header: "Hạng", className: "rank" },
        { header: "Đơn vị", className: "unit", rowHeader: true },
        { header: "NTS", title: "Nhận thức số", className: "num" },
        { header: "X", className: "num" },
      ],
      [[rank(1), "Huế <1>", num("12345.5"), num(null)]],
      { caption: "Cap", className: "dti-ranking" },
    );
    expect(documentToHTML(document([t], localeStyle("vi-VN")))).toBe(
      [
        '<table class="dti-ranking">',
        '<caption>Cap</caption>\n<thead><tr><th scope="col" class="rank">Hạng</th><th scope="col" class="unit">Đơn vị</th><th scope="col" class="num" title="Nhận thức số">NTS</th><th scope="col" class="num">X</th></tr></thead>',
        "<tbody>",
        '<tr><td class="rank">1</td><th scope="row" class="unit">Huế &lt;1&gt;</th><td class="num" data-value="12345.5">12.345,5</td><td class="num missing">–</td></tr>',
        "</tbody>",
        "</table>",
      ].join("\n"),
    );
  });

  it("shows the same text as the Markdown writer (numbers formatted once for both)", () => {
    const doc = document([paragraph("Δ ", num(-0.004, { places: 4, sign: true })), table(["a"], [[cell(num(0.5, { places: 1 }), " %")]])], plainStyle(true));
    expect(documentToHTML(doc)).toContain("Δ -0,0040");
    expect(documentToMarkdown(doc)).toContain("Δ -0,0040");
    expect(documentToHTML(doc)).toContain("<td>0,5 %</td>");
  });
});
