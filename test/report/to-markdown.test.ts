import { describe, expect, it } from "vitest";
import { markdownCell } from "../../src/report/escape.ts";
import { toMarkdown } from "../../src/report/to-markdown.ts";
import { tinyResult } from "./helpers.ts";

describe("toMarkdown", () => {
  it("writes the published text by default, vi-VN numbers with a locale", () => {
    const plain = toMarkdown(tinyResult()).split("\n");
    expect(plain[0]).toBe("| Hạng | Đơn vị | DTI | HTS | NLS |");
    expect(plain[3]).toBe("| 2 | Đà Nẵng | 0.6000 | 0.5000 | 0.7000 |");
    expect(toMarkdown(tinyResult(), { locale: "vi-VN" }).split("\n")[3]).toBe("| 2 | Đà Nẵng | 0,6000 | 0,5000 | 0,7000 |");
    expect(toMarkdown(tinyResult(), { locale: "en-US", language: "en" }).split("\n")[0]).toBe("| Rank | Unit | DTI | HTS | NLS |");
  });
  it("shows ties with a shared rank, missing values as – and escapes pipes", () => {
    const lines = toMarkdown(tinyResult(), { decimalComma: true }).split("\n");
    expect(lines.slice(2, 6).map((l) => l.split(" | ")[0])).toEqual(["| 1", "| 2", "| 2", "| 4"]);
    expect(lines[5]).toBe("| 4 | Cà Mau | 0,2000 | 0,2000 | – |");
  });
  it("escapes cells: pipes, backslashes, line breaks and raw HTML", () => {
    expect(markdownCell("a|b")).toBe("a\\|b");
    expect(markdownCell("a\\b")).toBe("a\\\\b");
    expect(markdownCell("dòng 1\r\ndòng 2")).toBe("dòng 1 dòng 2");
    expect(markdownCell('<img src=x onerror="alert(1)"> & co')).toBe('&lt;img src=x onerror="alert(1)"&gt; &amp; co');
  });
});
