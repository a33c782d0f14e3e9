/**
 * Missing values: the policies, blank cells and imputations, and the issues that report them
 * (the leaf stage itself is `leaf-columns.ts`).
 *
 * @module
 */
import { error, showValue, warning, type Issue } from "../errors.ts";
import type { CellRef, UnitInput } from "../input/read-units.ts";
import type { ImputeMethod } from "../methods/impute/imputer.ts";
import type { Rational } from "../number/rational.ts";
import { compareVi } from "../text/collator.ts";
import { hinted } from "../text/option-hint.ts";
import type { CompiledFramework } from "./compile.ts";

/** What to do with a missing value: report it (default), score it 0, or leave it out and reweight. */
export type MissingPolicy = "error" | "zero" | "reweight";

/** A blank leaf cell: unit index (in the units given), compiled leaf index, which input is blank. */
export interface BlankCell {
  readonly unit: number;
  readonly leaf: number;
  readonly input: number;
  readonly cells: readonly (CellRef | undefined)[];
}

/** A value an imputer filled in, with how and from what ("2022", "group Đồng bằng sông Hồng"). */
export interface Imputation {
  readonly value: Rational;
  readonly method: ImputeMethod;
  readonly from: string;
}

/** An imputed cell: unit index, compiled leaf index, and the {@link Imputation}. */
export interface ImputedValue extends Imputation {
  readonly unit: number;
  readonly leaf: number;
}

/**
 * Fills blank cells from the other units' exact pre-normalisation leaf values (`value(unit, leaf)`,
 * `null` = blank): one entry per blank, `undefined` where it cannot.
 */
export type LeafImputer = (
  units: readonly UnitInput[],
  value: (unit: number, leaf: number) => Rational | null,
  blanks: readonly BlankCell[],
) => readonly (Imputation | undefined)[];

/**
 * The DATA_MISSING_COLUMN issues of a wide table (an error under "error", else a warning), once per
 * input with no column, and the set of those input keys. Nothing when there are no units.
 */
export function missingColumnIssues(
  compiled: CompiledFramework,
  presentKeys: ReadonlySet<string>,
  missing: MissingPolicy,
  shape: "wide" | "long",
  unitCount: number,
): { issues: Issue[]; absent: Set<string> } {
  const issues: Issue[] = [];
  const absent = new Set<string>();
  for (const leafIndex of compiled.leaves) {
    const node = compiled.nodes[leafIndex]!;
    for (const key of node.inputs) {
      if (!presentKeys.has(key) && shape === "wide" && unitCount > 0) {
        absent.add(key);
        // No column of bonus or penalty points: none were given.
        if (node.scored && !node.adjustPart) {
          const message = `no column for indicator input ${showValue(key)} (${node.name.vi})`;
          if (missing === "error") issues.push(error("DATA_MISSING_COLUMN", message, { node: node.id, row: 1 }));
          else {
            const { message: m, hints } = hinted((o) => `${message}; every unit is missing it (${o("missing", missing)})`);
            issues.push(warning("DATA_MISSING_COLUMN", m, { node: node.id, row: 1, hints }));
          }
        }
      }
    }
  }
  return { issues, absent };
}

/**
 * Under "zero" and "reweight", one warning per scored indicator some units lack (how many, and
 * what was done), leaving out inputs with no column at all (already reported).
 */
export function missingValueWarnings(
  compiled: CompiledFramework,
  missingCount: ReadonlyMap<number, number>,
  absentColumn: ReadonlySet<string>,
  missing: MissingPolicy,
  missingNames: ReadonlyMap<number, readonly string[]> = new Map(),
): Issue[] {
  if (missing === "error") return [];
  const issues: Issue[] = [];
  // In framework order, not in the order units happened to miss values: row order must not
  // change the result.
  for (const leafIndex of compiled.leaves) {
    const count = missingCount.get(leafIndex);
    if (count === undefined) continue;
    const node = compiled.nodes[leafIndex]!;
    if (node.inputs.every((k) => absentColumn.has(k))) continue;
    const names = missingNames.get(leafIndex) ?? [];
    const more = count - names.length;
    const list = (and: string) => (names.length === 0 ? "" : `: ${names.join(", ")}${more > 0 ? ` ${and}` : ""}`);
    issues.push(
      warning(
        "DATA_MISSING_VALUE",
        `${count} unit(s) have no value for "${node.id}" (${node.name.vi})${list(`and ${more} more`)}; ${missing === "zero" ? "scored 0" : "left out, the other indicators reweighted"}`,
        {
          node: node.id,
          messageVi: `${count} đơn vị không có giá trị của "${node.name.vi}"${list(`và ${more} đơn vị khác`)}; ${missing === "zero" ? "tính 0 điểm" : "bỏ qua, các chỉ tiêu còn lại được tính lại trọng số"}`,
        },
      ),
    );
  }
  return issues;
}

/** How many units a missing-value warning names. */
export const NAMED_MISSING_UNITS = 5;

/**
 * Keeps the first {@link NAMED_MISSING_UNITS} names in Vietnamese order (so the order of the rows
 * cannot change which units a warning names), in place.
 */
export function keepFirstNames(names: string[], name: string): void {
  let at = names.length;
  while (at > 0 && compareVi(names[at - 1]!, name) > 0) at--;
  if (at >= NAMED_MISSING_UNITS) return;
  names.splice(at, 0, name);
  if (names.length > NAMED_MISSING_UNITS) names.pop();
}
