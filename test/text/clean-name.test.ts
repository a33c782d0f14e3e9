import { describe, expect, it } from "vitest";
import { cleanHeader, cleanName, INVISIBLE, isPlainName, MAX_NAME_LENGTH } from "../../src/text/clean-name.ts";
import { normalizeKey } from "../../src/text/normalize-key.ts";

/** Every character folded, by name. */
const INVISIBLES: readonly [string, string][] = [
  ["zero-width space", "\u200b"],
  ["zero-width non-joiner", "\u200c"],
  ["zero-width joiner", "\u200d"],
  ["left-to-right mark", "\u200e"],
  ["right-to-left mark", "\u200f"],
  ["word joiner", "\u2060"],
  ["byte order mark", "\ufeff"],
  ["soft hyphen", "\u00ad"],
  ["Arabic letter mark", "\u061c"],
  ["left-to-right embedding", "\u202a"],
  ["right-to-left override", "\u202e"],
  ["first strong isolate", "\u2068"],
];

describe("invisible characters", () => {
  it("fold away in normalizeKey and cleanName at the start, inside and at the end of a name (12 characters × 4 places)", () => {
    for (const [what, ch] of INVISIBLES) {
      for (const name of [`${ch}Hà Nội`, `Hà${ch} Nội`, `Hà N${ch}ội`, `Hà Nội${ch}`]) {
        expect(normalizeKey(name), what).toBe("hà nội");
        expect(cleanName(name), what).toBe("Hà Nội");
        expect(cleanHeader(name), what).toBe("Hà Nội");
      }
    }
  });

  it("are removed before NFC, so a combining mark they split off composes with its letter", () => {
    expect(normalizeKey("Ha\u200b\u0300 Nội")).toBe("hà nội");
    expect(cleanName("Ha\u200d\u0300 Nội")).toBe("Hà Nội");
  });

  it("leave visible text alone: case in cleanName, inner spacing in cleanHeader", () => {
    expect(cleanName("  TP.\u00a0Hồ  Chí Minh ")).toBe("TP. Hồ Chí Minh");
    expect(cleanHeader(" Nhận  thức\u200b số ")).toBe("Nhận  thức số");
    expect("Hà Nội".replace(INVISIBLE, "")).toBe("Hà Nội");
  });

  it("names are limited to a length V8 still hashes by content", () => {
    expect(MAX_NAME_LENGTH).toBeLessThan(16_384);
  });
});

describe("isPlainName (the fast path of cleanName and normalizeKey)", () => {
  // The definitions before the fast path, written out again as the reference.
  const slowClean = (t: string) => t.replace(INVISIBLE, "").normalize("NFC").trim().replace(/\s+/gu, " ");
  const slowKey = (t: string) => slowClean(t).toLowerCase();

  it("agrees with the regular-expression definition for every UTF-16 code unit, alone, between letters and at both ends", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, `${ch}b`, `a${ch}`, `a ${ch}`, `ệ${ch}`]) {
        if (cleanName(text) !== slowClean(text) || normalizeKey(text) !== slowKey(text)) wrong.push(`U+${c.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 60_000);

  it("calls plain only text NFC leaves alone: every pair of characters it accepts is already NFC", () => {
    const plain: string[] = [];
    for (let c = 0x21; c <= 0xffff; c++) if (isPlainName(String.fromCharCode(c))) plain.push(String.fromCharCode(c));
    expect(plain.length).toBeGreaterThan(900);
    const changed: string[] = [];
    for (const a of plain) for (const b of plain) if ((a + b).normalize("NFC") !== a + b) changed.push(a + b);
    expect(changed.slice(0, 10)).toEqual([]);
  }, 60_000);

  it("sends spaces that need folding, and decomposed letters, to the full path", () => {
    expect(isPlainName("Hà Nội")).toBe(true);
    expect(isPlainName("Doanh nghiệp 12")).toBe(true);
    for (const text of [" Hà Nội", "Hà Nội ", "Hà  Nội", "Hà\tNội", "Hà\u00a0Nội", "Ha\u0300 Nội", "Hà\u200bNội", "Hà Nội\u2028"]) expect(isPlainName(text), JSON.stringify(text)).toBe(false);
  });
});
