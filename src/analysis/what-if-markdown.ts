/**
 * Markdown for what-if results, improvement priorities and improvement plans.
 *
 * @module
 */
import type { LocalizedName } from "../framework/types.ts";
import type { RawValue } from "../score/rules/outcome.ts";
import { nameIn } from "./explain-summary.ts";
import { parseNumber } from "../number/parse-number.ts";
import { formatNumber } from "../report/format-number.ts";
import { analysisStyle, formatDecimal, formatPoints, formatSigned, type Language } from "./format.ts";
import { markdownText } from "../report/escape.ts";
import { markdownSource, markdownTable } from "../report/markdown-table.ts";
import type { PlanResult } from "./plan-improvements.ts";
import type { Priority } from "./priorities.ts";
import type { WhatIfResult } from "./what-if.ts";

/** Options of the what-if renderers. */
export interface WhatIfMarkdownOptions {
  readonly language?: Language;
  /** Names of nodes by id, for the change table (default: the ids). */
  readonly names?: Readonly<Record<string, LocalizedName>>;
}

/**
 * A raw input as the what-if table shows it: a number (or text that reads as one, "0,95" or
 * "0.95") in the language's style, any other text (a category) and yes/no as written.
 */
const raw = (v: RawValue | null | undefined, lang: Language) => {
  if (v === null || v === undefined) return "–";
  const number = typeof v === "number" ? v : typeof v === "string" ? parseNumber(v) : undefined;
  return number === undefined ? String(v) : formatNumber(number, analysisStyle(lang));
};

/**
 * A what-if result: the changes, the index before and after (value, rank), every node that moved.
 *
 * @example
 * ```ts
 * console.log(whatIfToMarkdown(whatIf(fw, rows, "TP. Hồ Chí Minh", { "digital-society": 0.5 })));
 * ```
 */
export function whatIfToMarkdown(r: WhatIfResult, options: WhatIfMarkdownOptions = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const d = r.decimals;
  const n = (x: string | null) => (x === null ? "–" : formatDecimal(x, d, lang));
  // Changes are signed exact texts ("+0.0123"): written in the language's style, not rounded again.
  const sg = (x: string | null) => formatNumber(x, analysisStyle(lang));
  const label = (id: string) => (options.names?.[id] === undefined ? id : nameIn(options.names[id] as LocalizedName, lang));
  const rank = (x: number | null) => (x === null ? "–" : `${x}/${r.units}`);
  const lines = [
    vi ? `## ${markdownText(r.unit)}: kịch bản giả định${r.year !== undefined ? ` (${r.year})` : ""}` : `## ${markdownText(r.unit)}: what-if${r.year !== undefined ? ` (${r.year})` : ""}`,
    "",
    markdownTable(
      [vi ? "Đầu vào" : "Input", vi ? "Hiện tại" : "Now", vi ? "Giả định" : "What-if"],
      r.changes.map((c) => [label(c.input), raw(c.from, lang), raw(c.to, lang)]),
    ),
    markdownTable(
      ["", vi ? "Trước" : "Before", vi ? "Sau" : "After", vi ? "Thay đổi" : "Change"],
      [
        [vi ? "Giá trị" : "Value", n(r.before.value), n(r.after.value), sg(r.delta.value)],
        [vi ? "Hạng" : "Rank", rank(r.before.rank), rank(r.after.rank), r.delta.rank === null ? "–" : r.delta.rank > 0 ? `+${r.delta.rank}` : String(r.delta.rank)],
        ...(r.before.groupRank !== null ? [[vi ? "Hạng trong nhóm" : "Group rank", String(r.before.groupRank), String(r.after.groupRank ?? "–"), ""]] : []),
      ],
    ),
  ];
  if (r.nodes.length > 0) {
    lines.push(
      markdownTable(
        [vi ? "Chỉ số" : "Node", vi ? "Trước" : "Before", vi ? "Sau" : "After", vi ? "Thay đổi" : "Change"],
        r.nodes.map((x) => [nameIn(x.name, lang), n(x.before), n(x.after), sg(x.delta)]),
      ),
    );
  }
  return lines.join("\n");
}

/**
 * Improvement priorities: index gain per +0.01 of each indicator, per step, and at the maximum.
 *
 * @example
 * ```ts
 * console.log(prioritiesToMarkdown(improvementPriorities(fw, rows, "TP. Hồ Chí Minh")));
 * ```
 */
export function prioritiesToMarkdown(list: readonly Priority[], options: { readonly language?: Language; readonly decimals?: number } = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const d = options.decimals ?? 4;
  const withPoints = list.some((p) => p.headroomPoints !== null);
  return markdownTable(
    [
      markdownSource("#"),
      vi ? "Chỉ số" : "Indicator",
      vi ? "Giá trị" : "Value",
      vi ? "Tăng chỉ số tổng / +0,01" : "Index gain per +0.01",
      ...(withPoints ? [vi ? "Điểm tối đa còn lại" : "Points left to max"] : [vi ? "Mức tăng tối đa" : "Gain at max"]),
    ],
    list.map((p, i) => [
      String(i + 1),
      nameIn(p.name, lang),
      p.value === null ? "–" : formatDecimal(p.value, d, lang),
      formatDecimal(p.gainPerHundredth, d + 2, lang),
      withPoints ? formatPoints(p.headroomPoints ?? 0, 3, lang) : formatDecimal(p.headroom, d, lang),
    ]),
    ["r", "l", "r", "r", "r"],
  );
}

/**
 * An improvement plan: the goal, the greedy changes re-scored, the exact minimum when there is one.
 *
 * @example
 * ```ts
 * console.log(planToMarkdown(planImprovements(fw, rows, "TP. Hồ Chí Minh", { toRank: 1 })));
 * ```
 */
export function planToMarkdown(plan: PlanResult, options: { readonly language?: Language } = {}): string {
  const lang = options.language ?? "vi";
  const vi = lang === "vi";
  const d = plan.result.decimals;
  const n = (x: number | string | null) => (x === null ? "–" : formatDecimal(x, d, lang));
  const goal =
    plan.goal.kind === "rank"
      ? vi
        ? `hạng ${plan.goal.rank} (cần ${n(plan.goal.value)})`
        : `rank ${plan.goal.rank} (needs ${n(plan.goal.value)})`
      : vi
        ? `giá trị ${n(plan.goal.value)}`
        : `a value of ${n(plan.goal.value)}`;
  const lines = [vi ? `## ${markdownText(plan.unit)}: cải thiện ít nhất để đạt ${goal}` : `## ${markdownText(plan.unit)}: least improvement to reach ${goal}`, ""];
  if (plan.already) {
    lines.push(vi ? `Đã đạt: ${n(plan.before.value)}, hạng ${plan.before.rank}.` : `Already there: ${n(plan.before.value)}, rank ${plan.before.rank}.`, "");
    return lines.join("\n");
  }
  lines.push(
    plan.reached
      ? vi
        ? `Đạt được: ${n(plan.before.value)} → ${n(plan.result.after.value)}, hạng ${plan.before.rank} → ${plan.result.after.rank} (tổng mức cải thiện ${formatPoints(plan.total, d, lang)}).`
        : `Reached: ${n(plan.before.value)} → ${n(plan.result.after.value)}, rank ${plan.before.rank} → ${plan.result.after.rank} (total improvement ${formatPoints(plan.total, d, lang)}).`
      : vi
        ? `Không đạt được với các chỉ số được phép thay đổi: tối đa ${n(plan.result.after.value)}, hạng ${plan.result.after.rank}.`
        : `Out of reach with the indicators allowed to change: at most ${n(plan.result.after.value)}, rank ${plan.result.after.rank}.`,
    "",
    markdownTable(
      [vi ? "Chỉ số" : "Indicator", vi ? "Hiện tại" : "Now", vi ? "Cần đạt" : "Needed", vi ? "Tăng thêm" : "Increase"],
      plan.changes.map((c) => [nameIn(c.name, lang), n(c.before), n(c.after), formatSigned(c.increase, d, lang)]),
    ),
  );
  if (plan.exact !== null) {
    const exact = plan.exact.changes.map((c) => `${markdownText(nameIn(c.name, lang))} ${formatPoints(c.before, 6, lang)} → ${formatPoints(c.after, 6, lang)}`).join("; ");
    lines.push(
      vi
        ? `Tối thiểu chính xác (khung cộng tuyến tính, cải thiện liên tục): tổng ${formatPoints(plan.exact.total, 6, lang)} — ${exact}.`
        : `Exact minimum (additive index, continuous improvements): total ${formatPoints(plan.exact.total, 6, lang)} — ${exact}.`,
      "",
    );
  }
  lines.push(vi ? "Phương pháp: tham lam theo mức tăng trên chi phí, tính lại bằng `score()` (xem tài liệu `docs/analysis.md`)." : `Method: ${markdownText(plan.algorithm)}`, "");
  return lines.join("\n");
}
