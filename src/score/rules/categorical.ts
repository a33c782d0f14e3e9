import { showList, showValue } from "../../errors.ts";
import type { CategoricalRule } from "../../framework/types.ts";
import { ratDiv, ratFromNumber } from "../../number/rational.ts";
import { normalizeKey } from "../../text/normalize-key.ts";
import { fail, ok, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Scores a label: its category's points / max, or its score. Labels and aliases match after NFC
 * normalisation, case-insensitively.
 *
 * @example
 * ```ts
 * const head = { type: "categorical", categories: [
 *   { label: "Bí thư/Chủ tịch", points: 10 }, { label: "Phó Bí thư/Phó Chủ tịch", points: 5 }, { label: "Chưa có", points: 0 },
 * ] } as const;
 * scoreCategorical(head, 10, "phó bí thư/phó chủ tịch"); // => { ok: true, score: { n: 1n, d: 2n } }
 * ```
 */
export function scoreCategorical(rule: CategoricalRule, max: number | undefined, raw: RawValue): RuleOutcome {
  const key = normalizeKey(String(raw));
  for (const c of rule.categories) {
    if ([c.label, ...(c.aliases ?? [])].some((l) => normalizeKey(l) === key)) {
      if (c.score !== undefined) return ok(ratFromNumber(c.score));
      return ok(ratDiv(ratFromNumber(c.points ?? 0), ratFromNumber(max ?? 1)));
    }
  }
  const labels = showList(rule.categories.map((c) => c.label), 20);
  return fail("DATA_UNKNOWN_CATEGORY", `${showValue(raw)} is not one of ${labels}`);
}
