/**
 * Missing values: the policies, blank cells and imputations, and the issues that report them
 * (the leaf stage itself is `leaf-columns.ts`).
 *
 * @module
 */
import { error, warning, type Issue } from "../errors.ts";
import type { CellRef, UnitInput } from "../input/read-units.ts";
import type { ImputeMethod } from "../methods/impute/imputer.ts";
import type { Rational } from "../number/rational.ts";
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
        if (node.scored) {
          const message = `no column for indicator input "${key}" (${node.name.vi})`;
          issues.push(missing === "error" ? error("DATA_MISSING_COLUMN", message, { node: node.id, row: 1 }) : warning("DATA_MISSING_COLUMN", `${message}; every unit is missing it (missing: ${missing})`, { node: node.id, row: 1 }));
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
    issues.push(
      warning(
        "DATA_MISSING_VALUE",
        `${count} unit(s) have no value for "${node.id}" (${node.name.vi}); ${missing === "zero" ? "scored 0" : "left out, the other indicators reweighted"}`,
        { node: node.id },
      ),
    );
  }
  return issues;
}
