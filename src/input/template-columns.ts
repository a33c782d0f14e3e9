/**
 * What a data-entry form (template) for a framework holds besides its input columns (those are
 * {@link frameworkColumns}, with their form headers and cell checks): the identity columns, and
 * per criterion its max points, its rule in plain Vietnamese and its unit of measure. Plain data:
 * the CSV and workbook writers lay it out.
 *
 * @module
 */
import { checkArgument, isObject } from "../errors.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { Framework, FrameworkNode, IndicatorNode, ScoringRule } from "../framework/types.ts";
import { frameworkColumns } from "./framework-columns.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";
import { describeRule } from "../report/rule-text.ts";

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

/**
 * The instructions of a form: every criterion with its max points, rule and unit of measure.
 *
 * @example
 * ```ts
 * templateCriteria(getFramework("vn-dti-2022-province"))[0]?.maxPoints; // => 100
 * ```
 */
export function templateCriteria(framework: Framework): TemplateCriterion[] {
  checkArgument(isObject(framework) && isObject(framework.root), "templateCriteria", "a framework (getFramework or parseFramework makes one)", framework);
  const columns = frameworkColumns(framework);
  return leaves(framework.root).map(({ node, groups }) => {
    const max = node.maxPoints ?? ruleMax(node);
    return {
      node,
      groups,
      ...(max !== undefined ? { maxPoints: max } : {}),
      rule: describeRule(node, "vi"),
      unit: unitOfMeasure(node.rule),
      columns: columns.filter((c) => c.node === node.id).map((c) => c.formHeader),
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
