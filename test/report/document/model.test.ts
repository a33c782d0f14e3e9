import { describe, expect, it } from "vitest";
import { cell, cellText, code, document, emphasis, heading, lines, list, num, paragraph, rank, strong, table, text } from "../../../src/report/document/model.ts";
import { plainStyle } from "../../../src/report/format-number.ts";

describe("the document model's builders", () => {
  it("inline content: strings are text, numbers keep their value and format", () => {
    expect(strong("a", code("b"))).toEqual({ kind: "strong", content: [text("a"), { kind: "code", text: "b" }] });
    expect(emphasis("n")).toEqual({ kind: "emphasis", content: [{ kind: "text", text: "n" }] });
    expect(num(undefined)).toEqual({ kind: "number", value: null });
    expect(num("0.8002", { places: 2 })).toEqual({ kind: "number", value: "0.8002", format: { places: 2 } });
  });

  it("cells: a lone number is a number cell, anything else a text cell; ranks with or without a count", () => {
    expect(cell(num("0.5"))).toEqual({ kind: "number", value: "0.5" });
    expect(cell(num("0.5"), " %")).toEqual({ kind: "text", content: [{ kind: "number", value: "0.5" }, text(" %")] });
    expect(cellText(rank(3, 63), plainStyle())).toBe("3/63");
    expect(cellText(rank(null, 63), plainStyle())).toBe("–");
    expect(cellText(rank(7), plainStyle())).toBe("7");
    expect(cellText(num(0.015, { places: 4 }), plainStyle(true))).toBe("0,0150");
  });

  it("tables: the first column left, the others right unless given; strings become text cells", () => {
    const t = table(["a", { header: "b", align: "center", className: "num" }, "c"], [["x", num(1), rank(2)]], { caption: "C" });
    if (t.kind !== "table") throw new Error("not a table");
    expect(t.columns.map((c) => c.align)).toEqual(["left", "center", "right"]);
    expect(t.columns[1]).toMatchObject({ className: "num", header: [text("b")] });
    expect(t.rows[0]).toEqual([{ kind: "text", content: [text("x")] }, { kind: "number", value: 1 }, { kind: "rank", rank: 2 }]);
    expect(t.caption).toBe("C");
  });

  it("documents drop the blocks left out (false, undefined)", () => {
    const doc = document([heading(2, "h"), false, undefined, paragraph("p"), lines([["a"], ["b"]]), list([["i"]])], plainStyle());
    expect(doc.blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "paragraph", "list"]);
  });
});
