/** A framework with bonus and penalty points, for tests. */
import type { FrameworkDefinition } from "../../src/framework/types.ts";

/** 60 + 40 weighted points; a bonus group capped at 5 (3 + 4 points of criteria), a penalty of up to 2. */
export const ADJUSTED: FrameworkDefinition = {
  id: "adjusted",
  version: "1",
  title: { vi: "Thưởng và trừ" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    maxPoints: 100,
    children: [
      { id: "a", name: { vi: "A" }, maxPoints: 60, rule: { type: "points" } },
      { id: "b", name: { vi: "B" }, maxPoints: 40, rule: { type: "points" } },
      {
        id: "thuong",
        name: { vi: "Điểm thưởng" },
        adjust: "bonus",
        maxPoints: 5,
        children: [
          { id: "t1", name: { vi: "Giải thưởng" }, maxPoints: 3, rule: { type: "boolean" } },
          { id: "t2", name: { vi: "Sáng kiến" }, maxPoints: 4, rule: { type: "points" } },
        ],
      },
      { id: "tru", name: { vi: "Điểm trừ" }, adjust: "penalty", maxPoints: 2, rule: { type: "points" } },
    ],
  },
};

