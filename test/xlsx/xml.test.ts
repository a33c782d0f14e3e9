import { describe, expect, it } from "vitest";
import { decodeEntities, parseXml, scanXml } from "../../src/xlsx/xml.ts";

describe("the XML reader of workbook parts", () => {
  it("reads elements without their prefix, attributes with theirs, text, CDATA and entities", () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><x:sst xmlns:x="u"><x:si a="1 &gt; 0" r:id=\'r&amp;1\'><x:t xml:space="preserve"> </x:t><x:t><![CDATA[<b>]]>&#273;&#x1EBF;</x:t></x:si></x:sst>');
    expect(root.name).toBe("sst");
    const si = root.children[0] as { name: string; attrs: Record<string, string>; children: unknown[] };
    expect(si.name).toBe("si");
    expect({ ...si.attrs }).toEqual({ a: "1 > 0", "r:id": "r&1" });
    expect(si.children).toEqual([{ name: "t", attrs: expect.anything(), children: [" "] }, { name: "t", attrs: expect.anything(), children: ["<b>", "đế"] }]);
  });

  it("keeps an attribute value holding '>' inside its quotes", () => {
    expect(parseXml('<a b="x>y" c="z"/>').attrs).toEqual(Object.assign(Object.create(null), { b: "x>y", c: "z" }));
  });

  it("refuses a DOCTYPE (no entity can expand), mismatched and unclosed tags, a stray '<'", () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow("document type declaration is not allowed");
    expect(() => parseXml("<a><b></a>")).toThrow("does not match");
    expect(() => parseXml("<a><b>")).toThrow("is not closed");
    expect(() => parseXml("<a>1 < 2</a>")).toThrow('a "<" that opens no tag');
  });

  it("refuses any entity XML does not define, a bare '&' and a character past U+10FFFF; keeps __proto__ a plain attribute name", () => {
    expect(decodeEntities("&amp;&lt;&#273;&#x1EBF;")).toBe("&<đế");
    for (const bad of ["X&foo;", "&nbsp;", "a & b", "&#99999999;", "&constructor;", "&__proto__;"]) expect(() => decodeEntities(bad), bad).toThrow("is not an entity XML defines");
    expect(() => parseXml("<a>X&foo;</a>")).toThrow('"&foo;" is not an entity');
    expect(() => parseXml('<a b="&foo;"/>')).toThrow('"&foo;" is not an entity');
    const a = parseXml('<a __proto__="x" constructor="y"/>').attrs;
    expect(a["__proto__"]).toBe("x");
    expect(Object.getPrototypeOf(a)).toBe(null);
  });

  it("scans tag by tag, self-closing tags opened and closed", () => {
    const seen: string[] = [];
    scanXml('<r><c r="A1"/><c><v>2</v></c></r>', { open: (n, a, s) => seen.push(`<${n}${a}${s ? "/" : ""}>`), close: (n) => seen.push(`</${n}>`), text: (t) => seen.push(t) });
    expect(seen).toEqual(["<r>", '<c r="A1"/>', "</c>", "<c>", "<v>", "2", "</v>", "</c>", "</r>"]);
  });
});
