/**
 * The report's overview of the main indicators: average, highest and lowest unit of each.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import type { Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";
import type { ValueFormatter } from "../format-number.ts";
import { mainIndicators } from "../main-indicators.ts";
import { averageValue, nodeScore, nodeValue } from "../unit-stats.ts";
import { localName } from "../../text/local-name.ts";

/**
 * An HTML table with one row per main indicator: its name, the average of `units`, and the units
 * with the highest and lowest value (the first in result order on a tie).
 *
 * @example
 * ```ts
 * indicatorTable(result, result.units, valueFormatter("vi-VN"), "vi"); // => '<table class="dti-ranking indicators">…'
 * ```
 */
export function indicatorTable(result: ScoreResult, units: readonly UnitResult[], fmt: ValueFormatter, language: Language): string {
  const en = language === "en";
  const rows = mainIndicators(result).map((node) => {
    const scored = units.filter((u) => nodeScore(result, u, node.id) !== null);
    const pick = (better: (a: number, b: number) => boolean) =>
      scored.reduce<UnitResult | undefined>((best, u) => (best === undefined || better(nodeScore(result, u, node.id) as number, nodeScore(result, best, node.id) as number) ? u : best), undefined);
    const hi = pick((a, b) => a > b);
    const lo = pick((a, b) => a < b);
    const cell = (u: UnitResult | undefined) => (u === undefined ? "<td>–</td>" : `<td><span class="num">${e(fmt(nodeValue(result, u, node.id)))}</span> <span class="who">${e(u.unit)}</span></td>`);
    const name = localName(node.name, language);
    return `<tr><th scope="row" class="unit">${e(name)}${node.short !== undefined ? ` <span class="who">(${e(node.short)})</span>` : ""}</th><td class="num">${e(fmt(averageValue(result, units, node.id)))}</td>${cell(hi)}${cell(lo)}</tr>`;
  });
  const head = en ? ["Indicator", "Average", "Highest", "Lowest"] : ["Chỉ số", "Trung bình", "Cao nhất", "Thấp nhất"];
  return [
    '<table class="dti-ranking indicators">',
    `<thead><tr>${head.map((h, i) => `<th scope="col"${i === 0 ? ' class="unit"' : i === 1 ? "" : ' class="unit"'}>${e(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table>",
  ].join("\n");
}
