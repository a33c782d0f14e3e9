import { describe, expect, it } from "vitest";
import { planImprovements } from "../../src/analysis/plan-improvements.ts";
import { whatIf } from "../../src/analysis/what-if.ts";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";

const fw = defineFramework({
  id: "ward-decimals",
  version: "1.0.0",
  title: { vi: "Phường" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    children: [
      { id: "users", name: { vi: "Người dùng" }, weight: 1, rule: { type: "goalposts", min: 0, max: 500, direction: "higher" } },
      { id: "share", name: { vi: "Tỷ lệ" }, weight: 1, rule: { type: "value" } },
    ],
  },
});

describe("what-if on a column the thousands check let pass", () => {
  it("re-scoring one unit alone does not ask about its 179.875 again", () => {
    // Among 100 and 90, "179.875" is read as 179.875 without a question (see thousands.ts).
    const data = parseCsv("Phường;Người dùng;Tỷ lệ\nA;179.875;0,5\nB;100;0,6\nC;90;0,7\n");
    expect(score(fw, data).warnings).toEqual([]);
    const r = whatIf(fw, data, "A", { share: "0,9" });
    expect(r.after.value).toBe("0.6299");
    // The planner re-scores A alone, where "179.875" would be a one-cell column.
    const plan = planImprovements(fw, data, "A", { toRank: 1 });
    expect(plan.reached).toBe(true);
  });
});
