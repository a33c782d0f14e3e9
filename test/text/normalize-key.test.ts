import { describe, expect, it } from "vitest";
import { cleanName } from "../../src/text/clean-name.ts";
import { prng } from "../helpers/prng.ts";
import { normalizeKey } from "../../src/text/normalize-key.ts";

describe("normalizeKey", () => {
  it("gives NFD and NFC spellings the same key", () => {
    const nfc = "Nhận thức số".normalize("NFC");
    const nfd = "Nhận thức số".normalize("NFD");
    expect(nfd).not.toBe(nfc);
    expect(nfd.length).toBeGreaterThan(nfc.length);
    expect(normalizeKey(nfd)).toBe(normalizeKey(nfc));
    expect(normalizeKey(nfd)).toBe("nhận thức số");
    expect(normalizeKey(nfd)).toBe("nhận thức số".normalize("NFC"));
  });

  it("trims and folds inner white space, no-break spaces included, to one space", () => {
    expect(normalizeKey("  Nhận\u00a0Thức   số ")).toBe("nhận thức số");
    expect(normalizeKey("Nhận\tthức\nsố")).toBe("nhận thức số");
    expect(normalizeKey("Hà\u202fNội")).toBe("hà nội");
    expect(normalizeKey("  Nhận\u00a0Thức số ")).toBe(normalizeKey("nhận thức số".normalize("NFD")));
  });

  it("lower-cases, Vietnamese letters included", () => {
    expect(normalizeKey("NHẬN THỨC SỐ")).toBe("nhận thức số");
    expect(normalizeKey("ĐÀ NẴNG")).toBe("đà nẵng");
    expect(normalizeKey("ĐÀ NẴNG".normalize("NFD"))).toBe("đà nẵng");
  });

  it("is the lower case of the clean name (2,000 random spellings): a clean name's key needs no second cleaning", () => {
    const next = prng(17);
    const pieces = ["Đ", "à", "A", "Ấ", "a\u0302\u0301", "e\u0323", " ", "  ", "\u00a0", "\u200b", "\u00ad", "\ufeff", "\t", "Phường", "SỐ", "1", "ǅ", "İ", "ß", "Σ", "\u0301", "中"];
    for (let t = 0; t < 2000; t++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
      const clean = cleanName(text);
      expect(normalizeKey(text)).toBe(clean.toLowerCase());
      expect(normalizeKey(clean)).toBe(clean.toLowerCase());
    }
  });

  it("keeps different words different", () => {
    expect(normalizeKey("Đà Nẵng")).not.toBe(normalizeKey("Da Nang"));
    expect(normalizeKey("ab")).not.toBe(normalizeKey("a b"));
    expect(normalizeKey("")).toBe("");
  });
});
