/**
 * The HTML report's uncertainty section: how stable each unit's rank is when the uncertain inputs
 * vary (the result of `uncertainty()`): median rank, the 5–95 % interval as text and as a small
 * interval chart, and the mean absolute shift.
 *
 * @module
 */
import type { UncertaintyResult, UnitUncertainty } from "../../uncertainty/types.ts";
import type { Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";
import { formatNumber, localeStyle } from "../format-number.ts";

const W = 260;
const H = 16;

/** A small inline SVG: the rank axis 1..n, the 5–95 % interval as a bar, the median as a dot, the nominal rank as a tick. */
export function intervalChart(u: UnitUncertainty, n: number, label: string): string {
  const x = (rank: number) => Math.round((4 + ((rank - 1) / Math.max(1, n - 1)) * (W - 8)) * 10) / 10;
  const lo = x(u.rankLow);
  const hi = x(u.rankHigh);
  return [
    `<svg class="interval" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)}">`,
    `<line x1="4" y1="8" x2="${W - 4}" y2="8" stroke="#e5e7eb" stroke-width="2"/>`,
    `<rect x="${lo}" y="4" width="${Math.max(2, Math.round((hi - lo) * 10) / 10)}" height="8" rx="3" fill="#93c5fd"/>`,
    `<line x1="${x(u.nominalRank)}" y1="1" x2="${x(u.nominalRank)}" y2="15" stroke="#1f2937" stroke-width="1.5"/>`,
    `<circle cx="${x(u.medianRank)}" cy="8" r="3.5" fill="#1d4ed8"/>`,
    "</svg>",
  ].join("");
}

/** Interval text "3–8" (ranks, up to one decimal) in the locale. */
export function intervalText(u: UnitUncertainty, locale: string): string {
  const style = localeStyle(locale);
  return `${formatNumber(u.rankLow, style, { places: 1, trim: true })}–${formatNumber(u.rankHigh, style, { places: 1, trim: true })}`;
}

/** The section body: a summary of the runs and one row per unit (in nominal rank order). */
export function uncertaintySection(ua: UncertaintyResult, locale: string, language: Language, badge?: (unit: string) => string): string {
  const en = language === "en";
  const style = localeStyle(locale);
  const f1 = (x: number) => formatNumber(x, style, { places: 1, trim: true });
  const f2 = (x: number) => formatNumber(x, style, { places: 2, trim: true });
  const n = ua.units.length;
  const inputs = ua.inputs.map((i) => (i.levels !== undefined ? `${i.name} (${i.levels.join(", ")})` : `${i.name} (${i.dimensions})`)).join("; ");
  const lead = en
    ? `${ua.runs} Monte Carlo runs (seed ${ua.seed}${ua.year === undefined ? "" : `, year ${ua.year}`}) varying: ${inputs || "nothing"}. Each unit's median rank and the range holding 90 % of its ranks (5th to 95th percentile); mean absolute rank shift over all units ${f2(ua.meanAbsShift)}. A narrow interval means the rank does not depend on these choices.`
    : `${ua.runs} lần mô phỏng Monte Carlo (seed ${ua.seed}${ua.year === undefined ? "" : `, năm ${ua.year}`}) thay đổi: ${inputs || "không có"}. Hạng trung vị của mỗi đơn vị và khoảng chứa 90 % số hạng (phân vị 5 đến 95); dịch chuyển hạng tuyệt đối trung bình ${f2(ua.meanAbsShift)}. Khoảng hẹp: hạng không phụ thuộc vào các lựa chọn này.`;
  const head = en
    ? ["Rank", "Unit", "Median rank", "5–95 %", `Interval (1–${n}; dot: median, tick: rank)`, "Mean shift"]
    : ["Hạng", "Đơn vị", "Hạng trung vị", "5–95 %", `Khoảng (1–${n}; chấm: trung vị, vạch: hạng)`, "Dịch chuyển TB"];
  const rows = ua.units.map((u) => {
    const text = intervalText(u, locale);
    return `<tr><td class="rank">${u.nominalRank}</td><th scope="row" class="unit">${e(u.unit)}${badge === undefined ? "" : ` ${badge(u.unit)}`}</th><td class="num">${f1(u.medianRank)}</td><td class="num">${e(text)}</td><td class="chart-cell">${intervalChart(u, n, `${u.unit}: ${text}`)}</td><td class="num">${e(f2(u.meanAbsShift))}</td></tr>`;
  });
  return [
    `<p>${e(lead)}</p>`,
    `<div class="table-wrap"><table class="dti-ranking uncertainty"><thead><tr>${head.map((h, i) => `<th scope="col" class="${i === 1 || i === 4 ? "unit" : "num"}">${e(h)}</th>`).join("")}</tr></thead><tbody>`,
    ...rows,
    "</tbody></table></div>",
  ].join("\n");
}
