import { describe, expect, it } from "vitest";
import { marked } from "marked";
import { cell, code, document, emphasis, heading, lines, list, num, paragraph, rank, strong, table } from "../../../src/report/document/model.ts";
import { documentToMarkdown } from "../../../src/report/document/to-markdown.ts";
import { plainStyle } from "../../../src/report/format-number.ts";

const md = (...blocks: Parameters<typeof document>[0]) => documentToMarkdown(document(blocks, plainStyle(true)));

describe("documentToMarkdown", () => {
  it("blocks are separated by a blank line and the text ends with a line break", () => {
    expect(md(heading(2, "A"), paragraph("b"), list([["c"], ["d"]]))).toBe("## A\n\nb\n\n- c\n- d\n");
    expect(md(lines([["one"], ["two"]]))).toBe("one\ntwo\n");
  });

  it("tables: header, alignment row, cells; numbers in the document's style, ranks, inline content", () => {
    const t = table(["Đơn vị", "DTI", { header: "Hạng", align: "center" }], [["Huế", num("0.8002"), rank(1, 5)], [cell(strong("Σ")), num(null), rank(null)]]);
    expect(md(t)).toBe("| Đơn vị | DTI | Hạng |\n| :--- | ---: | :---: |\n| Huế | 0,8002 | 1/5 |\n| **Σ** | – | – |\n");
  });

  it("escapes text from the data: at a line's start also what would open a block, in a cell only inline syntax", () => {
    expect(md(paragraph("# a | <b>"))).toBe("\\# a \\| &lt;b&gt;\n");
    expect(md(table(["#"], [["- x"], ["a_b _c_"]]))).toBe("| # |\n| :--- |\n| - x |\n| a_b \\_c\\_ |\n");
    // Text after other content on a line does not start it.
    expect(md(paragraph(strong("x"), "# y"))).toBe("**x**# y\n");
  });

  it("adjacent text is escaped as one run (an underscore between letters stays)", () => {
    expect(md(paragraph("snake", "_case"))).toBe("snake_case\n");
  });

  it("emphasis, strong and code; a code span is fenced by more backticks than it holds", () => {
    expect(md(paragraph(emphasis("n"), ": ", strong("DTI"), " ", code("dti whatif")))).toBe("*n*: **DTI** `dti whatif`\n");
    expect(md(paragraph(code("a`b")))).toBe("`` a`b ``\n");
  });

  it("numbers are formatted once, exactly, with the document's style", () => {
    expect(md(paragraph(num(0.015, { places: 4 }), " ", num(-0.004, { places: 4, sign: true }), " ", num(100, { places: 3, trim: true })))).toBe("0,0150 -0,0040 100\n");
  });

  it("a viewer shows hostile text as written", () => {
    const hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) *a* `c`";
    const html = marked.parse(md(heading(2, hostile), table(["a"], [[hostile]])), { async: false, gfm: true }) as string;
    expect(html).not.toMatch(/<img|<a |<em>|<code>/u);
  });
});
