/**
 * What a data-entry form (template) for a framework holds: one column per input (two for a ratio:
 * numerator and denominator), headed in Vietnamese with the input's code so that the filled form
 * reads back with no edits, what each cell may hold, and per criterion its max points, its rule in
 * plain Vietnamese and its unit of measure. Plain data: the CSV and workbook writers lay it out.
 *
 * @module
 */
import { inputKeys } from "../framework/input-keys.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { Framework, FrameworkNode, IndicatorNode, ScoringRule } from "../framework/types.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { describeRule } from "../report/rule-text.ts";

/** What a form's cell may hold: a number in a range, or one of a list of answers. */
export type CellCheck =
  | { readonly kind: "number"; readonly min?: number; readonly max?: number }
  | { readonly kind: "choice"; readonly choices: readonly string[] };

/** One input column of a form. */
export interface TemplateColumn {
  /** The input key the column fills (the node id, or a ratio's numerator / denominator key). */
  readonly key: string;
  /** "Nhận thức số (awareness)": the name people read, the code the reader matches. */
  readonly header: string;
  readonly node: IndicatorNode;
  /** For a ratio: which of its two inputs. */
  readonly part?: "numerator" | "denominator";
  readonly check: CellCheck;
}

/** One criterion (leaf) of the instructions. */
export interface TemplateCriterion {
  readonly node: IndicatorNode;
  /** The names of the groups above it, outermost first (the root left out). */
  readonly groups: readonly string[];
  /** Max points: the node's, else its rule's; undefined for a framework weighted without points. */
  readonly maxPoints?: number;
  /** The rule in plain Vietnamese. */
  readonly rule: string;
  /** The unit of measure of what is entered. */
  readonly unit: string;
  /** The headers of its columns on the form. */
  readonly columns: readonly string[];
}

/** A unit a form is made for: its name, and its code and group when the list has them. */
export interface TemplateUnit {
  readonly unit: string;
  readonly code?: string;
  readonly group?: string;
}

/**
 * The identity columns of a form: "Đơn vị", then "Mã" and "Nhóm" when some unit has one (names the
 * reader recognises as the unit, code and group columns).
 */
export function identityHeaders(units: readonly TemplateUnit[]): { header: string; field: keyof TemplateUnit }[] {
  return [
    { header: "Đơn vị", field: "unit" as const },
    ...(units.some((u) => u.code !== undefined) ? [{ header: "Mã", field: "code" as const }] : []),
    ...(units.some((u) => u.group !== undefined) ? [{ header: "Nhóm", field: "group" as const }] : []),
  ];
}

/** A number as the form's Vietnamese text writes it: a decimal comma, no grouping (0,85; 1000). */
export const vn = (n: number): string => formatNumber(n, plainStyle(true));

/** The answers offered for a yes/no rule: the rule's own words first, else Có / Không. */
function yesNo(rule: Extract<ScoringRule, { type: "boolean" }>): string[] {
  return [rule.aliases?.yes?.[0] ?? "Có", rule.aliases?.no?.[0] ?? "Không"];
}

function check(node: IndicatorNode): CellCheck {
  const rule = node.rule;
  switch (rule.type) {
    case "value":
      return rule.outOfRange === "clamp" ? { kind: "number" } : { kind: "number", min: 0, max: 1 };
    case "points": {
      const max = ruleMax(node);
      return rule.outOfRange === "clamp" || max === undefined ? { kind: "number" } : { kind: "number", min: 0, max };
    }
    case "ratio":
      // A ratio's inputs are counts or amounts: never negative (the rule refuses them unless clamped).
      return rule.outOfRange === "clamp" ? { kind: "number" } : { kind: "number", min: 0 };
    case "boolean":
      return { kind: "choice", choices: yesNo(rule) };
    case "categorical":
      return { kind: "choice", choices: rule.categories.map((c) => c.label) };
    default:
      return { kind: "number" };
  }
}

/**
 * The input columns of a form for `framework`, in tree order.
 *
 * @example
 * ```ts
 * templateColumns(getFramework("vn-dti-2022-province"))[0]?.header; // => "Nhận thức số (awareness)"
 * ```
 */
export function templateColumns(framework: Framework): TemplateColumn[] {
  return leaves(framework.root).flatMap(({ node }) => {
    const keys = inputKeys(node);
    if (keys.length === 1) return [{ key: keys[0] as string, header: `${node.name.vi} (${keys[0]})`, node, check: check(node) }];
    return keys.map((key, i) => {
      const part = i === 0 ? "numerator" : "denominator";
      return { key, header: `${node.name.vi}: ${part === "numerator" ? "tử số" : "mẫu số"} (${key})`, node, part, check: check(node) };
    });
  });
}

/**
 * The instructions of a form: every criterion with its max points, rule and unit of measure.
 *
 * @example
 * ```ts
 * templateCriteria(getFramework("vn-dti-2022-province"))[0]?.maxPoints; // => 100
 * ```
 */
export function templateCriteria(framework: Framework): TemplateCriterion[] {
  const columns = templateColumns(framework);
  return leaves(framework.root).map(({ node, groups }) => {
    const max = node.maxPoints ?? ruleMax(node);
    return {
      node,
      groups,
      ...(max !== undefined ? { maxPoints: max } : {}),
      rule: describeRule(node, "vi"),
      unit: unitOfMeasure(node.rule),
      columns: columns.filter((c) => c.node === node).map((c) => c.header),
    };
  });
}

function leaves(root: FrameworkNode): { node: IndicatorNode; groups: string[] }[] {
  const out: { node: IndicatorNode; groups: string[] }[] = [];
  const visit = (node: FrameworkNode, groups: string[]) => {
    if (node.rule !== undefined) out.push({ node, groups });
    else for (const c of node.children) visit(c, node === root ? groups : [...groups, node.name.vi]);
  };
  visit(root, []);
  return out;
}


/** The unit of measure of what a rule reads. */
export function unitOfMeasure(rule: ScoringRule): string {
  switch (rule.type) {
    case "value":
      return "giá trị (0–1)";
    case "points":
      return "điểm";
    case "ratio":
      return "số lượng (tử số, mẫu số)";
    case "boolean":
      return "Có/Không";
    case "categorical":
      return "lựa chọn";
    default:
      return "số";
  }
}
