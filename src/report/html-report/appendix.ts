/**
 * The report's indicator appendix: every node of the framework with its code, name, max points
 * or weight and its rule in words, under the decision that defines the framework, so that a
 * reader can check a score by hand.
 *
 * @module
 */
import type { FrameworkNode, FrameworkSource, GroupNode, LocalizedName, View } from "../../framework/types.ts";
import type { ScoreResult } from "../../pipeline/types.ts";
import type { Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";
import { formatNumber, localeStyle, MISSING } from "../format-number.ts";
import { describeRule, viewText } from "../rule-text.ts";

/** What the appendix reads from a framework (a framework definition fits). */
export interface AppendixFramework {
  readonly source?: FrameworkSource;
  readonly root?: GroupNode;
  readonly views?: readonly View[];
}

const T = {
  vi: {
    head: ["Mã", "Tên chỉ số", "Điểm tối đa / trọng số", "Cách tính", "Ghi chú"],
    points: (n: string) => `${n} điểm`,
    weight: (n: string) => `trọng số ${n}`,
    notScored: "không tính điểm",
    basis: "Căn cứ",
    date: (d: string) => `ngày ${d}`,
    issuer: (i: string) => `của ${i}`,
    applies: (a: string) => `áp dụng cho ${a}`,
    noSource: "Bộ chỉ số không ghi văn bản ban hành.",
    noRules: "Chỉ có tên các chỉ số: truyền bộ chỉ số (framework) để có điểm tối đa và cách tính.",
  },
  en: {
    head: ["Code", "Indicator", "Max points / weight", "Rule", "Note"],
    points: (n: string) => `${n} points`,
    weight: (n: string) => `weight ${n}`,
    notScored: "not scored",
    basis: "Defined by",
    date: (d: string) => `of ${d}`,
    issuer: (i: string) => `issued by ${i}`,
    applies: (a: string) => `applies to ${a}`,
    noSource: "The framework names no decision.",
    noRules: "Names only: pass the framework to list the max points and rules.",
  },
} as const;

/** An ISO date (YYYY-MM-DD) as dd/mm/yyyy; any other text as it is. */
function dayMonthYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`;
}

/** The line naming the decision that defines the framework, or a note that it names none. */
function sourceLine(source: FrameworkSource | undefined, language: Language): string {
  const t = T[language];
  if (source?.decision === undefined) return `<p class="source-line">${e(t.noSource)}</p>`;
  const parts = [
    source.decision,
    source.date === undefined ? undefined : t.date(dayMonthYear(source.date)),
    source.issuer === undefined ? undefined : t.issuer(source.issuer),
  ].filter((p): p is string => p !== undefined);
  const applies = source.appliesTo === undefined ? "" : ` (${t.applies(source.appliesTo)})`;
  return `<p class="source-line"><strong>${e(t.basis)}:</strong> ${e(parts.join(" "))}${e(applies)}.</p>`;
}

/**
 * The indicator appendix as HTML: the decision that defines the framework, then a table with a row
 * per node in tree order (indented by depth) and per view: code (short label, else id), name
 * (Vietnamese; in an English report the English name above it), max points or weight, the rule in
 * words ({@link describeRule}) and the node's note. Without the framework's tree (a result of a
 * framework that is neither given nor built in) the rows come from the result's nodes, names only.
 *
 * @example
 * ```ts
 * indicatorAppendix(result, getFramework("vn-dti-2022-province"), "vi", "vi-VN"); // => '<p class="source-line">…<table class="dti-ranking indicator-list">…'
 * ```
 */
export function indicatorAppendix(result: ScoreResult, framework: AppendixFramework | undefined, language: Language, locale: string): string {
  const t = T[language];
  const style = localeStyle(locale);
  const num = (v: number) => formatNumber(v, style, { significant: 12, trim: true });
  const name = (n: LocalizedName) =>
    language === "en" && n.en !== undefined && n.en !== n.vi ? `${e(n.en)}<span class="name-vi" lang="vi">${e(n.vi)}</span>` : e(n.vi);
  const row = (cls: string, code: string, label: LocalizedName, size: string, rule: string, note: string | undefined) =>
    `<tr class="${cls}"><td class="code">${e(code)}</td><td class="name">${name(label)}</td><td>${e(size)}</td><td class="rule">${e(rule)}</td><td>${e(note ?? "")}</td></tr>`;
  const rows: string[] = [];
  if (framework?.root !== undefined) {
    const labels = new Map<string, string>();
    const visit = (node: FrameworkNode, depth: number) => {
      labels.set(node.id, node.short ?? node.name.vi);
      const size =
        node.maxPoints === 0 || node.weight === 0
          ? `0 (${t.notScored})`
          : node.maxPoints !== undefined
            ? t.points(num(node.maxPoints))
            : node.weight !== undefined
              ? t.weight(num(node.weight))
              : MISSING;
      rows.push(row(`depth-${Math.min(depth, 5)}`, node.short ?? node.id, node.name, size, describeRule(node, language, locale), node.note));
      for (const c of node.children ?? []) visit(c, depth + 1);
    };
    visit(framework.root, 0);
    for (const v of framework.views ?? []) rows.push(row("view", v.short ?? v.id, v.name, MISSING, viewText(v, (id) => labels.get(id) ?? id, language), v.note));
  } else {
    for (const n of result.nodes) rows.push(row(n.kind === "view" ? "view" : `depth-${Math.min(Math.max(n.depth, 0), 5)}`, n.short ?? n.id, n.name, MISSING, MISSING, undefined));
  }
  return [
    sourceLine(framework?.source, language),
    framework?.root === undefined ? `<p class="meta">${e(t.noRules)}</p>` : "",
    `<div class="table-wrap"><table class="dti-ranking indicator-list">`,
    `<thead><tr>${t.head.map((h) => `<th scope="col">${e(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table></div>",
  ].join("\n");
}
