import { describe, expect, it } from "vitest";
import { compareVi, firstDifference, trailingNumberStart } from "../../src/text/collator.ts";

describe("compareVi", () => {
  it("sorts in Vietnamese alphabetical order: Đ after D, before E and H", () => {
    expect(["Hà Nội", "Đà Nẵng", "Cần Thơ"].sort(compareVi)).toEqual(["Cần Thơ", "Đà Nẵng", "Hà Nội"]);
    expect(["Hà Nội", "Đà Nẵng"].sort()).toEqual(["Hà Nội", "Đà Nẵng"]);
    expect(compareVi("Đà Nẵng", "Hà Nội")).toBeLessThan(0);
    expect(compareVi("Dương", "Đà Nẵng")).toBeLessThan(0);
    expect(compareVi("Đắk Lắk", "Điện Biên")).toBeLessThan(0);
    expect(compareVi("Điện Biên", "Gia Lai")).toBeLessThan(0);
    expect(["Gia Lai", "Điện Biên", "Đồng Nai", "Đà Nẵng", "Bình Dương", "Đắk Nông", "Đắk Lắk", "Dak Test", "An Giang"].sort(compareVi)).toEqual([
      "An Giang",
      "Bình Dương",
      "Dak Test",
      "Đà Nẵng",
      "Đắk Lắk",
      "Đắk Nông",
      "Điện Biên",
      "Đồng Nai",
      "Gia Lai",
    ]);
  });

  it("orders vowels with marks after the plain vowel (a < ă < â)", () => {
    expect(["Âu", "Ăn", "An"].sort(compareVi)).toEqual(["An", "Ăn", "Âu"]);
  });

  it("compares numbers inside names numerically", () => {
    expect(["Quận 10", "Quận 2", "Quận 1"].sort(compareVi)).toEqual(["Quận 1", "Quận 2", "Quận 10"]);
  });

  it("is 0 only for the same name (NFC and NFD compare equal; case differs)", () => {
    expect(compareVi("Hà Nội", "Hà Nội")).toBe(0);
    expect(compareVi("Hà Nội".normalize("NFD"), "Hà Nội")).toBe(0);
    expect(compareVi("hà nội", "Hà Nội")).not.toBe(0);
  });
});

describe("compareVi without the collator (firstDifference)", () => {
  const collator = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });
  // Letters, digits, marks and other scripts' digits that the short cut must leave to the collator.
  const alphabet = [..."aAbBcCdDeEghHiIkKnNoOpPqQrRtTuUxXyYzZ", ..."0123456789", " ", "-", ".", ..."ăâđĐêôơưÀàáảãạệộờ", "\u0300", "\u0301", "\u0306", "\u0323", "\u00ad", "٣", "３", "ก"];
  let seed = 20261202;
  const r = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(r() * alphabet.length)]!).join("");
  /** The pairs whose order the short cut gives and the collator does not, and how many pairs it decided. */
  const check = (pairs: Iterable<[string, string]>) => {
    const wrong: [string, string, number, number][] = [];
    let decided = 0;
    for (const [a, b] of pairs) {
      const quick = firstDifference(a, b);
      if (quick === 0) continue;
      decided++;
      const expected = Math.sign(collator.compare(a, b));
      if (quick !== expected) wrong.push([a, b, quick, expected]);
    }
    return { wrong, decided };
  };

  it("orders random names sharing a beginning as the collator does (200,000 pairs)", () => {
    function* pairs(): Generator<[string, string]> {
      for (let k = 0; k < 200_000; k++) {
        const a = word(1 + Math.floor(r() * 8));
        const at = Math.floor(r() * (a.length + 1));
        yield [a, a.slice(0, at) + word(Math.floor(r() * 4)) + (r() < 0.5 ? a.slice(at + 1) : a.slice(at))];
      }
    }
    const { wrong, decided } = check(pairs());
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(decided).toBeGreaterThan(15_000);
  });

  it("orders numbered names by their numbers as the collator does (100,000 pairs)", () => {
    const prefixes = ["Doanh nghiệp ", "Quận ", "Xã ", "Trường số ", "Phường 1", "Tổ 0", "", "A"];
    function* pairs(): Generator<[string, string]> {
      for (let k = 0; k < 100_000; k++) {
        const prefix = prefixes[k % prefixes.length]!;
        const tail = () => (r() < 0.2 ? word(2) : "");
        yield [`${prefix}${Math.floor(r() * 10 ** (1 + (k % 7)))}${tail()}`, `${prefix}${Math.floor(r() * 10 ** (1 + (k % 5)))}${tail()}`];
      }
    }
    const { wrong, decided } = check(pairs());
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(decided).toBeGreaterThan(60_000);
  });

  it("orders names of the same stem ending in whole numbers by the numbers, as the collator does (100,000 pairs)", () => {
    const stems = ["Doanh nghiệp ", "Quận ", "Xã ", "Phường 1.", "Tổ 0", "", "A-", "ấp", "Ấp ", "x ", "Đội ".normalize("NFD"), "Khu ٣"];
    let numbered = 0;
    const wrong: [string, string][] = [];
    for (let k = 0; k < 100_000; k++) {
      const stem = stems[k % stems.length]!;
      const number = () => (r() < 0.1 ? "0" : "") + String(Math.floor(r() * 10 ** (1 + Math.floor(r() * 17))));
      const a = `${stem}${number()}`;
      const b = `${stem}${number()}`;
      const sa = trailingNumberStart(a);
      const sb = trailingNumberStart(b);
      if (sa < 0 || sb < 0 || a.slice(0, sa) !== b.slice(0, sb)) continue;
      numbered++;
      const byNumber = Math.sign(Number(a.slice(sa)) - Number(b.slice(sb)));
      if (byNumber !== 0 && byNumber !== Math.sign(collator.compare(a, b))) wrong.push([a, b]);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(numbered).toBeGreaterThan(40_000);
    expect([trailingNumberStart("Phường 12"), trailingNumberStart("Xã 05"), trailingNumberStart("Huế"), trailingNumberStart("ấp3"), trailingNumberStart("Xã ấ3"), trailingNumberStart("12")]).toEqual([7, -1, -1, 2, -1, 0]);
    expect(trailingNumberStart(`A ${"9".repeat(15)}`)).toBe(2);
    expect(trailingNumberStart(`A ${"9".repeat(16)}`)).toBe(-1);
  });

  it("leaves to the collator what a first difference cannot settle", () => {
    expect(firstDifference("Quận 01", "Quận 1")).toBe(0); // the collator reads 01 as 1
    expect(firstDifference("ab", "Ab")).toBe(0); // case only
    expect(firstDifference("a\u0306", "b")).toBe(0); // a + breve is ă: a combining mark makes another letter
    expect(firstDifference("ơa", "ơb")).toBe(0); // after a character that is not ASCII
    expect(firstDifference("Hà", "Hà Nội")).toBe(0); // one begins the other
    expect(firstDifference("1٣", "12")).toBe(0); // another script's digit
    expect(firstDifference("Doanh nghiệp 9", "Doanh nghiệp 10")).toBe(-1);
    expect(firstDifference("Ba Vì", "Bắc Ninh")).toBe(0);
    expect(firstDifference("Ba Vì", "Be")).toBe(-1);
  });
});
