import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { whatIf } from "../../src/analysis/what-if.ts";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { WARD } from "./ward-framework.ts";

const fw = getFramework("vn-dti-2022-province");
const top5 = parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));

describe("whatIf", () => {
  it("re-scores HCMC with digital society at 0,5 (Vietnamese name and decimal comma)", () => {
    const r = whatIf(fw, top5, "TP. Hồ Chí Minh", { "Hoạt động xã hội số": "0,5" });
    // 0.716355 + 0.15 × (0.5 − 0.3590) = 0.737505 → 0.7375 (half-up on the 5th decimal 0)
    expect(r.before).toEqual({ score: 0.716355, value: "0.7164", rank: 2, groupRank: null });
    expect(r.after).toMatchObject({ value: "0.7375", rank: 2, groupRank: null });
    expect(r.after.score).toBeCloseTo(0.737505, 14);
    expect(r.delta).toMatchObject({ value: "+0.0211", rank: 0 });
    expect(r.delta.score).toBeCloseTo(0.02115, 14);
    expect(r.changes).toEqual([{ input: "digital-society", from: "0.3590", to: "0,5" }]);
    // Pillar view Xã hội số moves too: its terms are the foundation (500) + digital society (150) … recomputed by score().
    expect(r.nodes.map((n) => n.id)).toEqual(["activity", "digital-society", "society"]);
    expect(r.nodes.find((n) => n.id === "digital-society")?.delta).toBe("+0.1410");
    expect(r.units).toBe(5);
  });

  it("works on an official export as on the plain table (title rows, STT, trailing columns, an average row)", () => {
    const sheet = parseCsv(readFileSync("fixtures/dti-2022-province-top5-official-export.csv", "utf8"));
    const r = whatIf(fw, sheet, "TP. Hồ Chí Minh", { "Hoạt động xã hội số": "0,5" });
    expect(r.before.value).toBe("0.7164");
    expect(r.after).toMatchObject({ value: "0.7375", rank: 2 });
    expect(r.units).toBe(5);
  });

  it("moves HCMC to rank 1 when its weakest indicators are maxed, others unchanged", () => {
    // + 0.2 × (1 − 0.8406) + 0.15 × (1 − 0.3590) = 0.716355 + 0.03188 + 0.09615 = 0.844385
    const r = whatIf(fw, top5, "TP. Hồ Chí Minh", { "digital-government": 1, "digital-society": 1 });
    expect(r.after.value).toBe("0.8444");
    expect(r.after.rank).toBe(1);
    expect(r.delta.rank).toBe(1);
  });

  it("refuses a value above the maximum like scoring does, and unknown indicators", () => {
    expect(() => whatIf(fw, top5, "TP. Hồ Chí Minh", { awareness: 1.2 })).toThrow(/DATA_OUT_OF_RANGE|outside/u);
    expect(() => whatIf(fw, top5, "TP. Hồ Chí Minh", { nope: 1 })).toThrow(/not an indicator input/u);
  });

  it("applies ladder, categorical and ratio rules exactly as scoring (long data too)", () => {
    const ward = WARD;
    const long = [
      { unit: "A", indicator: "meetings", value: 3 }, { unit: "A", indicator: "online.a", value: 90 },
      { unit: "A", indicator: "online.b", value: 200 }, { unit: "A", indicator: "steering", value: "Phó Chủ tịch" },
      { unit: "B", indicator: "meetings", value: 4 }, { unit: "B", indicator: "online.a", value: 100 },
      { unit: "B", indicator: "online.b", value: 100 }, { unit: "B", indicator: "steering", value: "Chưa có" },
    ];
    // A: 10 + 0.45 × 50 + 15 = 47.5 → 0.4750; B: 20 + 50 + 0 = 70 → 0.7000
    // A with 3.9 meetings (still the 2-meeting step), 150/200 online, "Chủ tịch": 10 + 37.5 + 30 = 77.5
    const r = whatIf(ward, long, "A", { meetings: 3.9, "online.a": 150, "Trưởng ban": "Chủ tịch" });
    expect(r.before.value).toBe("0.4750");
    expect(r.after).toMatchObject({ value: "0.7750", rank: 1 });
  });
});

describe("whatIf on data with years (synthetic)", () => {
  it("changes only the chosen year's row and ranks among that year's units", async () => {
    const { score } = await import("../../src/pipeline/score.ts");
    const table = parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8"));
    // Vĩnh Phúc 2022: 744.985 points; awareness 0.8381 → 1 adds 16.19: 761.175 → 0.7612
    const r = whatIf(fw, table, "Vĩnh Phúc", { awareness: 1 }, { year: 2022 });
    expect(r).toMatchObject({ year: 2022, before: { value: "0.7450", rank: 20 }, after: { value: "0.7612" } });
    const base = score(fw, table).units.filter((u) => u.year === 2022 && u.unit !== "Vĩnh Phúc");
    expect(r.after.rank).toBe(1 + base.filter((u) => Number(u.value) > 0.7612).length);
    // Default: the latest year.
    expect(whatIf(fw, table, "Vĩnh Phúc", { awareness: 1 }).year).toBe(2023);
  });
});
