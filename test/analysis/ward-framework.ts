// A small ward framework with a step ladder, a ratio and a category (100 points), shared by the
// what-if and plan tests.
import { defineFramework } from "../../src/framework/validate-framework.ts";

export const WARD = defineFramework({
  id: "ward", version: "1", title: { vi: "Phường" },
  root: { id: "dti", name: { vi: "DTI" }, maxPoints: 100, children: [
    { id: "meetings", name: { vi: "Họp" }, maxPoints: 20, rule: { type: "ladder", direction: "higher", steps: [{ threshold: 2, points: 10 }, { threshold: 4, points: 20 }] } },
    { id: "online", name: { vi: "Trực tuyến" }, maxPoints: 50, rule: { type: "ratio" } },
    { id: "steering", name: { vi: "Trưởng ban" }, maxPoints: 30, rule: { type: "categorical", categories: [
      { label: "Chủ tịch", points: 30 }, { label: "Phó Chủ tịch", points: 15 }, { label: "Chưa có", points: 0 } ] } },
  ] },
});
