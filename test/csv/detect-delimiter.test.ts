import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../src/input/csv/detect-delimiter.ts";

describe("detectDelimiter", () => {
  it("finds each delimiter", () => {
    expect(detectDelimiter("a,b,c\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter("Tỉnh;Nhận thức số;Điểm\nHà Nội;0,8;1")).toBe(";");
    expect(detectDelimiter("a\tb\n1,5\t2")).toBe("\t");
  });

  it("takes the most frequent, looking at the header line only", () => {
    expect(detectDelimiter("a;b;c,d\n1,2,3,4,5,6")).toBe(";");
    expect(detectDelimiter("a\tb\tc;d")).toBe("\t");
  });

  it("breaks ties comma, then semicolon, then tab", () => {
    expect(detectDelimiter("a,b;c")).toBe(",");
    expect(detectDelimiter("a;b\tc")).toBe(";");
  });

  it("ignores delimiters inside quotes, also across lines and with doubled quotes", () => {
    expect(detectDelimiter('"a,b,c";d')).toBe(";");
    expect(detectDelimiter('"x ""y,z"" w";d')).toBe(";");
    expect(detectDelimiter('"a,\nb,c";d\n1,2,3,4')).toBe(";");
  });

  it("skips blank lines before the header", () => {
    expect(detectDelimiter("\n\r\n  \na;b")).toBe(";");
  });

  it("returns undefined for a one-column header or empty text", () => {
    expect(detectDelimiter("Tỉnh\nHà Nội,0,5")).toBeUndefined();
    expect(detectDelimiter('"a,b"\n1,2')).toBeUndefined();
    expect(detectDelimiter("")).toBeUndefined();
  });

  it("stops at CR as well as LF", () => {
    expect(detectDelimiter("a;b\r1,2,3,4")).toBe(";");
  });
});
