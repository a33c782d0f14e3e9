/**
 * The columns a framework reads, for people filling in a sheet and for the data-entry forms (CSV
 * and workbook templates): one per input (two for a ratio), with the header to write, the other
 * spellings accepted, and what a cell holds, in words and as a check a form can enforce.
 *
 * @module
 */
import { checkArgument, isObject } from "../errors.ts";
import { inputKeys } from "../framework/input-keys.ts";
import { ruleMax } from "../framework/rule-max.ts";
import { ruleToText } from "../framework/rule-text.ts";
import type { Framework, FrameworkNode, IndicatorNode, ScoringRule } from "../framework/types.ts";
import { inputSpellings } from "./resolve-columns.ts";

/** What a form's cell may hold: a number in a range, or one of a list of answers. */
export type CellCheck =
  | { readonly kind: "number"; readonly min?: number; readonly max?: number }
  | { readonly kind: "choice"; readonly choices: readonly string[] };

/** One column a framework reads. */
export interface FrameworkColumn {
  /** The input key (a column header that always works). */
  readonly key: string;
  /** The leaf (indicator) it belongs to. */
  readonly node: string;
  /** The header to write: the leaf's Vietnamese name, or (a ratio) its key. */
  readonly header: string;
  /**
   * The header of a data-entry form: the name people read and, in brackets, the key the reader
   * matches ("Nhận thức số (awareness)", "Dịch vụ công: tử số (dvc.a)"), so a filled form reads
   * back with no edits.
   */
  readonly formHeader: string;
  /** Every header that is read as this column. */
  readonly spellings: readonly string[];
  /** `value` for a one-input leaf, `numerator` / `denominator` for a ratio's two. */
  readonly part: "value" | "numerator" | "denominator";
  /** The leaf's rule, as a rule cell writes it ("giá trị", "≥90%: 10; …"). */
  readonly rule: string;
  /** What a cell holds, in Vietnamese. */
  readonly accepts: string;
  /** What a cell holds, as a form checks it. */
  readonly check: CellCheck;
  /** The points the leaf's score is out of, when it has them. */
  readonly maxPoints?: number;
}

/** What a cell of a leaf's input holds, in plain Vietnamese. */
function accepts(node: IndicatorNode, part: FrameworkColumn["part"]): string {
  const rule = node.rule;
  switch (rule.type) {
    case "value":
      return "giá trị từ 0 đến 1 (0,85 hoặc 85%)";
    case "points":
      return `điểm từ 0 đến ${ruleMax(node) ?? "điểm tối đa"}`;
    case "ratio":
      return part === "numerator" ? "tử số (số đạt được), số ≥ 0" : "mẫu số (tổng số), số > 0";
    case "boolean":
      return "có hoặc không";
    case "categorical":
      return `một trong: ${rule.categories.map((c) => c.label).join("; ")}`;
    case "ladder":
      return `một số, so với các mốc ${rule.steps.map((s) => `${rule.direction === "higher" ? "≥" : "≤"}${s.threshold}`).join(", ")}`;
    default:
      return "một số";
  }
}

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
 * Every column a framework reads, in the tree's order.
 *
 * @example
 * ```ts
 * frameworkColumns(getFramework("vn-dti-2022-province"))[0];
 * // => { key: "awareness", node: "awareness", header: "Nhận thức số", formHeader: "Nhận thức số (awareness)", spellings: ["awareness", "Nhận thức số", "Digital awareness", "NTS", "chỉ số Nhận thức số"], part: "value", rule: "giá trị", accepts: "giá trị từ 0 đến 1 (0,85 hoặc 85%)", check: { kind: "number", min: 0, max: 1 }, maxPoints: 100 }
 * ```
 */
export function frameworkColumns(framework: Pick<Framework, "root">): FrameworkColumn[] {
  checkArgument(isObject(framework) && isObject(framework.root), "frameworkColumns", "a framework (getFramework or parseFramework makes one)", framework);
  const out: FrameworkColumn[] = [];
  const visit = (node: FrameworkNode) => {
    if (node.rule === undefined) return node.children.forEach(visit);
    const keys = inputKeys(node);
    const spellings = inputSpellings(node);
    keys.forEach((key, i) => {
      const part = keys.length === 1 ? "value" : i === 0 ? "numerator" : "denominator";
      out.push({
        key,
        node: node.id,
        header: keys.length === 1 ? node.name.vi : key,
        formHeader: part === "value" ? `${node.name.vi} (${key})` : `${node.name.vi}: ${part === "numerator" ? "tử số" : "mẫu số"} (${key})`,
        spellings: spellings.filter((s) => s.key === key).map((s) => s.text),
        part,
        rule: ruleToText(node.rule),
        accepts: accepts(node, part),
        check: check(node),
        ...(node.maxPoints !== undefined ? { maxPoints: node.maxPoints } : {}),
      });
    });
  };
  visit(framework.root);
  return out;
}
