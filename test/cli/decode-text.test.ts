import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/cli/decode-text.ts";
import { thrownCodes } from "../helpers/outcome.ts";
import { excelWorkbook } from "../helpers/xlsx.ts";

const text = "Tỉnh;Nhận thức số\nHà Nội;0,8125\n";

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))).toBe(text);
  });

  it("reads UTF-16 LE and BE files with a BOM (Excel's Unicode text)", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeText(le)).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be)).toBe(text);
  });

  it("refuses bytes that are not UTF-8 with DATA_ENCODING, naming the offset and line", () => {
    // "Hà Nội" in Windows-1258: à = 0xE0, ộ = o + combining dot 0xF2 (one byte each).
    const cp1258 = Buffer.concat([Buffer.from("Tỉnh;Điểm\nH", "utf8"), Buffer.from([0xe0, 0x20, 0x4e, 0x6f, 0xf2, 0x69]), Buffer.from(";1\n")]);
    const codes = thrownCodes(() => decodeText(cp1258, "data.csv"));
    expect(codes).toEqual(["DATA_ENCODING"]);
    try {
      decodeText(cp1258, "data.csv");
    } catch (e) {
      const issue = (e as { issues: { message: string; row?: number }[] }).issues[0];
      expect(issue?.row).toBe(2);
      expect(issue?.message).toContain("data.csv is not UTF-8 (invalid byte 0xe0 at offset 16, line 2)");
    }
    expect(thrownCodes(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8])))).toEqual(["DATA_ENCODING"]);
  });
});

describe("a zip file read as text", () => {
  it("says it is a zip (an .xlsx workbook?) to give as *.xlsx, not that it is not UTF-8", () => {
    expect(() => decodeText(excelWorkbook([{ name: "S", sheetData: "" }]), "data.csv")).toThrow("data.csv is a zip file (an .xlsx workbook?), not text: give it as a file named *.xlsx");
  });
});
