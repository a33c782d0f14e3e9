/**
 * Scores every leaf of every unit, applying the missing-value policy and collecting every bad
 * cell as an issue naming its row, column, unit and node.
 *
 * @module
 */
import { error, warning, type Issue } from "../errors.ts";
import type { UnitInput } from "../input/read-units.ts";
import { dec, type Decimal } from "../number/decimal.ts";
import type { CompiledFramework } from "./compile.ts";
import type { RawValue } from "./rules/outcome.ts";
import { scoreLeaf } from "./score-leaf.ts";

/** What to do with a missing value: report it (default), score it 0, or leave it out and reweight. */
export type MissingPolicy = "error" | "zero" | "reweight";

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
 */
export function scoreLeaves(
  compiled: CompiledFramework,
  units: readonly UnitInput[],
  presentKeys: ReadonlySet<string>,
  missing: MissingPolicy,
  shape: "wide" | "long",
): { results: LeafScores[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const missingCount = new Map<number, number>();
  const absentColumn = new Set<string>();
  for (const leafIndex of compiled.leaves) {
    const node = compiled.nodes[leafIndex]!;
    for (const key of node.inputs) {
      if (!presentKeys.has(key) && shape === "wide" && units.length > 0) {
        absentColumn.add(key);
        if (node.scored) {
          const message = `no column for indicator input "${key}" (${node.name.vi})`;
          issues.push(missing === "error" ? error("DATA_MISSING_COLUMN", message, { node: node.id, row: 1 }) : warning("DATA_MISSING_COLUMN", `${message}; every unit is missing it (missing: ${missing})`, { node: node.id, row: 1 }));
        }
      }
    }
  }

  const results = units.map((unit) => {
    const scores = new Map<number, Decimal | null>();
    const coverage = new Map<number, number>();
    for (const leafIndex of compiled.leaves) {
      const node = compiled.nodes[leafIndex]!;
      const cells = node.inputs.map((key) => unit.values.get(key));
      const blank = cells.findIndex((c) => c === undefined || c.raw === undefined);
      coverage.set(leafIndex, blank >= 0 ? 0 : 1);
      if (blank >= 0) {
        scores.set(leafIndex, missing === "zero" && node.scored ? dec(0) : null);
        if (!node.scored) continue;
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
    return { input: unit, scores, coverage };
  });

  if (missing !== "error") {
    for (const [leafIndex, count] of missingCount) {
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
  }
  return { results, issues };
}
