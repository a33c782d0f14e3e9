import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/xlsx.ts";
import { centralCrcs, crc32 } from "../../src/xlsx/zip-crc.ts";
import { excelRow, excelWorkbook } from "../helpers/xlsx.ts";

function workbook(): Uint8Array {
  const strings: string[] = [];
  return excelWorkbook([{ name: "S", sheetData: [excelRow(1, ["Đơn vị", "NTS"], strings), excelRow(2, ["Huế", 0.6], strings)].join("") }], strings);
}

/** Where `needle` first is in `bytes`. */
function find(bytes: Uint8Array, needle: string): number {
  const n = strToU8(needle);
  for (let i = 0; i + n.length <= bytes.length; i++) if (n.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

describe("crc32", () => {
  it("gives zip's CRC-32: the standard check value, and fflate's for every part it writes", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // Every length around the 8-byte steps, against the bit-by-bit definition.
    const bitwise = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const byte of b) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    const data = Uint8Array.from({ length: 40 }, (_, i) => (i * 151 + 7) & 0xff);
    for (let len = 0; len <= 33; len++) expect(crc32(data.subarray(3, 3 + len)), `length ${len}`).toBe(bitwise(data.subarray(3, 3 + len)));
    const bytes = workbook();
    const crcs = centralCrcs(bytes);
    for (const [name, data] of Object.entries(unzipSync(bytes))) expect(crcs?.get(name), name).toBe(crc32(data));
  });
});

describe("readXlsx checks the CRC-32 of every part it reads", () => {
  it("refuses a stored part with one byte changed (0.6 read as 0.9) as a damaged zip", () => {
    const stored = zipSync(unzipSync(workbook()), { level: 0 });
    expect(readXlsx(stored).rows[0]?.cells).toEqual(["Huế", 0.6]);
    const at = find(stored, "<v>0.6</v>");
    expect(at).toBeGreaterThan(0);
    const flipped = stored.slice();
    flipped[at + 5] = "9".charCodeAt(0);
    const table = readXlsx(flipped);
    expect(table.rows).toEqual([]);
    expect(table.issues).toEqual([expect.objectContaining({ code: "DATA_PARSE", severity: "error" })]);
    expect(table.issues[0]?.message).toMatch(/cannot be unzipped \(the part "xl\/worksheets\/sheet1.xml" is damaged.*is the file complete\?/u);
  });

  it("refuses a deflated part whose recorded CRC-32 does not match what it unpacks to", () => {
    const bytes = workbook().slice();
    // The sheet's central directory entry (signature PK\x01\x02, the name 46 bytes on): its CRC-32 is 16 bytes in.
    let entry = -1;
    for (let i = 0; i < bytes.length - 46 && entry < 0; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2 && find(bytes.subarray(i + 46, i + 70), "xl/worksheets/sheet1.xml") === 0) entry = i;
    }
    expect(entry).toBeGreaterThan(0);
    bytes[entry + 16] = ((bytes[entry + 16] as number) ^ 1) & 0xff;
    expect(readXlsx(bytes).issues[0]).toMatchObject({ code: "DATA_PARSE" });
    expect(readXlsx(bytes).issues[0]?.message).toContain("is damaged");
  });
});
