import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../src/text/closest-name.ts";

describe("editDistance", () => {
  it("counts edits by code point", () => {
    expect(editDistance("Thê chế số", "Thể chế số")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
  });
});

describe("closestName", () => {
  const names = ["Nhận thức số", "Thể chế số", "Hạ tầng số"];
  it("finds a near spelling, ignoring case and spacing", () => {
    expect(closestName("Thê chế số", names)).toBe("Thể chế số");
    expect(closestName("  HẠ TẦNG  SÔ", names)).toBe("Hạ tầng số");
  });
  it("gives nothing when no name is close", () => {
    expect(closestName("Dân số", names)).toBeUndefined();
    expect(closestName("Ghi chú", names)).toBeUndefined();
    expect(closestName("x", [])).toBeUndefined();
  });
});
