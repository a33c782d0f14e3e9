import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { span } from "../../src/report/document/model.ts";
import { documentToHTML } from "../../src/report/document/to-html.ts";
import { documentToMarkdown } from "../../src/report/document/to-markdown.ts";
import { localeStyle, plainStyle } from "../../src/report/format-number.ts";
import { rankingDocument } from "../../src/report/ranking-document.ts";
import { toHTML } from "../../src/report/to-html.ts";
import { toMarkdown } from "../../src/report/to-markdown.ts";

const result = score(getFramework("vn-dti-2022-province"), parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8")));

describe("rankingDocument", () => {
  it("is the one table behind toMarkdown and toHTML", () => {
    expect(documentToMarkdown(rankingDocument(result, plainStyle(), { language: "en" }))).toBe(toMarkdown(result, { language: "en" }));
    expect(`${documentToHTML(rankingDocument(result, localeStyle("vi-VN")))}\n`).toBe(toHTML(result));
  });

  it("typed cells: ranks, published values (kept exact in HTML), unit names as row headers", () => {
    const doc = rankingDocument(result, localeStyle("vi-VN"), { limit: 1, columns: ["awareness"] });
    const block = doc.blocks[0];
    if (block?.kind !== "table") throw new Error("not a table");
    expect(block.columns.map((c) => c.className)).toEqual(["rank", "unit", "num", "num"]);
    expect(block.rows[0]).toEqual([{ kind: "rank", rank: 1 }, { kind: "text", content: [{ kind: "text", text: "TP. Đà Nẵng" }] }, { kind: "number", value: "0.8002" }, { kind: "number", value: "1.0000" }]);
    expect(documentToHTML(doc)).toContain('<td class="rank">1</td><th scope="row" class="unit">TP. Đà Nẵng</th><td class="num" data-value="0.8002">0,8002</td>');
  });

  it("extra columns take text or inline content: a badge is a span in HTML, its text in Markdown", () => {
    const extraColumns = [{ header: "Mức", className: "band-col", cell: () => span("Cao <1>", "band band-1") }];
    const doc = rankingDocument(result, plainStyle(), { limit: 1, columns: [], extraColumns });
    expect(documentToHTML(doc)).toContain('<td class="band-col"><span class="band band-1">Cao &lt;1&gt;</span></td>');
    expect(documentToMarkdown(doc)).toContain("| 1 | TP. Đà Nẵng | 0.8002 | Cao &lt;1&gt; |");
  });
});
