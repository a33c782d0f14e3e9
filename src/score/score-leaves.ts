/**
 * Scores every leaf of every unit, applying the missing-value policy and collecting every bad
 * cell as an issue naming its row, column, unit and node.
 *
 * @module
 */
import { error, warning, type Issue } from "../errors.ts";
import type { CellRef, UnitInput } from "../input/read-units.ts";
import type { ImputeMethod } from "../methods/impute/imputer.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import type { CompiledFramework } from "./compile.ts";
import type { RawValue } from "./rules/outcome.ts";
import { scoreLeaf } from "./score-leaf.ts";

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
  readonly value: Decimal;
  readonly method: ImputeMethod;
  readonly from: string;
}

/** An imputed cell: unit index, compiled leaf index, and the {@link Imputation}. */
export interface ImputedValue extends Imputation {
  readonly unit: number;
  readonly leaf: number;
}

/**
 * Fills blank cells from the other units' pre-normalisation leaf values (`scores`, by unit then
 * leaf index; `null` = blank): one entry per blank, `undefined` where it cannot.
 */
export type LeafImputer = (
  units: readonly UnitInput[],
  scores: readonly ReadonlyMap<number, Decimal | null>[],
  blanks: readonly BlankCell[],
) => readonly (Imputation | undefined)[];

/** A unit's leaf scores: `null` where the value is missing (and not replaced by 0). */
export interface LeafScores {
  readonly input: UnitInput;
  /** By compiled node index; only leaf entries are set. */
  readonly scores: ReadonlyMap<number, Decimal | null>;
  /** By leaf index: 1 when the input was present and valid, 0 when missing (a merged unit: the mean). */
  readonly coverage: ReadonlyMap<number, number>;
}

/**
 * Scores the leaves of each unit. A blank or absent input is missing: under "error" that is an
 * issue for a scored leaf (a leaf with zero weight, such as "Đô thị thông minh", may be blank);
 * under "zero" the leaf scores 0; under "reweight" it is left out of its parent's mean. Either way
 * the unit's coverage shows it, and one warning per indicator says how many units were missing it.
 * With an `impute` function, blanks are first offered to it (after every unit is scored, so it can
 * use the other units' values); the values it fills are returned in `imputed` (coverage still
 * counts them as missing: coverage is the share of observed data) and the rest follow the policy.
 */
export function scoreLeaves(
  compiled: CompiledFramework,
  units: readonly UnitInput[],
  presentKeys: ReadonlySet<string>,
  missing: MissingPolicy,
  shape: "wide" | "long",
  impute?: LeafImputer,
): { results: LeafScores[]; issues: Issue[]; imputed: ImputedValue[] } {
  const columns = missingColumnIssues(compiled, presentKeys, missing, shape, units.length);
  const issues: Issue[] = [...columns.issues];
  const absentColumn = columns.absent;
  const missingCount = new Map<number, number>();

  // A blank cell: scored at once by the policy, or (with an imputer) after every unit is read.
  const blanks: BlankCell[] = [];
  const handleBlank = (scores: Map<number, Decimal | null>, unit: UnitInput, leafIndex: number, blank: number, cells: readonly (CellRef | undefined)[]) => {
    const node = compiled.nodes[leafIndex]!;
    scores.set(leafIndex, missing === "zero" && node.scored ? dec(0) : null);
    if (!node.scored) return;
    missingCount.set(leafIndex, (missingCount.get(leafIndex) ?? 0) + 1);
    const key = node.inputs[blank] as string;
    if (missing === "error" && !absentColumn.has(key)) {
      const cell = cells[blank];
      issues.push(
        error("DATA_MISSING_VALUE", cell === undefined ? `no value for "${key}" (${node.name.vi})` : `the value of "${key}" is blank`, {
          row: cell?.row ?? unit.row,
          ...(cell?.column !== undefined ? { column: cell.column } : {}),
          unit: unit.unit,
          node: node.id,
        }),
      );
    }
  };

  const scoreMaps = units.map(() => new Map<number, Decimal | null>());
  const coverageMaps = units.map(() => new Map<number, number>());
  units.forEach((unit, u) => {
    const scores = scoreMaps[u]!;
    const coverage = coverageMaps[u]!;
    for (const leafIndex of compiled.leaves) {
      const node = compiled.nodes[leafIndex]!;
      const cells = node.inputs.map((key) => unit.values.get(key));
      const blank = cells.findIndex((c) => c === undefined || c.raw === undefined);
      coverage.set(leafIndex, blank >= 0 ? 0 : 1);
      if (blank >= 0) {
        if (impute !== undefined) {
          scores.set(leafIndex, null);
          blanks.push({ unit: u, leaf: leafIndex, input: blank, cells });
        } else {
          handleBlank(scores, unit, leafIndex, blank, cells);
        }
        continue;
      }
      const outcome = scoreLeaf(node.leaf!, cells.map((c) => c!.raw as RawValue));
      if (outcome.ok) {
        scores.set(leafIndex, outcome.score);
      } else {
        const cell = cells[outcome.input ?? 0]!;
        issues.push(error(outcome.code, outcome.message, { row: cell.row, ...(cell.column !== undefined ? { column: cell.column } : {}), unit: unit.unit, node: node.id }));
        scores.set(leafIndex, null);
        coverage.set(leafIndex, 0);
      }
    }
  });
  const imputed: ImputedValue[] = [];
  if (impute !== undefined && blanks.length > 0) {
    const filled = impute(units, scoreMaps, blanks);
    blanks.forEach((b, k) => {
      const fill = filled[k];
      if (fill !== undefined && compiled.nodes[b.leaf]!.scored) {
        scoreMaps[b.unit]!.set(b.leaf, fill.value);
        imputed.push({ ...fill, unit: b.unit, leaf: b.leaf });
      } else {
        handleBlank(scoreMaps[b.unit]!, units[b.unit]!, b.leaf, b.input, b.cells);
      }
    });
  }
  const results = units.map((input, u) => ({ input, scores: scoreMaps[u]!, coverage: coverageMaps[u]! }));

  issues.push(...missingValueWarnings(compiled, missingCount, absentColumn, missing));
  return { results, issues, imputed };
}

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
