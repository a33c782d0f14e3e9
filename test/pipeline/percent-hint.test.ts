/**
 * The "85%" hint through score(): said in the unit of each column's rule.
 *
 * Waits for the lead's one-line change in src/score/score-leaves.ts (the issue message of a failed
 * leaf passes through withNumberHint from src/input/number-hints.ts); fails until then.
 */
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { validate } from "../../src/pipeline/score.ts";

const ward = defineFramework({
  id: "ward-percent",
  version: "1.0.0",
  title: { vi: "Phường" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    maxPoints: 100,
    children: [
      { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 20, rule: { type: "points" } },
      { id: "online", name: { vi: "Tỷ lệ hồ sơ trực tuyến" }, maxPoints: 80, rule: { type: "goalposts", min: 0, max: 100, direction: "higher" } },
    ],
  },
});

describe("a percentage cell: the hint names the number in the column's unit (waits for score-leaves integration)", () => {
  it("goalposts 0-100 say 85, points of 20 say 17", () => {
    const report = validate(ward, parseCsv("Phường;Nhận thức số;Tỷ lệ hồ sơ trực tuyến\nBến Nghé;85%;85%\n"));
    const messages = Object.fromEntries(report.errors.map((e) => [e.node, e.message]));
    expect(messages["online"]).toContain("write 85, the number on the goalposts' scale (0 to 100)");
    expect(messages["awareness"]).toContain("85% of 20 points is 17: write 17");
    expect(messages["online"]).not.toContain("0.85");
  });
});
