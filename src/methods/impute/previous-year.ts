import type { UnitInput } from "../../input/read-units.ts";
import type { Rational } from "../../number/rational.ts";
import type { BlankCell, Imputation } from "../../score/score-leaves.ts";
import { normalizeKey } from "../../text/normalize-key.ts";

/**
 * Previous-year imputation (last observation carried forward; COINr `impute_panel(imp_type =
 * "latest")`, DESI practice): a blank takes the same unit's observed value of the same indicator
 * in the latest earlier year that has one. Needs a year column; units are matched by name (NFC,
 * case-insensitive). A unit with no earlier observed value is left blank.
 *
 * @example
 * ```ts
 * import { ratFromDecimal } from "../../number/rational.ts";
 * const units = [{ unit: "Huế", year: 2021 }, { unit: "Huế", year: 2022 }, { unit: "Huế", year: 2023 }] as UnitInput[];
 * const observed = [ratFromDecimal("0.5"), ratFromDecimal("0.61"), null];
 * const blank = { unit: 2, leaf: 0, input: 0, cells: [] };
 * imputePreviousYear(units, (u) => observed[u] ?? null, [blank])[0];
 * // => { value: { n: 61n, d: 100n }, method: "previous-year", from: "2022" }
 * ```
 */
export function imputePreviousYear(
  units: readonly UnitInput[],
  value: (unit: number, leaf: number) => Rational | null,
  blanks: readonly BlankCell[],
): (Imputation | undefined)[] {
  const byName = new Map<string, number[]>();
  units.forEach((u, k) => {
    if (u.year === undefined) return;
    const key = normalizeKey(u.unit);
    let list = byName.get(key);
    if (list === undefined) byName.set(key, (list = []));
    list.push(k);
  });
  return blanks.map((b) => {
    const unit = units[b.unit]!;
    if (unit.year === undefined) return undefined;
    let best: { year: number; value: Rational } | undefined;
    for (const k of byName.get(normalizeKey(unit.unit)) ?? []) {
      const year = units[k]!.year as number;
      if (year >= unit.year || (best !== undefined && year <= best.year)) continue;
      const v = value(k, b.leaf);
      if (v !== null) best = { year, value: v };
    }
    return best === undefined ? undefined : { value: best.value, method: "previous-year" as const, from: String(best.year) };
  });
}
