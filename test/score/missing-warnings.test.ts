import { describe, expect, it } from "vitest";
import { formatIssue, getFramework, score, scoreStream } from "../../src/index.ts";

const fw = getFramework("vn-dti-2020-province");
const rows = ["Yên Bái", "An Giang", "Bắc Kạn", "Đắk Lắk", "Cà Mau", "Hà Giang", "Bến Tre"].map((unit, i) => ({
  unit,
  government: 0.5,
  economy: i === 0 ? 0.5 : "",
  society: 0.4,
}));

describe("missing-value warnings", () => {
  it("name the first five units in Vietnamese order, then how many more, in English and Vietnamese", () => {
    const r = score(fw, rows, { missing: "zero" });
    const w = r.warnings.find((i) => i.code === "DATA_MISSING_VALUE")!;
    expect(w.message).toBe('6 unit(s) have no value for "economy" (Kinh tế số): An Giang, Bắc Kạn, Bến Tre, Cà Mau, Đắk Lắk and 1 more; scored 0');
    expect(formatIssue(w, "vi")).toContain("6 đơn vị không có giá trị của \"Kinh tế số\": An Giang, Bắc Kạn, Bến Tre, Cà Mau, Đắk Lắk và 1 đơn vị khác; tính 0 điểm");
  });

  it("are the same whatever the row order, and the same from a stream", async () => {
    const a = score(fw, rows, { missing: "reweight" }).warnings;
    const b = score(fw, [...rows].reverse(), { missing: "reweight" }).warnings;
    expect(b).toEqual(a);
    const stream = scoreStream(fw, rows, { missing: "reweight" });
    for await (const _ of stream) void _;
    expect(stream.summary().warnings).toEqual(a);
  });
});
