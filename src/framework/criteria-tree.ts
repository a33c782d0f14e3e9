/**
 * The criteria rows of a framework table made into a tree: each row's code gives its level (1,
 * 1.1, 1.1.2 or I, 1, a), its cells give the node's fields and rule; a stack of open groups by
 * level places each row under its parent.
 *
 * @module
 */
import type { RawRow } from "../input/table.ts";
import { parseNumber } from "../number/parse-number.ts";
import { showValue } from "../errors.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { parseRuleText, RuleTextError } from "./rule-text.ts";
import { ADJUSTMENT_WORDS, CRITERIA_COLUMNS, type CriteriaColumn } from "./table-cells.ts";
import type { Adjustment, FrameworkNode, GroupNode, IndicatorNode, ScoringRule } from "./types.ts";

/** A criterion read, before its children are known. */
export interface Draft {
  row: number;
  node: Record<string, unknown>;
  children: Draft[];
  rule?: ScoringRule;
  adjust?: Adjustment;
  code: string;
}

/** Reports a problem on a table row. */
type Bad = (row: number, message: string) => void;
/** A criterion's cell by column, as text ("" when the table has no such column). */
type Cell = (r: RawRow, col: CriteriaColumn) => string;

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

/** The node's fields given as JSON in `Thuộc tính khác`; undefined after a problem. */
function extraFields(r: RawRow, cell: Cell, bad: Bad): Record<string, unknown> | undefined {
  const node: Record<string, unknown> = {};
  const extra = cell(r, "extra");
  if (extra === "") return node;
  try {
    const parsed: unknown = JSON.parse(extra);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    Object.assign(node, parsed);
    return node;
  } catch (e) {
    bad(r.line, `${CRITERIA_COLUMNS.extra[0]} must be a JSON object such as {"aggregation":"geometric"} (${(e as Error).message})`);
    return undefined;
  }
}

/** Sets the node's fields written in columns (name, short, measure, note, points, weight); false after a problem. */
function columnFields(r: RawRow, name: string, node: Record<string, unknown>, cell: Cell, bad: Bad): boolean {
  node["name"] = cell(r, "nameEn") === "" ? { vi: name } : { vi: name, en: cell(r, "nameEn") };
  for (const [col, field] of [["short", "short"], ["measure", "measure"], ["note", "note"]] as const) if (cell(r, col) !== "") node[field] = cell(r, col);
  for (const [col, field] of [["maxPoints", "maxPoints"], ["weight", "weight"]] as const) {
    const v = cell(r, col);
    if (v === "") continue;
    const n = parseNumber(v);
    if (n === undefined) {
      bad(r.line, `${CRITERIA_COLUMNS[col][0]} ${showValue(v)} is not a number`);
      return false;
    }
    node[field] = Number(n);
  }
  return true;
}

/** The draft's rule and bonus/penalty mark from its rule cell; false after a problem. */
function readRule(r: RawRow, draft: Draft, cell: Cell, bad: Bad): boolean {
  let ruleText = cell(r, "rule");
  const adjustment = adjustmentOf(ruleText);
  if (adjustment !== undefined) {
    draft.adjust = adjustment.adjust;
    ruleText = adjustment.rest;
  }
  if (ruleText === "") return true;
  try {
    draft.rule = parseRuleText(ruleText);
    return true;
  } catch (e) {
    if (!(e instanceof RuleTextError)) throw e;
    bad(r.line, `${CRITERIA_COLUMNS.rule[0]}: ${e.message}`);
    return false;
  }
}

/** The criteria as a tree: the index row (code 0) if written, the top-level criteria, and each node id's row. */
export interface CriteriaTree {
  readonly root: Draft | undefined;
  readonly top: readonly Draft[];
  readonly byRow: ReadonlyMap<string, number>;
}

/** Places every criterion row under its parent by its code's level; problems are reported by row. */
export function criteriaTree(criteria: readonly RawRow[], cell: Cell, bad: Bad): CriteriaTree {
  let root: Draft | undefined;
  const top: Draft[] = [];
  const stack: Draft[] = [];
  const levels = codeLevels(criteria.map((r) => cell(r, "code")));
  const byRow = new Map<string, number>();
  criteria.forEach((r, i) => {
    const code = cell(r, "code");
    const name = cell(r, "name");
    if (name === "") return bad(r.line, `criterion ${showValue(code)} has no name (${CRITERIA_COLUMNS.name[0]})`);
    const node = extraFields(r, cell, bad);
    if (node === undefined) return;
    const level = code === "0" ? 0 : levels[i];
    if (level === undefined) return bad(r.line, `code ${showValue(code)} is not a code: write 1, 1.1, 1.1.2 … or I, 1, a`);
    if (level > stack.length + 1) return bad(r.line, `code ${showValue(code)} is ${level} levels deep but no criterion at level ${level - 1} is above it`);
    // Without an id, the code's path: "1.2" as it is, "a" under "I" › "1" as "I.1.a".
    const bare = code.replace(/[.)]+$/u, "");
    const id = cell(r, "id") || (level === 0 ? "index" : bare.includes(".") || level === 1 ? bare : `${(stack[level - 2] as Draft).node["id"] as string}.${bare}`);
    node["id"] = id;
    if (!columnFields(r, name, node, cell, bad)) return;
    const draft: Draft = { row: r.line, node, children: [], code };
    if (!readRule(r, draft, cell, bad)) return;
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
  return { root, top, byRow };
}

/** A draft as a framework node: a group of its finished children, or an indicator with its rule. */
export function finishDraft(d: Draft, bad: Bad): FrameworkNode {
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
  return { ...d.node, ...adjust, children: d.children.map((c) => finishDraft(c, bad)) } as unknown as GroupNode;
}
