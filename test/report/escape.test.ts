import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXml } from "../../src/report/escape.ts";

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
