/**
 * The ranking as a workbook: a ranking sheet (Vietnamese headers; ranks overall and within the
 * group; the index value with its points on the framework's total; the main indicators), one sheet
 * per ranking group, a sheet of every indicator's value and rank, and a sheet saying what was
 * scored. Values are the published ones, as numbers with a 4-decimal format, so a cell holds the
 * same number the CSV prints.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../errors.ts";
import type { NodeInfo, ScoreResult, UnitResult } from "../pipeline/types.ts";
import { pointsText } from "../report/points.ts";
import { hasUnranked, RANK_NOTE_HEADER, rankNoteText } from "../report/rank-note.ts";
import type { Language } from "../text/language.ts";
import { sheetName, writeWorkbook, type CellStyle, type WriteCell, type WriteSheet } from "./write-workbook.ts";
import { localName } from "../text/local-name.ts";

/** Options of {@link toXLSX}. */
export interface XlsxReportOptions {
  /** Headers and sheet names: "vi" (default) or "en". */
  readonly language?: Language;
  /** The framework's total points (see `totalPoints`): adds a points column beside the index value. */
  readonly points?: number;
  /** A band label per unit, in `result.units` order (see `applyBands`): adds a level column. */
  readonly bands?: readonly (string | null)[];
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly cell: (u: UnitResult, i: number) => WriteCell;
}

const num = (value: string | number | null | undefined, style: CellStyle): WriteCell => ({ value: value === null || value === undefined ? null : Number(value), style });
const text = (value: string | undefined): WriteCell => ({ value: value ?? null });

const LABELS = {
  vi: {
    rank: "Hạng", groupRank: "Hạng trong nhóm", unit: "Đơn vị", code: "Mã", group: "Nhóm", year: "Năm", members: "Gồm các đơn vị",
    points: (total: number) => `Điểm (trên ${total})`, band: "Mức", coverage: "Tỷ lệ có dữ liệu", rankOf: (label: string) => `Hạng ${label}`,
    ranking: "Xếp hạng", indicators: "Chỉ số thành phần", about: "Thông tin",
    framework: "Bộ chỉ số", version: "Phiên bản", decimals: "Số chữ số thập phân", missing: "Xử lý thiếu dữ liệu", method: "Cách xếp hạng",
    ties: (ties: string) => `đồng hạng theo ${ties === "exact" ? "giá trị chính xác" : "giá trị công bố"}`,
    units: "Số đơn vị", warnings: "Cảnh báo", note: "Giá trị là giá trị công bố (làm tròn nửa lên đến số chữ số thập phân của bộ chỉ số); điểm = giá trị × tổng điểm.",
  },
  en: {
    rank: "Rank", groupRank: "Group rank", unit: "Unit", code: "Code", group: "Group", year: "Year", members: "Members",
    points: (total: number) => `Points (of ${total})`, band: "Level", coverage: "Data coverage", rankOf: (label: string) => `Rank ${label}`,
    ranking: "Ranking", indicators: "Indicators", about: "About",
    framework: "Framework", version: "Version", decimals: "Decimals", missing: "Missing data", method: "Ranking method",
    ties: (ties: string) => `ties on ${ties === "exact" ? "exact" : "published"} values`,
    units: "Units", warnings: "Warnings", note: "Values are the published ones (rounded half-up to the framework's decimals); points = value × total points.",
  },
} as const;

const nameOf = (info: NodeInfo, language: Language) => localName(info.name, language);

function sheetOf(name: string, columns: readonly Column[], units: readonly UnitResult[], freezeColumns: number): WriteSheet {
  return {
    name,
    rows: [columns.map((c) => ({ value: c.header, style: "header" as const })), ...units.map((u, i) => columns.map((c) => c.cell(u, i)))],
    widths: columns.map((c) => c.width),
    freeze: { rows: 1, columns: freezeColumns },
  };
}

/**
 * The sheets of the ranking workbook (see the module comment), without writing them.
 *
 * @example
 * ```ts
 * resultSheets(result).map((s) => s.name); // => ["Xếp hạng", "Chỉ số thành phần", "Thông tin"]
 * ```
 */
export function resultSheets(result: ScoreResult, options: XlsxReportOptions = {}): WriteSheet[] {
  checkArgument(isResultLike(result), "resultSheets", "the result of score()", result);
  const language = options.language ?? "vi";
  const L = LABELS[language];
  const has = (f: (u: UnitResult) => unknown) => result.units.some((u) => f(u) !== undefined && f(u) !== null);
  const withGroup = has((u) => u.group);
  const withYear = has((u) => u.year);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  const bandIndex = new Map(result.units.map((u, i) => [u, i]));
  const identity: Column[] = [
    { header: L.rank, width: 7, cell: (u) => num(u.rank, "integer") },
    ...(withGroup ? [{ header: L.groupRank, width: 9, cell: (u: UnitResult) => num(u.groupRank, "integer") }] : []),
    { header: L.unit, width: 30, cell: (u) => text(u.unit) },
    ...(has((u) => u.code) ? [{ header: L.code, width: 10, cell: (u: UnitResult) => text(u.code) }] : []),
    ...(withGroup ? [{ header: L.group, width: 18, cell: (u: UnitResult) => text(u.group) }] : []),
    ...(withYear ? [{ header: L.year, width: 7, cell: (u: UnitResult) => num(u.year, "integer") }] : []),
    ...(has((u) => u.members) ? [{ header: L.members, width: 30, cell: (u: UnitResult) => text(u.members?.join(" + ")) }] : []),
    // Units assessed but not ranked: their rank cells are blank, this says why.
    ...(hasUnranked(result) ? [{ header: RANK_NOTE_HEADER[language], width: 24, cell: (u: UnitResult) => text(rankNoteText(u, language)) }] : []),
  ];
  const total = options.points;
  const index: Column[] = [
    { header: rootInfo === undefined ? result.root : nameOf(rootInfo, language), width: 12, cell: (u) => num(u.value, "decimal4") },
    ...(total !== undefined ? [{ header: L.points(total), width: 12, cell: (u: UnitResult) => num(pointsText(u.value, total), "points") }] : []),
    ...(options.bands !== undefined ? [{ header: L.band, width: 14, cell: (u: UnitResult) => text(options.bands?.[bandIndex.get(u) as number] ?? undefined) }] : []),
  ];
  const main = result.nodes.filter((n) => n.depth === 1 && n.scored);
  const mainColumns: Column[] = main.map((n) => ({ header: nameOf(n, language), width: 14, cell: (u: UnitResult) => num(u.nodes[n.id]?.value, "decimal4") }));
  const coverage: Column = { header: L.coverage, width: 10, cell: (u) => num(u.coverage, "decimal4") };
  const taken = new Set<string>();
  const rankingColumns = [...identity, ...index, ...mainColumns, coverage];
  const freezeAt = (cols: readonly Column[]) => cols.findIndex((c) => c.header === L.unit) + 1;
  const sheets: WriteSheet[] = [sheetOf(sheetName(L.ranking, taken), rankingColumns, result.units, freezeAt(rankingColumns))];
  if (withGroup) {
    const groups = [...new Set(result.units.map((u) => u.group).filter((g): g is string => g !== undefined))].sort(new Intl.Collator("vi").compare);
    for (const g of groups) {
      const units = result.units.filter((u) => u.group === g).sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.groupRank ?? Infinity) - (b.groupRank ?? Infinity));
      // The same columns as the ranking sheet: the group's full name stays in view when the tab name is cut.
      sheets.push(sheetOf(sheetName(g, taken), rankingColumns, units, freezeAt(rankingColumns)));
    }
  }
  const indicatorColumns: Column[] = [...identity, { ...index[0]! }];
  for (const n of result.nodes) {
    if (n.id === result.root) continue;
    const label = `${nameOf(n, language)} (${n.short ?? n.id})`;
    indicatorColumns.push({ header: label, width: 14, cell: (u) => num(u.nodes[n.id]?.value, "decimal4") });
    indicatorColumns.push({ header: L.rankOf(n.short ?? n.id), width: 8, cell: (u) => num(u.nodes[n.id]?.rank, "integer") });
  }
  sheets.push(sheetOf(sheetName(L.indicators, taken), indicatorColumns, result.units, freezeAt(indicatorColumns)));
  const about: [string, WriteCell][] = [
    [L.framework, text(localName(result.framework.title, language))],
    ["id", text(result.framework.id)],
    [L.version, text(result.framework.version)],
    [L.decimals, num(result.framework.decimals, "integer")],
    [L.missing, text(result.options.missing)],
    [L.method, text(`${result.options.ranking}; ${L.ties(result.options.ties)}`)],
    [L.units, num(result.units.length, "integer")],
    [L.warnings, num(result.warnings.length, "integer")],
  ];
  sheets.push({
    name: sheetName(L.about, taken),
    rows: [...about.map(([k, v]) => [{ value: k, style: "header" as const }, v]), [], [{ value: L.note, style: "wrap" }]],
    widths: [24, 60],
  });
  return sheets;
}

/**
 * The ranking as the bytes of an .xlsx workbook (see {@link resultSheets}).
 *
 * @example
 * ```ts
 * import { toXLSX } from "dti/xlsx";
 * const bytes = toXLSX(score(fw, data), { points: 1000 });
 * ```
 */
export function toXLSX(result: ScoreResult, options: XlsxReportOptions = {}): Uint8Array {
  checkArgument(isResultLike(result), "toXLSX", "the result of score()", result);
  return writeWorkbook(resultSheets(result, options));
}
