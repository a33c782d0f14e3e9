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
import { error, showValue, type Issue } from "../errors.ts";
import type { RawCell, RawRow } from "../input/table.ts";
import { parseNumber } from "../number/parse-number.ts";
import { cleanName } from "../text/clean-name.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { parseRuleText, RuleTextError, ruleToText } from "./rule-text.ts";
import type { Adjustment, Framework, FrameworkDefinition, FrameworkNode, FrameworkSource, GroupNode, IndicatorNode, ScoringRule } from "./types.ts";
import { validateFramework } from "./validate-framework.ts";

/** The criteria table's columns: the header written, then other headers read. */
export const CRITERIA_COLUMNS = {
  code: ["STT", "TT", "số thứ tự", "code"],
  id: ["Mã", "id", "mã tiêu chí"],
  name: ["Tiêu chí", "tên tiêu chí", "chỉ số", "chỉ tiêu", "nội dung", "name"],
  nameEn: ["Tên tiếng Anh", "english name", "name (en)", "name.en"],
  short: ["Viết tắt", "tên viết tắt", "short"],
  maxPoints: ["Điểm tối đa", "điểm", "thang điểm", "max points", "maxpoints"],
  weight: ["Trọng số", "weight"],
  rule: ["Cách tính", "cách chấm", "cách chấm điểm", "phương pháp tính", "rule"],
  measure: ["Đơn vị tính", "đvt", "unit of measure", "measure"],
  note: ["Ghi chú", "note"],
  extra: ["Thuộc tính khác", "extra"],
} as const;

type CriteriaColumn = keyof typeof CRITERIA_COLUMNS;

/** The key/value rows above the criteria header: the key written, then other keys read. */
export const FRAMEWORK_KEYS = {
  id: ["Mã bộ chỉ số", "id"],
  version: ["Phiên bản", "version"],
  title: ["Tên bộ chỉ số", "title"],
  titleEn: ["Tên bộ chỉ số (tiếng Anh)", "title.en", "title (en)"],
  level: ["Cấp đánh giá", "level"],
  decimals: ["Số chữ số thập phân", "decimals"],
  decision: ["Quyết định", "văn bản", "decision"],
  date: ["Ngày ban hành", "date"],
  issuer: ["Cơ quan ban hành", "issuer"],
  appliesTo: ["Áp dụng cho", "applies to", "appliesto"],
  reference: ["Tài liệu tham khảo", "reference"],
  uncertain: ["Điểm chưa chắc chắn", "uncertain"],
  views: ["Khung nhìn", "views"],
} as const;

type FrameworkKey = keyof typeof FRAMEWORK_KEYS;

const lookup = <K extends string>(table: { readonly [k in K]: readonly string[] }) => {
  const map = new Map<string, K>();
  for (const [k, names] of Object.entries(table) as [K, readonly string[]][]) for (const n of names) map.set(normalizeKey(n), k);
  return map;
};
const COLUMN_OF = lookup(CRITERIA_COLUMNS);
const KEY_OF = lookup(FRAMEWORK_KEYS);

/** A cell as text; a leading `'` that a CSV writer puts before = + - @ (against formula injection) is taken off. */
const raw = (cell: RawCell) => (cell === null || cell === undefined ? "" : String(cell).trim().replace(/^'(?=[=+\-@\t\r])/u, ""));
/** A name cell: also NFC, invisible characters removed, inner space folded (as names are read everywhere). */
const text = (cell: RawCell) => cleanName(raw(cell));

/** Node fields written in their own columns; any other field goes to "Thuộc tính khác" as JSON. */
const COLUMN_FIELDS = new Set(["id", "name", "short", "maxPoints", "weight", "rule", "measure", "note", "children", "adjust"]);

/** The rule words of bonus and penalty rows: the word written, then other words read. */
export const ADJUSTMENT_WORDS: { readonly [k in Adjustment]: readonly string[] } = {
  bonus: ["thưởng", "điểm thưởng", "cộng", "bonus"],
  penalty: ["trừ", "điểm trừ", "penalty"],
};

/**
 * A rule cell that marks bonus or penalty points: the word alone ("thưởng", "trừ"), or, on a
 * criterion, the word, ":" and how it is scored ("trừ: có/không", "thưởng: ≥3: 2; ≥1: 1"). The
 * word alone on a criterion is points ("điểm"). Undefined for any other rule.
 */
function adjustmentOf(ruleText: string): { adjust: Adjustment; rest: string } | undefined {
  const colon = ruleText.indexOf(":");
  const head = normalizeKey(colon < 0 ? ruleText : ruleText.slice(0, colon));
  for (const adjust of ["bonus", "penalty"] as const) {
    if (ADJUSTMENT_WORDS[adjust].some((w) => normalizeKey(w) === head)) return { adjust, rest: colon < 0 ? "" : ruleText.slice(colon + 1).trim() };
  }
  return undefined;
}

/** Result of {@link frameworkFromTable}. */
export interface FrameworkTableResult {
  /** The framework, when the table had no errors. */
  readonly framework?: Framework;
  /** Every problem, each naming its table row (`row`) where it has one. */
  readonly issues: readonly Issue[];
}

/** How deep a code sits: dotted "1.2.3" by its parts; else I, II (roman) / 1, 2 / a, b by the order the styles first appear. */
function codeLevels(codes: readonly string[]): (number | undefined)[] {
  const styles: string[] = [];
  const styleOf = (code: string) => (/^[IVXLC]+$/u.test(code) ? "roman" : /^\d+$/u.test(code) ? "number" : /^[a-zđ]$/u.test(code) ? "letter" : undefined);
  return codes.map((raw) => {
    const code = raw.replace(/[.)]+$/u, "");
    if (/^\d+(\.\d+)+$/u.test(code)) return code.split(".").length;
    const style = styleOf(code);
    if (style === undefined) return undefined;
    if (!styles.includes(style)) styles.push(style);
    return styles.indexOf(style) + 1;
  });
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
  if (issues.length > 0) return { issues };
  const cell = (r: RawRow, col: CriteriaColumn) => (at.has(col) ? (col === "note" || col === "extra" || col === "rule" ? raw : text)(r.cells[at.get(col) as number]) : "");
  const criteria = rows.slice(headerAt + 1).filter((r) => r.cells.some((c) => text(c) !== ""));

  // Build the tree: a stack of open groups by level.
  interface Draft {
    row: number;
    node: Record<string, unknown>;
    children: Draft[];
    rule?: ScoringRule;
    adjust?: Adjustment;
    code: string;
  }
  let root: Draft | undefined;
  const top: Draft[] = [];
  const stack: Draft[] = [];
  const levels = codeLevels(criteria.map((r) => cell(r, "code")));
  const byRow = new Map<string, number>();
  criteria.forEach((r, i) => {
    const code = cell(r, "code");
    const name = cell(r, "name");
    if (name === "") return bad(r.line, `criterion ${showValue(code)} has no name (${CRITERIA_COLUMNS.name[0]})`);
    const node: Record<string, unknown> = {};
    const extra = cell(r, "extra");
    if (extra !== "") {
      try {
        const parsed: unknown = JSON.parse(extra);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
        Object.assign(node, parsed);
      } catch (e) {
        return bad(r.line, `${CRITERIA_COLUMNS.extra[0]} must be a JSON object such as {"aggregation":"geometric"} (${(e as Error).message})`);
      }
    }
    const level = code === "0" ? 0 : levels[i];
    if (level === undefined) return bad(r.line, `code ${showValue(code)} is not a code: write 1, 1.1, 1.1.2 … or I, 1, a`);
    if (level > stack.length + 1) return bad(r.line, `code ${showValue(code)} is ${level} levels deep but no criterion at level ${level - 1} is above it`);
    // Without an id, the code's path: "1.2" as it is, "a" under "I" › "1" as "I.1.a".
    const bare = code.replace(/[.)]+$/u, "");
    const id = cell(r, "id") || (level === 0 ? "index" : bare.includes(".") || level === 1 ? bare : `${(stack[level - 2] as Draft).node["id"] as string}.${bare}`);
    node["id"] = id;
    node["name"] = cell(r, "nameEn") === "" ? { vi: name } : { vi: name, en: cell(r, "nameEn") };
    for (const [col, field] of [["short", "short"], ["measure", "measure"], ["note", "note"]] as const) if (cell(r, col) !== "") node[field] = cell(r, col);
    for (const [col, field] of [["maxPoints", "maxPoints"], ["weight", "weight"]] as const) {
      const v = cell(r, col);
      if (v === "") continue;
      const n = parseNumber(v);
      if (n === undefined) return bad(r.line, `${CRITERIA_COLUMNS[col][0]} ${showValue(v)} is not a number`);
      node[field] = Number(n);
    }
    const draft: Draft = { row: r.line, node, children: [], code };
    let ruleText = cell(r, "rule");
    const adjustment = adjustmentOf(ruleText);
    if (adjustment !== undefined) {
      draft.adjust = adjustment.adjust;
      ruleText = adjustment.rest;
    }
    if (ruleText !== "") {
      try {
        draft.rule = parseRuleText(ruleText);
      } catch (e) {
        if (!(e instanceof RuleTextError)) throw e;
        return bad(r.line, `${CRITERIA_COLUMNS.rule[0]}: ${e.message}`);
      }
    }
    const previous = byRow.get(id);
    if (previous !== undefined) return bad(r.line, `the id ${showValue(id)} is already used on row ${previous}; give each criterion its own ${CRITERIA_COLUMNS.id[0]}`);
    byRow.set(id, r.line);
    if (code === "0") {
      if (root !== undefined || i > 0) return bad(r.line, `code 0 (the index itself) must be the first criterion, and only one`);
      root = draft;
      return;
    }
    stack.length = level - 1;
    (level === 1 ? top : (stack[level - 2] as Draft).children).push(draft);
    stack.push(draft);
  });
  if (criteria.length === 0 || (top.length === 0 && issues.length === 0)) bad(header.line, "the table has no criteria below its header");
  if (issues.length > 0) return { issues };

  const finish = (d: Draft): FrameworkNode => {
    if (d.children.length > 0 && d.rule !== undefined) {
      bad(d.row, `criterion ${showValue(d.code)} has sub-criteria and a rule (${CRITERIA_COLUMNS.rule[0]}); a group's score comes from its sub-criteria: leave the rule blank`);
    }
    const adjust = d.adjust === undefined ? {} : { adjust: d.adjust };
    if (d.children.length === 0) {
      // A bonus or penalty row with no rule of its own: its points, as written.
      if (d.rule === undefined && d.adjust !== undefined) return { ...d.node, ...adjust, rule: { type: "points" } } as unknown as IndicatorNode;
      if (d.rule === undefined) bad(d.row, `criterion ${showValue(d.code)} has no rule (${CRITERIA_COLUMNS.rule[0]}) and no sub-criteria: write how it is scored ("điểm", "tỷ lệ", "có/không" …)`);
      return { ...d.node, ...adjust, rule: d.rule ?? { type: "value" } } as unknown as IndicatorNode;
    }
    return { ...d.node, ...adjust, children: d.children.map(finish) } as unknown as GroupNode;
  };
  const children = top.map(finish);
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
  const rowOf = new Map(byRow);
  return { issues: checked.issues.map((i) => (i.node !== undefined && rowOf.has(i.node) ? { ...i, row: rowOf.get(i.node) as number } : i)) };
}

/** The key/value rows above the criteria header. */
function readKeys(rows: readonly RawRow[], bad: (row: number, message: string) => void): { definition: Record<string, unknown>; title?: string } {
  const values = new Map<FrameworkKey, { value: string; row: number }[]>();
  for (const r of rows) {
    const cells = r.cells.map(raw);
    const first = cells.findIndex((c) => c !== "");
    if (first < 0) continue;
    const key = KEY_OF.get(normalizeKey(cells[first] as string));
    const value = cells.slice(first + 1).find((c) => c !== "") ?? "";
    if (key === undefined) {
      // A title line of the appendix ("PHỤ LỤC …") carries no value: passed over.
      if (value !== "") bad(r.line, `${showValue(cells[first])} is not a framework key (${Object.values(FRAMEWORK_KEYS).map((k) => k[0]).join(", ")})`);
      continue;
    }
    const list = values.get(key) ?? [];
    list.push({ value, row: r.line });
    values.set(key, list);
  }
  const one = (key: FrameworkKey) => {
    const list = values.get(key);
    if (list !== undefined && list.length > 1) bad(list[1]!.row, `${FRAMEWORK_KEYS[key][0]} is given twice (rows ${list[0]!.row} and ${list[1]!.row})`);
    return list?.[0];
  };
  const json = (key: FrameworkKey) => {
    const v = one(key);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v.value) as unknown;
    } catch (e) {
      bad(v.row, `${FRAMEWORK_KEYS[key][0]} must be JSON (${(e as Error).message})`);
      return undefined;
    }
  };
  const title = one("title")?.value;
  const titleEn = one("titleEn")?.value;
  const definition: Record<string, unknown> = {
    id: one("id")?.value ?? "framework",
    version: one("version")?.value ?? "1.0.0",
    title: titleEn === undefined ? { vi: title ?? one("id")?.value ?? "Bộ chỉ số" } : { vi: title ?? titleEn, en: titleEn },
  };
  const level = one("level")?.value;
  if (level !== undefined) definition["level"] = level;
  const source: Record<string, unknown> = {};
  for (const key of ["decision", "date", "issuer", "appliesTo"] as const) {
    const v = one(key)?.value;
    if (v !== undefined) source[key] = v;
  }
  const references = values.get("reference")?.map((v) => v.value);
  if (references !== undefined) source["references"] = references;
  if (Object.keys(source).length > 0) definition["source"] = source as FrameworkSource;
  const views = json("views");
  if (views !== undefined) definition["views"] = views;
  const uncertain = json("uncertain");
  if (uncertain !== undefined) definition["uncertain"] = uncertain;
  const decimals = one("decimals");
  if (decimals !== undefined) {
    const n = Number(decimals.value);
    if (!Number.isInteger(n)) bad(decimals.row, `${FRAMEWORK_KEYS.decimals[0]} must be a whole number`);
    else definition["decimals"] = n;
  }
  return { definition, ...(title !== undefined ? { title } : {}) };
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
