import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { score } from "../../src/pipeline/score.ts";
import { mainIndicators } from "../../src/report/main-indicators.ts";
import { sampleResult, tinyResult } from "./helpers.ts";

describe("mainIndicators", () => {
  it("gives the 8 scored main indicators of the 2022 provincial DTI (groups without a short label unfolded)", () => {
    expect(mainIndicators(sampleResult()).map((n) => n.short)).toEqual(["NTS", "TCS", "HTS", "NLS", "ATTTM", "HĐCQS", "HĐKTS", "HĐXHS"]);
  });
  it("gives the pillars of the 2025 national DTI", () => {
    const r = score(getFramework("vn-dti-2025-national"), [{ unit: "VN", government: 0.8, economy: 0.6, society: 0.7 }]);
    expect(mainIndicators(r).map((n) => n.id)).toEqual(["government", "economy", "society"]);
  });
  it("takes explicit ids, views included, and rejects unknown ones", () => {
    expect(mainIndicators(sampleResult(), ["government", "awareness"]).map((n) => n.id)).toEqual(["government", "awareness"]);
    expect(() => mainIndicators(tinyResult(), ["nope"])).toThrow(DtiError);
    let caught: unknown;
    try {
      mainIndicators(tinyResult(), ["dti"]);
    } catch (e) {
      caught = e;
    }
    expect((caught as DtiError).issues[0]?.code).toBe("REPORT_NODE_UNKNOWN");
  });
});
