import { describe, expect, it } from "vitest";
import { compareVi } from "../../src/text/collator.ts";

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
