import type { LeafImputer } from "../../score/score-leaves.ts";
import { imputeGroupMean } from "./group-mean.ts";
import { imputePreviousYear } from "./previous-year.ts";

/** Imputation methods: the same unit's previous year, or its group's mean (same year). */
export type ImputeMethod = "previous-year" | "group-mean";

/** The imputation methods, in the order documented. */
export const IMPUTE_METHODS: readonly ImputeMethod[] = ["previous-year", "group-mean"];

/**
 * An imputer trying `methods` in order: each blank takes the first method's value that exists
 * (e.g. `["previous-year", "group-mean"]`: last year's value, else the group mean).
 *
 * @example
 * ```ts
 * score(framework, data, { impute: ["previous-year", "group-mean"], missing: "reweight" });
 * ```
 */
export function makeImputer(methods: readonly ImputeMethod[]): LeafImputer {
  return (units, value, blanks) => {
    const tries = methods.map((m) => (m === "group-mean" ? imputeGroupMean : imputePreviousYear)(units, value, blanks));
    return blanks.map((_, k) => {
      for (const t of tries) if (t[k] !== undefined) return t[k];
      return undefined;
    });
  };
}
