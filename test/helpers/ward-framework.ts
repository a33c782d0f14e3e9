// A small ward framework with every rule a template offers (ratio, yes/no, categorical, ladder,
// points, value), 100 points, and two units filled by hand with their scores worked out below.
import type { FrameworkDefinition } from "../../src/framework/types.ts";

export const WARD: FrameworkDefinition = {
  id: "ward-test",
  version: "1.0.0",
  title: { vi: "Bộ chỉ số phường (thử)" },
  root: {
    id: "ward",
    name: { vi: "Chỉ số chuyển đổi số phường" },
    maxPoints: 100,
    children: [
      {
        id: "gov",
        name: { vi: "Chính quyền số" },
        maxPoints: 60,
        children: [
          { id: "online", name: { vi: "Hồ sơ trực tuyến" }, maxPoints: 20, rule: { type: "ratio" } },
          { id: "plan", name: { vi: "Kế hoạch chuyển đổi số" }, maxPoints: 10, rule: { type: "boolean" } },
          { id: "lead", name: { vi: "Trưởng ban chỉ đạo" }, maxPoints: 10, rule: { type: "categorical", categories: [{ label: "Bí thư", points: 10 }, { label: "Phó Chủ tịch", points: 5 }] } },
          { id: "meetings", name: { vi: "Số cuộc họp" }, maxPoints: 20, rule: { type: "ladder", direction: "higher", steps: [{ threshold: 4, points: 20 }, { threshold: 2, points: 10 }] } },
        ],
      },
      {
        id: "soc",
        name: { vi: "Xã hội số" },
        maxPoints: 40,
        children: [
          { id: "self", name: { vi: "Điểm tự chấm" }, maxPoints: 25, rule: { type: "points" } },
          { id: "survey", name: { vi: "Chỉ số khảo sát" }, maxPoints: 15, rule: { type: "value" } },
        ],
      },
    ],
  },
};

/** What two wards enter, by input key, and the index each scores (points: 18+10+10+10+20+11.25; 5+0+5+20+25+7.5). */
export const FILLED: readonly { unit: string; values: Readonly<Record<string, string | number>>; value: string; points: number }[] = [
  { unit: "Phường Bến Nghé", values: { "online.a": 90, "online.b": 100, plan: "Có", lead: "Bí thư", meetings: 3, self: 20, survey: 0.75 }, value: "0.7925", points: 79.25 },
  { unit: "Phường Đa Kao", values: { "online.a": 50, "online.b": 200, plan: "Không", lead: "Phó Chủ tịch", meetings: 5, self: 25, survey: 0.5 }, value: "0.6250", points: 62.5 },
];
