import { describe, expect, it } from "vitest";
import { withoutDiacritics } from "../../src/text/without-diacritics.ts";

describe("withoutDiacritics", () => {
  it("takes tone and vowel marks off every Vietnamese letter, in NFC and NFD", () => {
    const letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
    const bases = "a".repeat(18) + "e".repeat(12) + "i".repeat(6) + "o".repeat(18) + "u".repeat(12) + "y".repeat(6);
    expect(withoutDiacritics(letters)).toBe(bases);
    expect(withoutDiacritics(letters.normalize("NFD"))).toBe(bases);
    expect(withoutDiacritics(letters.toUpperCase())).toBe(bases.toUpperCase());
  });

  it("reads đ as d and leaves other text as it is", () => {
    expect(withoutDiacritics("TP. Đà Nẵng, đường 3/2")).toBe("TP. Da Nang, duong 3/2");
    expect(withoutDiacritics("Ha Noi 2025 (x)")).toBe("Ha Noi 2025 (x)");
  });
});
