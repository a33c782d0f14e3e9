import { markdownText } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { markdownTable } from "../report/markdown-table.ts";
import type { UncertaintyResult } from "./types.ts";

/** Options of {@link uncertaintyToMarkdown}. */
export interface UncertaintyMarkdownOptions {
  /** Labels in Vietnamese (default) or English. */
  readonly language?: "vi" | "en";
  /** Show at most this many units. */
  readonly limit?: number;
}

/** A rounded figure for display (not a published value): "2,5", "3"; Vietnamese writes a decimal comma. */
const figure = (x: number | null, places: number, en: boolean) => formatNumber(x, plainStyle(!en), { places, trim: true });

/** Vietnamese names of the uncertain inputs. */
const INPUT_VI: Readonly<Record<string, string>> = { weights: "trọng số", normalisation: "chuẩn hoá", aggregation: "phép tổng hợp" };

/**
 * The uncertainty analysis as Markdown: a summary line, the sensitivity table (first-order and
 * total index of each uncertain input) and one row per unit: nominal rank, median rank, 5–95 %
 * interval, mean absolute shift.
 *
 * @example
 * ```ts
 * uncertaintyToMarkdown(ua, { language: "en" }).split("\n")[0]; // => "Uncertainty of the ranking: 1000 runs, seed 42, …"
 * ```
 */
export function uncertaintyToMarkdown(result: UncertaintyResult, options: UncertaintyMarkdownOptions = {}): string {
  const en = options.language === "en";
  const num = (x: number | null, places = 2) => figure(x, places, en);
  const inputName = (name: string) => (en ? name : (INPUT_VI[name] ?? name));
  const inputs = markdownText(result.inputs.map((i) => (i.levels !== undefined ? `${inputName(i.name)} (${i.levels.join(", ")})` : `${inputName(i.name)} (${i.dimensions})`)).join("; "));
  const year = result.year !== undefined ? (en ? `, year ${result.year}` : `, năm ${result.year}`) : "";
  const out: string[] = [
    en
      ? `Uncertainty of the ranking: ${result.runs} runs, seed ${result.seed}${year}, ${result.evaluations} evaluations. Uncertain inputs: ${inputs || "none"}. Mean absolute rank shift: ${num(result.meanAbsShift)}.`
      : `Độ bất định của xếp hạng: ${result.runs} lần chạy, seed ${result.seed}${year}, ${result.evaluations} lần tính. Yếu tố bất định: ${inputs || "không có"}. Dịch chuyển hạng tuyệt đối trung bình: ${num(result.meanAbsShift)}.`,
    "",
  ];
  if (result.sensitivity !== undefined) {
    out.push(
      markdownTable(
        en ? ["Input", "First-order Sᵢ", "Total STᵢ"] : ["Yếu tố", "Chỉ số bậc một Sᵢ", "Chỉ số toàn phần STᵢ"],
        result.sensitivity.map((s) => [inputName(s.input), num(s.first, 3), num(s.total, 3)]),
      ),
    );
  }
  const units = options.limit === undefined ? result.units : result.units.slice(0, options.limit);
  out.push(
    markdownTable(
      en ? ["Rank", "Unit", "Median rank", "5–95 % interval", "Mean abs. shift"] : ["Hạng", "Đơn vị", "Hạng trung vị", "Khoảng 5–95 %", "Dịch chuyển TB"],
      units.map((u) => [String(u.nominalRank), u.unit, num(u.medianRank, 1), `${num(u.rankLow, 1)}–${num(u.rankHigh, 1)}`, num(u.meanAbsShift)]),
      ["r", "l", "r", "c", "r"],
    ),
  );
  return out.join("\n");
}
