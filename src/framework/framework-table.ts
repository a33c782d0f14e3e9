/**
 * Frameworks as tables, as a decision's appendix writes them: a row per criterion with its
 * hierarchical code (1, 1.1, 1.1.2 or I, 1, a), name, max points or weight, rule ("tỷ lệ",
 * "≥90%: 10; ≥70%: 7", "Bí thư: 10; Phó: 5"), unit of measure and note. Key/value rows above the
 * header carry the framework's id, version, title and source. Pure functions over rows of cells,
 * so any table reader (CSV, a workbook's sheet) can feed them; the format is documented in
 * docs/frameworks.md ("Frameworks as tables").
 *
 * @module
 */
import { checkArgument, error, isObject, type Issue, showValue } from "../errors.ts";
import type { RawRow } from "../input/table.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { criteriaTree, finishDraft } from "./criteria-tree.ts";
import { readKeys } from "./framework-keys.ts";
import { ruleToText } from "./rule-text.ts";
import { ADJUSTMENT_WORDS, COLUMN_OF, CRITERIA_COLUMNS, FRAMEWORK_KEYS, raw, text, type CriteriaColumn, type FrameworkKey } from "./table-cells.ts";
import type { Framework, FrameworkDefinition, FrameworkNode } from "./types.ts";
import { validateFramework } from "./validate-framework.ts";

export { ADJUSTMENT_WORDS, CRITERIA_COLUMNS, FRAMEWORK_KEYS } from "./table-cells.ts";

/** Node fields written in their own columns; any other field goes to "Thuộc tính khác" as JSON. */
const COLUMN_FIELDS = new Set(["id", "name", "short", "maxPoints", "weight", "rule", "measure", "note", "children", "adjust"]);

/** Result of {@link frameworkFromTable}. */
export interface FrameworkTableResult {
  /** The framework, when the table had no errors. */
  readonly framework?: Framework;
  /** Every problem, each naming its table row (`row`) where it has one. */
  readonly issues: readonly Issue[];
}

/**
 * Reads a framework from a table's rows (all of them, as written: key/value rows, the criteria
 * header, criteria). The criteria header is the first row naming a criterion column (`Tiêu chí`)
 * and at least one more; rows above it are `key; value` pairs (`Mã bộ chỉ số`, `Phiên bản`, `Tên
 * bộ chỉ số`, `Quyết định` …). A row with code `0` is the index itself (the root); without one the
 * root is made from the title, out of the sum of the top-level max points. Each problem is a
 * `FRAMEWORK_TABLE` error naming its row; the framework built is then validated as any other, and
 * its problems name the row of the node they are about.
 *
 * @example
 * ```ts
 * const { framework } = frameworkFromTable([
 *   { line: 1, cells: ["Mã bộ chỉ số", "phuong-demo"] },
 *   { line: 2, cells: ["STT", "Tiêu chí", "Điểm tối đa", "Cách tính"] },
 *   { line: 3, cells: ["1", "Hạ tầng số", "40", ""] },
 *   { line: 4, cells: ["1.1", "Tỷ lệ hồ sơ trực tuyến", "40", "tỷ lệ"] },
 *   { line: 5, cells: ["2", "Cán bộ chủ trì", "60", "Bí thư: 60; Phó: 30"] },
 * ]);
 * framework?.root.maxPoints; // => 100
 * ```
 */
export function frameworkFromTable(rows: readonly RawRow[]): FrameworkTableResult {
  checkArgument(Array.isArray(rows), "frameworkFromTable", "the criteria table's rows, an array (the rows of parseCsv or readXlsx)", rows);
  const issues: Issue[] = [];
  const bad = (row: number, message: string) => issues.push(error("FRAMEWORK_TABLE", message, { row }));
  const headerAt = rows.findIndex((r) => {
    const cols = r.cells.map((c) => COLUMN_OF.get(normalizeKey(text(c))));
    return cols.includes("name") && cols.filter((c) => c !== undefined).length >= 2;
  });
  if (headerAt < 0) {
    bad(1, `no criteria header: write a row with the column names ${CRITERIA_COLUMNS.code[0]}, ${CRITERIA_COLUMNS.name[0]}, ${CRITERIA_COLUMNS.maxPoints[0]}, ${CRITERIA_COLUMNS.rule[0]} … above the criteria`);
    return { issues };
  }
  const meta = readKeys(rows.slice(0, headerAt), bad);
  const header = rows[headerAt] as RawRow;
  const at = criteriaColumns(header, bad);
  if (issues.length > 0) return { issues };
  const cell = (r: RawRow, col: CriteriaColumn) => (at.has(col) ? (col === "note" || col === "extra" || col === "rule" ? raw : text)(r.cells[at.get(col) as number]) : "");
  const criteria = rows.slice(headerAt + 1).filter((r) => r.cells.some((c) => text(c) !== ""));
  const { root, top, byRow } = criteriaTree(criteria, cell, bad);
  if (criteria.length === 0 || (top.length === 0 && issues.length === 0)) bad(header.line, "the table has no criteria below its header");
  if (issues.length > 0) return { issues };
  const children = top.map((d) => finishDraft(d, bad));
  const rootNode: Record<string, unknown> = root === undefined ? { id: "index", name: { vi: meta.title ?? "Chỉ số" } } : { ...root.node };
  // The total leaves out bonus and penalty points (they are added after it).
  const weighted = children.filter((c) => c.adjust === undefined);
  if (root === undefined && weighted.every((c) => c.maxPoints !== undefined)) rootNode["maxPoints"] = weighted.reduce((s, c) => s + (c.maxPoints as number), 0);
  if (root?.rule !== undefined) bad(root.row, "the index (code 0) is scored from its criteria: leave its rule blank");
  if (issues.length > 0) return { issues };
  const definition = { ...meta.definition, root: { ...rootNode, children } } as unknown as FrameworkDefinition;
  const checked = validateFramework(definition);
  if (checked.ok) return { framework: checked.framework, issues: [] };
  // Name the row of the node each problem is about.
  return { issues: checked.issues.map((i) => (i.node !== undefined && byRow.has(i.node) ? { ...i, row: byRow.get(i.node) as number } : i)) };
}

/** Each criteria column's index in the header row; unknown and repeated columns, and a missing code column, are reported. */
function criteriaColumns(header: RawRow, bad: (row: number, message: string) => void): Map<CriteriaColumn, number> {
  const at = new Map<CriteriaColumn, number>();
  header.cells.forEach((c, i) => {
    const name = text(c);
    if (name === "") return;
    const col = COLUMN_OF.get(normalizeKey(name));
    if (col === undefined) bad(header.line, `column ${showValue(name)} is not a criteria column (${Object.values(CRITERIA_COLUMNS).map((n) => n[0]).join(", ")})`);
    else if (at.has(col)) bad(header.line, `two columns give the ${CRITERIA_COLUMNS[col][0]} (columns ${(at.get(col) as number) + 1} and ${i + 1})`);
    else at.set(col, i);
  });
  if (!at.has("code")) bad(header.line, `no ${CRITERIA_COLUMNS.code[0]} column: the codes (1, 1.1 or I, 1, a) give the tree`);
  return at;
}

/**
 * Writes a framework as table rows (text cells, every row as wide as the header): the key/value
 * rows, a blank row, the criteria header, the index itself as code `0`, then every criterion with
 * a dotted code (1, 1.1, 1.1.1 …). Fields without a column of their own go to `Thuộc tính khác`
 * as JSON, so {@link frameworkFromTable} reads back the same framework.
 *
 * @example
 * ```ts
 * const rows = frameworkToTable(getFramework("vn-dti-2022-province"));
 * rows[0].slice(0, 2); // => ["Mã bộ chỉ số", "vn-dti-2022-province"]
 * ```
 */
export function frameworkToTable(framework: FrameworkDefinition): string[][] {
  checkArgument(isObject(framework) && isObject(framework.root), "frameworkToTable", "a framework (getFramework or parseFramework makes one)", framework);
  const columns = Object.keys(CRITERIA_COLUMNS) as CriteriaColumn[];
  const width = columns.length;
  const pad = (cells: string[]) => [...cells, ...new Array<string>(Math.max(0, width - cells.length)).fill("")];
  const rows: string[][] = [];
  const key = (k: FrameworkKey, value: string | undefined) => {
    if (value !== undefined) rows.push(pad([FRAMEWORK_KEYS[k][0], value]));
  };
  key("id", framework.id);
  key("version", framework.version);
  key("title", framework.title.vi);
  key("titleEn", framework.title.en);
  key("level", framework.level);
  if (framework.decimals !== undefined) key("decimals", String(framework.decimals));
  const source = framework.source;
  key("decision", source?.decision);
  key("date", source?.date);
  key("issuer", source?.issuer);
  key("appliesTo", source?.appliesTo);
  for (const ref of source?.references ?? []) key("reference", ref);
  if (framework.views !== undefined) key("views", JSON.stringify(framework.views));
  if (framework.uncertain !== undefined) key("uncertain", JSON.stringify(framework.uncertain));
  rows.push(pad([]));
  rows.push(columns.map((c) => CRITERIA_COLUMNS[c][0]));
  const write = (node: FrameworkNode, code: string) => {
    const extra = Object.fromEntries(Object.entries(node).filter(([k]) => !COLUMN_FIELDS.has(k)));
    const cells: Record<CriteriaColumn, string> = {
      code,
      id: node.id,
      name: node.name.vi,
      nameEn: node.name.en ?? "",
      short: node.short ?? "",
      maxPoints: node.maxPoints === undefined ? "" : String(node.maxPoints),
      weight: node.weight === undefined ? "" : String(node.weight),
      rule: adjustmentText(node),
      measure: node.measure ?? "",
      note: node.note ?? "",
      extra: Object.keys(extra).length === 0 ? "" : JSON.stringify(extra),
    };
    rows.push(columns.map((c) => cells[c]));
    node.children?.forEach((child, i) => write(child, code === "0" ? String(i + 1) : `${code}.${i + 1}`));
  };
  write(framework.root, "0");
  return rows;
}

/** A row's rule cell: the rule, or for bonus and penalty points the word ("thưởng", "trừ") and, on a criterion, ":" and its rule. */
function adjustmentText(node: FrameworkNode): string {
  if (node.adjust === undefined) return node.rule === undefined ? "" : ruleToText(node.rule);
  const word = ADJUSTMENT_WORDS[node.adjust][0] as string;
  return node.rule === undefined ? word : `${word}: ${ruleToText(node.rule)}`;
}
