import { describe, expect, it } from "vitest";
import { compareTies } from "../../src/rank/tie-order.ts";

describe("compareTies", () => {
  it("orders by Vietnamese name order first (Đ after D, before E), then by code", () => {
    const units = [{ unit: "Đà Nẵng" }, { unit: "Điện Biên" }, { unit: "Dak Lak" }, { unit: "Hà Nội", code: "02" }, { unit: "Hà Nội", code: "01" }, { unit: "Ê Đê" }];
    expect([...units].sort(compareTies).map((u) => `${u.unit}${u.code ?? ""}`)).toEqual(["Dak Lak", "Đà Nẵng", "Điện Biên", "Ê Đê", "Hà Nội01", "Hà Nội02"]);
  });

  it("is 0 for the same name and code, so callers keep input order", () => {
    expect(compareTies({ unit: "Huế" }, { unit: "Huế" })).toBe(0);
  });
});
