import type { UnitInput } from "../../input/read-units.ts";
import { RAT_ZERO, rat, ratAdd, ratDiv, type Rational } from "../../number/rational.ts";
import type { BlankCell, Imputation } from "../../score/score-leaves.ts";

/**
 * Group-mean imputation (COINr `i_mean_grp`): a blank takes the unweighted mean of the observed
 * values of the same indicator among units of the same group (the `--group-by` column) and year.
 * A unit with no group, or a group with no observed value, is left blank.
 *
 * @example
 * ```ts
 * import { ratFromDecimal } from "../../number/rational.ts";
 * const units = [{ unit: "Hà Nội", group: "Miền Bắc" }, { unit: "Bắc Ninh", group: "Miền Bắc" }, { unit: "Huế", group: "Miền Bắc" }] as UnitInput[];
 * const observed = [ratFromDecimal("0.5"), ratFromDecimal("0.6"), null];
 * const blank = { unit: 2, leaf: 0, input: 0, cells: [] };
 * imputeGroupMean(units, (u) => observed[u] ?? null, [blank])[0];
 * // => { value: { n: 11n, d: 20n }, method: "group-mean", from: "group Miền Bắc (2 units)" }
 * ```
 */
export function imputeGroupMean(
  units: readonly UnitInput[],
  value: (unit: number, leaf: number) => Rational | null,
  blanks: readonly BlankCell[],
): (Imputation | undefined)[] {
  const cache = new Map<string, Imputation | undefined>();
  return blanks.map((b) => {
    const unit = units[b.unit]!;
    if (unit.group === undefined) return undefined;
    const key = `${unit.year ?? ""}\u0000${unit.group}\u0000${b.leaf}`;
    if (cache.has(key)) return cache.get(key);
    const values: Rational[] = [];
    units.forEach((other, k) => {
      if (other.group !== unit.group || other.year !== unit.year) return;
      const v = value(k, b.leaf);
      if (v !== null) values.push(v);
    });
    const result =
      values.length === 0
        ? undefined
        : { value: ratDiv(values.reduce(ratAdd, RAT_ZERO), rat(BigInt(values.length))), method: "group-mean" as const, from: `group ${unit.group} (${values.length} unit${values.length > 1 ? "s" : ""})` };
    cache.set(key, result);
    return result;
  });
}
