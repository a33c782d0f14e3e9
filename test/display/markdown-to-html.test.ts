import { describe, expect, it } from "vitest";
import { inlineToHTML, markdownToHTML } from "../../src/display/markdown-to-html.ts";
import { markdownTable } from "../../src/report/markdown-table.ts";

describe("markdownToHTML", () => {
  it("converts headings, paragraphs and aligned tables", () => {
    const md = `## TP. Đà Nẵng: giải thích DTI\n\nTổng **0,8002**, hạng 1.\nDòng hai.\n\n${markdownTable(["Chỉ số", "Giá trị"], [["Nhận thức", "1,0000"]])}\nGhi chú.\n`;
    expect(markdownToHTML(md)).toBe(
      [
        "<h2>TP. Đà Nẵng: giải thích DTI</h2>",
        "<p>Tổng <strong>0,8002</strong>, hạng 1.<br>\nDòng hai.</p>",
        "<table>",
        '<thead><tr><th>Chỉ số</th><th style="text-align:right">Giá trị</th></tr></thead>',
        "<tbody>",
        '<tr><td>Nhận thức</td><td style="text-align:right">1,0000</td></tr>',
        "</tbody>",
        "</table>",
        "<p>Ghi chú.</p>",
      ].join("\n"),
    );
  });

  it("keeps names from the data as text: markup, pipes and backslashes in cells", () => {
    const hostile = `<img src=x onerror="alert(1)"> | a\\b & c`;
    const html = markdownToHTML(markdownTable(["Unit", "x"], [[hostile, "1"]]));
    expect(html).not.toContain("<img");
    expect(html).toContain("<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; | a\\b &amp; c</td>");
    // Raw markup the renderers did not escape is escaped too.
    expect(markdownToHTML("<script>alert(1)</script> & 'q'")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39;</p>");
  });

  it("renders inline code and centred columns", () => {
    expect(inlineToHTML("run `dti whatif <file>` **now**")).toBe("run <code>dti whatif &lt;file&gt;</code> <strong>now</strong>");
    expect(markdownToHTML("| a | b |\n| :---: | --- |\n| 1 | 2 |")).toContain('<td style="text-align:center">1</td><td>2</td>');
  });
});
