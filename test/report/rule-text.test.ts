import { describe, expect, it } from "vitest";
import { getFramework } from "../../src/framework/builtin/index.ts";
import type { FrameworkNode } from "../../src/framework/types.ts";
import { describeRule, viewText } from "../../src/report/rule-text.ts";

const leaf = (rule: Extract<FrameworkNode, { rule: unknown }>["rule"], maxPoints?: number): FrameworkNode => ({
  id: "x",
  name: { vi: "Chỉ số" },
  ...(maxPoints !== undefined ? { maxPoints } : {}),
  rule,
});

describe("describeRule", () => {
  it("says each leaf rule in Vietnamese, with vi-VN numbers", () => {
    expect(describeRule(leaf({ type: "value" }, 100))).toBe("Giá trị đã quy đổi từ 0 đến 1; điểm = giá trị × 100");
    expect(describeRule(leaf({ type: "value" }))).toBe("Giá trị đã quy đổi từ 0 đến 1");
    expect(describeRule(leaf({ type: "points" }, 12.5))).toBe("Số điểm đạt được, từ 0 đến 12,5; giá trị = điểm / 12,5");
    expect(describeRule(leaf({ type: "ratio", zeroDenominator: "one" }, 40))).toBe("Tỷ lệ = a/b (a: x.a; b: x.b); điểm = tỷ lệ × 40; b = 0 tính điểm tối đa");
    expect(describeRule(leaf({ type: "ratio", numerator: "done", denominator: "all" }))).toBe("Tỷ lệ = a/b (a: done; b: all)");
    expect(describeRule(leaf({ type: "ladder", direction: "higher", steps: [{ threshold: 3, points: 15 }, { threshold: 4, points: 20 }] }, 20))).toBe(
      "Theo bậc: từ 4 trở lên: 20 điểm; từ 3 trở lên: 15 điểm; thấp hơn mọi bậc: 0 điểm",
    );
    expect(describeRule(leaf({ type: "ladder", direction: "lower", steps: [{ threshold: 5, points: 10 }, { threshold: 2, points: 20 }] }))).toBe(
      "Theo bậc: từ 2 trở xuống: 20 điểm; từ 5 trở xuống: 10 điểm; thấp hơn mọi bậc: 0 điểm",
    );
    expect(describeRule(leaf({ type: "categorical", categories: [{ label: "Bí thư/Chủ tịch", points: 30 }, { label: "Khác", score: 0.5 }] }))).toBe(
      "Theo phương án: “Bí thư/Chủ tịch”: 30 điểm; “Khác”: giá trị 0,5",
    );
    expect(describeRule(leaf({ type: "boolean" }))).toBe("Có: đạt điểm tối đa; Không: 0 điểm");
    expect(describeRule(leaf({ type: "boolean", direction: "lower" }))).toBe("Không: đạt điểm tối đa; Có: 0 điểm");
    expect(describeRule(leaf({ type: "goalposts", min: 0, max: 100, direction: "higher" }))).toBe("Ngưỡng cố định: giá trị = (x − 0) / (100 − 0), trong khoảng 0 đến 1");
    expect(describeRule(leaf({ type: "target", target: 95, direction: "higher" }))).toBe("Mục tiêu 95: giá trị = x / 95, tối đa 1");
    expect(describeRule(leaf({ type: "normalise", method: "minmax", direction: "lower", range: [1, 100], across: "all" }))).toBe(
      "Chuẩn hoá min-max theo dữ liệu các đơn vị, càng thấp càng tốt, về khoảng 1 – 100; tính trên mọi năm gộp lại",
    );
    expect(describeRule(leaf({ type: "normalise", method: "zscore", mean: 100, sd: 10 }))).toBe("Chuẩn hoá điểm chuẩn z theo dữ liệu các đơn vị, về khoảng 100 ± 10");
  });

  it("says how a group combines its children, with the weights the scorer uses", () => {
    const fw = getFramework("vn-dti-2022-province");
    expect(describeRule(fw.root)).toBe("Tổng hợp 2 chỉ số thành phần: trung bình cộng có trọng số, trọng số theo điểm tối đa");
    const group: FrameworkNode = {
      id: "g",
      name: { vi: "Nhóm" },
      aggregation: "geometric",
      minCoverage: 0.65,
      children: [leaf({ type: "value" }), { ...leaf({ type: "value" }), id: "y" }],
    };
    expect(describeRule(group)).toBe("Tổng hợp 2 chỉ số thành phần: trung bình nhân có trọng số, trọng số bằng nhau; thiếu dữ liệu khi các chỉ số có dữ liệu chiếm dưới 65 % trọng số");
    expect(describeRule(group, "en")).toBe("Combines 2 sub-indicators: weighted geometric mean, equal weights; missing when the indicators with data hold less than 65 % of the weight");
  });

  it("speaks English with en-US numbers when asked, and says a view's terms", () => {
    expect(describeRule(leaf({ type: "points" }, 12.5), "en")).toBe("Points obtained, from 0 to 12.5; value = points / 12.5");
    const fw = getFramework("vn-dti-2022-province");
    const view = fw.views?.[0];
    expect(view).toBeDefined();
    const labels = new Map<string, string>([["awareness", "NTS"]]);
    expect(viewText(view!, (id) => labels.get(id) ?? id)).toMatch(/^Chỉ số tổng hợp ngoài cây chỉ số từ NTS, /u);
  });
});
