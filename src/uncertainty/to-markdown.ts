import { markdownText } from "../report/escape.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { markdownTable } from "../report/markdown-table.ts";
import { optionHint } from "../text/option-hint.ts";
import type { SensitivityIndex, UncertaintyResult } from "./types.ts";

/** Options of {@link uncertaintyToMarkdown}. */
export interface UncertaintyMarkdownOptions {
  /** Labels in Vietnamese (default) or English. */
  readonly language?: "vi" | "en";
  /** Show at most this many units. */
  readonly limit?: number;
  /** How a note names an option: as the library (`runs: 4000`, default) or the CLI (`--runs 4000`) does. */
  readonly spelling?: "api" | "cli";
}

/** A rounded figure for display (not a published value): "2,5", "3"; Vietnamese writes a decimal comma. */
const figure = (x: number | null, places: number, en: boolean) => formatNumber(x, plainStyle(!en), { places, trim: true });

/** Vietnamese names of the uncertain inputs. */
const INPUT_VI: Readonly<Record<string, string>> = { weights: "trọng số", normalisation: "chuẩn hoá", aggregation: "phép tổng hợp" };

/**
 * The uncertainty analysis as Markdown: a summary line, the sensitivity table (first-order and
 * total index of each uncertain input, each ± its 95 % margin, and a note when an estimate falls
 * below 0 or above 1) and one row per unit: nominal rank, median rank, 5–95 % interval, mean
 * absolute shift.
 *
 * @example
 * ```ts
 * const ua = uncertainty(getFramework("vn-dti-2022-province"), rows, { runs: 1000, seed: 42, weights: 0.25 });
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
    const withMargin = (x: number | null, m: number | null | undefined) => (x === null || m === null || m === undefined ? num(x, 3) : `${num(x, 3)} ± ${num(m, 3)}`);
    out.push(
      markdownTable(
        en ? ["Input", "First-order Sᵢ", "Total STᵢ"] : ["Yếu tố", "Chỉ số bậc một Sᵢ", "Chỉ số toàn phần STᵢ"],
        result.sensitivity.map((s) => [inputName(s.input), withMargin(s.first, s.firstMargin), withMargin(s.total, s.totalMargin)]),
      ),
    );
    const note = noiseNote(result.sensitivity, result.runs, en, options.spelling ?? "api", inputName, num);
    if (note !== undefined) out.push(note, "");
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

/**
 * A note when an estimate is below 0 or above 1: the true indices lie in [0, 1] (and Sᵢ ≤ STᵢ),
 * so such a figure is the estimators' Monte Carlo noise, not a finding. Readers took a negative
 * Sᵢ for a negative effect.
 */
function noiseNote(
  indices: readonly SensitivityIndex[],
  runs: number,
  en: boolean,
  spelling: "api" | "cli",
  inputName: (name: string) => string,
  num: (x: number | null, places?: number) => string,
): string | undefined {
  const odd: string[] = [];
  for (const s of indices) {
    if (s.first !== null && s.first < 0) odd.push(`${inputName(s.input)} Sᵢ ${num(s.first, 3)}`);
    if (s.total !== null && s.total > 1) odd.push(`${inputName(s.input)} STᵢ ${num(s.total, 3)}`);
  }
  if (odd.length === 0) return undefined;
  const more = optionHint("runs", String(runs * 4))[spelling];
  return en
    ? `Note: an Sᵢ below 0 or an STᵢ above 1 (here ${odd.join("; ")}) is Monte Carlo noise of the estimators, not a property of the ranking: the true indices lie between 0 and 1. Read each figure with its ± (a 95 % interval); four times the runs (${more}) halve it.`
    : `Ghi chú: Sᵢ dưới 0 hoặc STᵢ trên 1 (ở đây ${odd.join("; ")}) là sai số Monte Carlo của phép ước lượng, không phải tính chất của xếp hạng: chỉ số thực nằm trong khoảng 0 đến 1. Đọc mỗi số cùng phần ± (khoảng tin cậy 95 %); gấp bốn số lần chạy (${more}) thì phần ± giảm một nửa.`;
}
