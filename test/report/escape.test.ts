import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { escapeXml, markdownCell, markdownText, unescapeMarkdown, vegaText } from "../../src/report/escape.ts";

describe("escapeXml", () => {
  it("escapes markup and both quotes", () => {
    expect(escapeXml(`<script>alert("x" & 'y')</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  });
  it("replaces characters XML cannot hold, so the document stays well-formed", () => {
    const text = escapeXml("a\u0000b\u0007c\uD800d\tе\n");
    expect(text).toBe("a\uFFFDb\uFFFDc\uFFFDd\tе\n");
    expect(XMLValidator.validate(`<x a="${escapeXml("\u0001<>")}">${text}</x>`)).toBe(true);
  });
  it("normalises Vietnamese text to NFC", () => {
    const decomposed = "Đà Nẵng".normalize("NFD");
    expect(escapeXml(decomposed)).toBe("Đà Nẵng".normalize("NFC"));
  });
});

describe("markdownText", () => {
  it("escapes markup, inline syntax and block starts; keeps codes with inner underscores", () => {
    expect(markdownText("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(markdownText("[x](javascript:alert(1))")).toBe("\\[x\\](javascript:alert(1))");
    expect(markdownText("a | b \\ `c` *d* _e_ ~f~")).toBe("a \\| b \\\\ \\`c\\` \\*d\\* \\_e\\_ \\~f\\~");
    expect(markdownText("dòng 1\r\ndòng 2\nx\ry")).toBe("dòng 1 dòng 2 x y");
    expect(["# h", "- a", "+ b", "1. c", "2) d", "---", "    code"].map(markdownText)).toEqual(["\\# h", "\\- a", "\\+ b", "1\\. c", "2\\) d", "\\---", "&#32;   code"]);
    expect(["-0,0040", "+3", "#1", "ASSESSMENT_FINAL_MISSING", "Hà_Nội", "1.5"].map(markdownText)).toEqual(["-0,0040", "+3", "#1", "ASSESSMENT_FINAL_MISSING", "Hà_Nội", "1.5"]);
    expect(markdownCell("a|b")).toBe(markdownText("a|b"));
  });

  it("writes control characters as character references, so none reaches a terminal", () => {
    const name = "X\u001b[2J\u001b]0;title\u0007\u009b31m\u007fY\tZ";
    const md = markdownCell(name);
    expect(md).toBe("X&#27;\\[2J&#27;\\]0;title&#7;&#155;31m&#127;Y\tZ");
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u);
    expect(unescapeMarkdown(markdownText(name))).toBe(name);
  });

  it("reads back with unescapeMarkdown, and any Markdown viewer shows the text itself (property, marked)", () => {
    const alphabet = fc.constantFrom(..."<>&|\\`*_[]()#-+=!~\"' \t\n\r1.aéĐ;:/\u001b\u0007\u007f\u009b".split(""), "&lt;", "&#39;", "javascript:", "<img ", "</script>");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }).map((a) => a.join("")), (text) => {
        const md = markdownText(text);
        const flat = text.replace(/\r\n|[\r\n]/gu, " ");
        expect(unescapeMarkdown(md)).toBe(flat);
        expect(md).not.toMatch(/[<>\n\r\u001b\u0007\u007f\u009b]/u);
        // As a paragraph of its own and inside a table cell: only the renderer's tags, the text shown as written.
        for (const [source, tags, head] of [[`${md}\n`, /^<\/?p>$/u, ""], [`| h |\n| --- |\n| ${md} |\n`, /^<\/?(table|thead|tbody|tr|th|td)>$/u, "h "]] as const) {
          const html = marked.parse(source, { async: false, gfm: true }) as string;
          for (const [tag] of html.matchAll(/<[^>]*>/gu)) expect(tag).toMatch(tags);
          const shown = html.replace(/<[^>]*>/gu, "").replace(/&(amp|lt|gt|quot|#\d+);/gu, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e] ?? String.fromCodePoint(Number(e.slice(1))));
          expect(shown.replace(/\s+/gu, " ").trim()).toBe(`${head}${flat}`.replace(/\s+/gu, " ").trim());
        }
      }),
      { numRuns: 1000, seed: 20261201 },
    );
  }, 60_000);
});

describe("vegaText", () => {
  it("writes titles on one line", () => {
    expect(vegaText("a\r\nb\nc\rd\u2028e\u2029f")).toBe("a b c d e f");
  });
});
