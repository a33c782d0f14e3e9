/**
 * A node's scoring rule in words, for readers who check a score by hand (the report's indicator
 * appendix): the rule of a leaf, the aggregation of a group, the terms of a view.
 *
 * @module
 */
import type { Aggregation, FrameworkNode, NormaliseMethod, ScoringRule, View, Weighting } from "../framework/types.ts";
import { resolveWeights } from "../framework/resolve-weights.ts";
import type { Language } from "./columns.ts";
import { formatNumber, localeStyle, type NumberStyle } from "./format-number.ts";

const W = {
  vi: {
    value: "Giá trị đã quy đổi từ 0 đến 1",
    valueMax: (max: string) => `Giá trị đã quy đổi từ 0 đến 1; điểm = giá trị × ${max}`,
    points: (max: string) => `Số điểm đạt được, từ 0 đến ${max}; giá trị = điểm / ${max}`,
    pointsNoMax: "Số điểm đạt được / điểm tối đa",
    ratio: (a: string, b: string, max: string | undefined) => `Tỷ lệ = a/b (a: ${a}; b: ${b})${max === undefined ? "" : `; điểm = tỷ lệ × ${max}`}`,
    zero: { error: "", zero: "; b = 0 tính 0 điểm", one: "; b = 0 tính điểm tối đa" },
    ladderUp: (t: string, p: string) => `từ ${t} trở lên: ${p} điểm`,
    ladderDown: (t: string, p: string) => `từ ${t} trở xuống: ${p} điểm`,
    ladder: (steps: string) => `Theo bậc: ${steps}; thấp hơn mọi bậc: 0 điểm`,
    category: (label: string, p: string) => `“${label}”: ${p} điểm`,
    categoryScore: (label: string, s: string) => `“${label}”: giá trị ${s}`,
    categorical: (items: string) => `Theo phương án: ${items}`,
    yes: "Có: đạt điểm tối đa; Không: 0 điểm",
    no: "Không: đạt điểm tối đa; Có: 0 điểm",
    goalposts: (min: string, max: string, higher: boolean) =>
      higher ? `Ngưỡng cố định: giá trị = (x − ${min}) / (${max} − ${min}), trong khoảng 0 đến 1` : `Ngưỡng cố định, càng thấp càng tốt: giá trị = (${max} − x) / (${max} − ${min}), trong khoảng 0 đến 1`,
    target: (t: string, higher: boolean, worst: string | undefined) =>
      worst !== undefined
        ? `Mục tiêu ${t} (đạt: 1), mức kém nhất ${worst} (0), tuyến tính giữa hai mức`
        : higher
          ? `Mục tiêu ${t}: giá trị = x / ${t}, tối đa 1`
          : `Mục tiêu ${t}, càng thấp càng tốt: giá trị = ${t} / x, tối đa 1`,
    method: {
      minmax: "min-max theo dữ liệu các đơn vị",
      zscore: "điểm chuẩn z theo dữ liệu các đơn vị",
      rank: "thứ hạng giữa các đơn vị",
      percentile: "bách phân vị giữa các đơn vị",
      goalposts: "min-max với ngưỡng cố định",
      target: "khoảng cách tới mục tiêu",
    } as Record<NormaliseMethod, string>,
    normalise: (method: string, lower: boolean, range: string) => `Chuẩn hoá ${method}${lower ? ", càng thấp càng tốt" : ""}, về khoảng ${range}`,
    bounds: (min: string, max: string) => ` (ngưỡng ${min} – ${max})`,
    targetOf: (t: string) => ` (mục tiêu ${t})`,
    across: "; tính trên mọi năm gộp lại",
    aggregation: {
      arithmetic: "trung bình cộng có trọng số",
      geometric: "trung bình nhân có trọng số",
      harmonic: "trung bình điều hoà có trọng số",
      "mazziotta-pareto": "chỉ số Mazziotta–Pareto (trung bình trừ mức mất cân đối)",
    } as Record<Aggregation, string>,
    weighting: { points: "trọng số theo điểm tối đa", manual: "trọng số khai báo", equal: "trọng số bằng nhau" },
    group: (n: number, how: string, weights: string) => `Tổng hợp ${n} chỉ số thành phần: ${how}, ${weights}`,
    minCoverage: (share: string) => `; thiếu dữ liệu khi các chỉ số có dữ liệu chiếm dưới ${share} trọng số`,
    view: (terms: string, how: string) => `Chỉ số tổng hợp ngoài cây chỉ số từ ${terms}: ${how}`,
  },
  en: {
    value: "A value from 0 to 1",
    valueMax: (max: string) => `A value from 0 to 1; points = value × ${max}`,
    points: (max: string) => `Points obtained, from 0 to ${max}; value = points / ${max}`,
    pointsNoMax: "Points obtained / max points",
    ratio: (a: string, b: string, max: string | undefined) => `Ratio = a/b (a: ${a}; b: ${b})${max === undefined ? "" : `; points = ratio × ${max}`}`,
    zero: { error: "", zero: "; b = 0 scores 0", one: "; b = 0 scores full marks" },
    ladderUp: (t: string, p: string) => `${t} or more: ${p} points`,
    ladderDown: (t: string, p: string) => `${t} or less: ${p} points`,
    ladder: (steps: string) => `Steps: ${steps}; below every step: 0 points`,
    category: (label: string, p: string) => `“${label}”: ${p} points`,
    categoryScore: (label: string, s: string) => `“${label}”: value ${s}`,
    categorical: (items: string) => `By answer: ${items}`,
    yes: "Yes: full marks; no: 0 points",
    no: "No: full marks; yes: 0 points",
    goalposts: (min: string, max: string, higher: boolean) =>
      higher ? `Fixed goalposts: value = (x − ${min}) / (${max} − ${min}), within 0 to 1` : `Fixed goalposts, lower is better: value = (${max} − x) / (${max} − ${min}), within 0 to 1`,
    target: (t: string, higher: boolean, worst: string | undefined) =>
      worst !== undefined ? `Target ${t} (1), worst ${worst} (0), linear between` : higher ? `Target ${t}: value = x / ${t}, at most 1` : `Target ${t}, lower is better: value = ${t} / x, at most 1`,
    method: {
      minmax: "min-max over the units' data",
      zscore: "z-scores over the units' data",
      rank: "ranks among the units",
      percentile: "percentile ranks among the units",
      goalposts: "min-max with fixed goalposts",
      target: "distance to a target",
    } as Record<NormaliseMethod, string>,
    normalise: (method: string, lower: boolean, range: string) => `Normalised: ${method}${lower ? ", lower is better" : ""}, into ${range}`,
    bounds: (min: string, max: string) => ` (bounds ${min} – ${max})`,
    targetOf: (t: string) => ` (target ${t})`,
    across: "; statistics over every year pooled",
    aggregation: {
      arithmetic: "weighted arithmetic mean",
      geometric: "weighted geometric mean",
      harmonic: "weighted harmonic mean",
      "mazziotta-pareto": "Mazziotta–Pareto index (mean minus a penalty for unbalance)",
    } as Record<Aggregation, string>,
    weighting: { points: "weighted by max points", manual: "declared weights", equal: "equal weights" },
    group: (n: number, how: string, weights: string) => `Combines ${n} sub-indicators: ${how}, ${weights}`,
    minCoverage: (share: string) => `; missing when the indicators with data hold less than ${share} of the weight`,
    view: (terms: string, how: string) => `A composite outside the tree, of ${terms}: ${how}`,
  },
} as const;

function n(value: number, style: NumberStyle): string {
  return formatNumber(value, style, { significant: 12, trim: true });
}

/** Which weights a group's children get (as the scorer resolves them). */
function weightsOf(children: readonly FrameworkNode[], weighting: Weighting | undefined): "points" | "manual" | "equal" {
  const resolved = resolveWeights(children, weighting);
  return !resolved.ok || resolved.source === "equal" ? "equal" : resolved.source === "weight" ? "manual" : "points";
}

function leafText(rule: ScoringRule, maxPoints: number | undefined, w: (typeof W)["vi"] | (typeof W)["en"], style: NumberStyle): string {
  const num = (v: number) => n(v, style);
  switch (rule.type) {
    case "value":
      return maxPoints === undefined || maxPoints === 0 ? w.value : w.valueMax(num(maxPoints));
    case "points": {
      const max = rule.max ?? maxPoints;
      return max === undefined ? w.pointsNoMax : w.points(num(max));
    }
    case "ratio": {
      const max = maxPoints === undefined || maxPoints === 0 ? undefined : num(maxPoints);
      return `${w.ratio(rule.numerator ?? "<id>.a", rule.denominator ?? "<id>.b", max)}${w.zero[rule.zeroDenominator ?? "error"]}`;
    }
    case "ladder": {
      const steps = [...rule.steps].sort((a, b) => (rule.direction === "higher" ? b.threshold - a.threshold : a.threshold - b.threshold));
      return w.ladder(steps.map((s) => (rule.direction === "higher" ? w.ladderUp : w.ladderDown)(num(s.threshold), num(s.points))).join("; "));
    }
    case "categorical":
      return w.categorical(rule.categories.map((c) => (c.points !== undefined ? w.category(c.label, num(c.points)) : w.categoryScore(c.label, num(c.score ?? 0)))).join("; "));
    case "boolean":
      return rule.direction === "lower" ? w.no : w.yes;
    case "goalposts":
      return w.goalposts(num(rule.min), num(rule.max), rule.direction === "higher");
    case "target":
      return w.target(num(rule.target), rule.direction === "higher", rule.worst === undefined ? undefined : num(rule.worst));
    case "normalise": {
      const [lo, hi] = rule.range ?? [0, 1];
      const extra = rule.bounds !== undefined ? w.bounds(num(rule.bounds.min), num(rule.bounds.max)) : rule.target !== undefined ? w.targetOf(num(rule.target)) : "";
      const range = rule.method === "zscore" ? `${num(rule.mean ?? 0)} ± ${num(rule.sd ?? 1)}` : `${num(lo)} – ${num(hi)}`;
      return `${w.normalise(`${w.method[rule.method]}${extra}`, rule.direction === "lower", range)}${rule.across === "all" ? w.across : ""}`;
    }
  }
}

/**
 * A node's rule in words, in Vietnamese (default) or English, with the locale's numbers: how a
 * leaf's input becomes its value ("Tỷ lệ = a/b …; điểm = tỷ lệ × 40"), or how a group combines
 * its children ("Tổng hợp 5 chỉ số thành phần: trung bình cộng có trọng số, trọng số theo điểm
 * tối đa").
 *
 * @example
 * ```ts
 * describeRule({ id: "dvc", name: { vi: "Dịch vụ công" }, maxPoints: 40, rule: { type: "ratio" } });
 * // => "Tỷ lệ = a/b (a: dvc.a; b: dvc.b); điểm = tỷ lệ × 40"
 * ```
 */
export function describeRule(node: FrameworkNode, language: Language = "vi", locale?: string): string {
  const w = W[language];
  const style = localeStyle(locale ?? (language === "en" ? "en-US" : "vi-VN"));
  if (node.children === undefined) {
    const text = leafText(node.rule, node.maxPoints, w, style);
    // The default input keys name the node itself.
    return node.rule.type === "ratio" ? text.replace(/<id>/gu, node.id) : text;
  }
  const how = w.aggregation[node.aggregation ?? "arithmetic"];
  const coverage = node.minCoverage === undefined ? "" : w.minCoverage(formatNumber(node.minCoverage * 100, style, { significant: 6, trim: true }) + " %");
  return `${w.group(node.children.length, how, w.weighting[weightsOf(node.children, node.weighting)])}${coverage}`;
}

/**
 * A view's rule in words: its terms (by their short labels or names) and how they combine.
 *
 * @example
 * ```ts
 * const view = { id: "nts-tcs", name: { vi: "Nhận thức và thể chế" }, terms: [{ node: "awareness" }, { node: "institutions" }] };
 * viewText(view, (id) => id.toUpperCase()); // => "Chỉ số tổng hợp ngoài cây chỉ số từ AWARENESS, INSTITUTIONS: trung bình cộng có trọng số"
 * ```
 */
export function viewText(view: View, label: (id: string) => string, language: Language = "vi"): string {
  const w = W[language];
  return w.view(view.terms.map((t) => label(t.node)).join(", "), w.aggregation[view.aggregation ?? "arithmetic"]);
}
