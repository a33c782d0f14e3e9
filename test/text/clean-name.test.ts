import { describe, expect, it } from "vitest";
import { cleanHeader, cleanName, INVISIBLE, MAX_NAME_LENGTH } from "../../src/text/clean-name.ts";
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
