/**
 * The plain-language summary of an explanation, in Vietnamese or English.
 *
 * @module
 */
import type { LocalizedName } from "../framework/types.ts";
import type { Explanation } from "./explanation.ts";
import { formatDecimal, formatPoints, type Language } from "./format.ts";

/** A localized name in the language (English falls back to Vietnamese). */
export function nameIn(name: LocalizedName, language: Language): string {
  return language === "en" ? (name.en ?? name.vi) : name.vi;
}

/**
 * A few sentences: rank and value, band, strongest and weakest indicator with the index gain of
 * improving the weakest by `step`, the indicator that gains most per step when it is another,
 * and the distance to the target.
 *
 * @example
 * ```ts
 * explainSummary(explain(getFramework("vn-dti-2022-province"), result, "TP. Đà Nẵng"), "vi");
 * // => "TP. Đà Nẵng xếp hạng 1/5 với DTI 0,8002. Mạnh nhất: Nhận thức số (1,0000). Yếu nhất: …"
 * ```
 */
export function explainSummary(ex: Omit<Explanation, "summary">, language: Language): string {
  const vi = language === "vi";
  const d = ex.decimals;
  const n = (x: number | string) => formatDecimal(x, d, language);
  const index = ex.index.short ?? nameIn(ex.index.name, language);
  const byId = new Map(ex.nodes.map((x) => [x.id, x]));
  const parts: string[] = [];
  const when = ex.year === undefined ? "" : vi ? `Năm ${ex.year}, ` : `In ${ex.year}, `;
  if (ex.value === null) {
    parts.push(vi ? `${when}${ex.unit} chưa có giá trị ${index}.` : `${when}${ex.unit} has no ${index} value.`);
  } else {
    parts.push(
      vi
        ? `${when}${ex.unit} xếp hạng ${ex.rank ?? "–"}/${ex.units} với ${index} ${n(ex.value)}.`
        : `${when}${ex.unit} ranks ${ex.rank ?? "–"}/${ex.units} with ${index} ${n(ex.value)}.`,
    );
  }
  if (ex.group !== undefined && ex.groupRank !== null && ex.groupUnits !== null) {
    parts.push(vi ? `Trong nhóm ${ex.group}: hạng ${ex.groupRank}/${ex.groupUnits}.` : `Within ${ex.group}: rank ${ex.groupRank}/${ex.groupUnits}.`);
  }
  if (ex.band !== null) parts.push(vi ? `Mức: ${nameIn(ex.band.label, language)}.` : `Band: ${nameIn(ex.band.label, language)}.`);
  const strong = byId.get(ex.strongest[0] ?? "");
  const weak = byId.get(ex.weakest[0] ?? "");
  if (strong !== undefined && strong.value !== null) {
    parts.push(`${vi ? "Mạnh nhất" : "Strongest"}: ${nameIn(strong.name, language)} (${n(strong.value)}).`);
  }
  if (weak !== undefined && weak.value !== null && weak !== strong) {
    const gain = weak.gainPerStep > 0
      ? vi
        ? ` — cải thiện chỉ số này thêm ${formatPoints(ex.step, d, language)} sẽ tăng ${index} ${n(weak.gainPerStep)}`
        : ` — improving it by ${formatPoints(ex.step, d, language)} would raise the ${index} by ${n(weak.gainPerStep)}`
      : "";
    parts.push(`${vi ? "Yếu nhất" : "Weakest"}: ${nameIn(weak.name, language)} (${n(weak.value)})${gain}.`);
  }
  const first = byId.get(ex.priorities[0] ?? "");
  if (first !== undefined && first !== weak) {
    parts.push(
      vi
        ? `Tăng ${index} nhiều nhất cho mỗi ${formatPoints(ex.step, d, language)} cải thiện: ${nameIn(first.name, language)} (+${n(first.gainPerStep)}).`
        : `The largest ${index} gain per ${formatPoints(ex.step, d, language)} of improvement: ${nameIn(first.name, language)} (+${n(first.gainPerStep)}).`,
    );
  }
  if (ex.target !== null) {
    const t = n(ex.target.score);
    if (ex.target.reached) parts.push(vi ? `Đã đạt mục tiêu ${t}.` : `The target ${t} is reached.`);
    else {
      const pts = ex.target.gapPoints === null ? "" : vi ? ` (${formatPoints(ex.target.gapPoints, 3, language)} điểm)` : ` (${formatPoints(ex.target.gapPoints, 3, language)} points)`;
      parts.push(vi ? `Để đạt mục tiêu ${t} cần thêm ${n(ex.target.gapValue)}${pts}.` : `Reaching the target ${t} needs ${n(ex.target.gapValue)} more${pts}.`);
    }
  }
  return parts.join(" ");
}
