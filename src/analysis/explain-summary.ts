/**
 * The plain-language summary of an explanation, in Vietnamese or English.
 *
 * @module
 */
import type { Explanation } from "./explanation.ts";
import { summaryLabels } from "../text/labels/index.ts";
import { formatDecimal, formatPoints, type Language } from "./format.ts";
import { localName } from "../text/local-name.ts";

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
  const L = summaryLabels(language);
  const d = ex.decimals;
  const n = (x: number | string) => formatDecimal(x, d, language);
  const step = formatPoints(ex.step, d, language);
  const index = ex.index.short ?? localName(ex.index.name, language);
  const byId = new Map(ex.nodes.map((x) => [x.id, x]));
  const parts: string[] = [];
  const when = ex.year === undefined ? "" : L.when(ex.year);
  parts.push(when + (ex.value === null ? L.noValue(ex.unit, index) : L.ranks(ex.unit, String(ex.rank ?? "–"), ex.units, index, n(ex.value))));
  if (ex.group !== undefined && ex.groupRank !== null && ex.groupUnits !== null) parts.push(L.inGroup(ex.group, ex.groupRank, ex.groupUnits));
  if (ex.band !== null) parts.push(L.band(localName(ex.band.label, language)));
  const strong = byId.get(ex.strongest[0] ?? "");
  const weak = byId.get(ex.weakest[0] ?? "");
  if (strong !== undefined && strong.value !== null) {
    parts.push(`${L.strongest}: ${localName(strong.name, language)} (${n(strong.value)}).`);
  }
  if (weak !== undefined && weak.value !== null && weak !== strong) {
    const gain = weak.gainPerStep > 0 ? L.weakestGain(step, index, n(weak.gainPerStep)) : "";
    parts.push(`${L.weakest}: ${localName(weak.name, language)} (${n(weak.value)})${gain}.`);
  }
  const first = byId.get(ex.priorities[0] ?? "");
  if (first !== undefined && first !== weak) parts.push(L.largestGain(index, step, localName(first.name, language), n(first.gainPerStep)));
  if (ex.target !== null) {
    const t = n(ex.target.score);
    if (ex.target.reached) parts.push(L.targetReached(t));
    else {
      const pts = ex.target.gapPoints === null ? "" : L.targetPoints(formatPoints(ex.target.gapPoints, 3, language));
      parts.push(L.targetNeeds(t, n(ex.target.gapValue), pts));
    }
  }
  return parts.join(" ");
}
