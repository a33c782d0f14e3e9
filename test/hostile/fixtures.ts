/** A small framework for the hostile-input tests: points, ratio and categorical leaves. */
import { defineFramework } from "../../src/framework/validate-framework.ts";

export const ward = defineFramework({
  id: "ward-hostile",
  version: "1.0.0",
  title: { vi: "Phường thử" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    maxPoints: 100,
    children: [
      { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 30, rule: { type: "points" } },
      { id: "services", name: { vi: "Dịch vụ công trực tuyến" }, maxPoints: 40, rule: { type: "ratio" } },
      {
        id: "steering",
        name: { vi: "Trưởng ban chỉ đạo" },
        maxPoints: 30,
        rule: { type: "categorical", categories: [{ label: "Bí thư/Chủ tịch", points: 30 }, { label: "Chưa có", points: 0 }] },
      },
    ],
  },
});

export const HEADER = "unit,awareness,services.a,services.b,steering";
