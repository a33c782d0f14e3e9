import { showValue } from "../../errors.ts";
import type { BooleanRule } from "../../framework/types.ts";
import { RAT_ONE, RAT_ZERO } from "../../number/rational.ts";
import { normalizeKey } from "../../text/normalize-key.ts";
import { booleanAlias } from "../../framework/boolean-aliases.ts";
import { fail, ok, type RawValue, type RuleOutcome } from "./outcome.ts";

const YES = new Set(["true", "yes", "y", "1", "có", "co", "x", "đạt", "dat", "rồi"]);
const NO = new Set(["false", "no", "n", "0", "không", "khong", "chưa", "chua", "chưa đạt", "không đạt"]);

/**
 * Scores a yes/no answer: true, yes, 1, có, x, đạt → yes; false, no, 0, không, chưa → no. With
 * direction "higher" (default) yes scores 1; with "lower" no scores 1.
 *
 * @example
 * ```ts
 * scoreBoolean({ type: "boolean" }, "Có"); // => { ok: true, score: { n: 1n, d: 1n } }
 * ```
 */
export function scoreBoolean(rule: BooleanRule, raw: RawValue): RuleOutcome {
  let yes: boolean | undefined;
  if (typeof raw === "boolean") yes = raw;
  else if (typeof raw === "number") yes = raw === 1 ? true : raw === 0 ? false : undefined;
  else {
    const key = normalizeKey(raw);
    yes = booleanAlias(rule, key) ?? (YES.has(key) ? true : NO.has(key) ? false : undefined);
  }
  if (yes === undefined) return fail("DATA_NOT_A_BOOLEAN", `${showValue(raw)} is not yes/no (có/không, true/false, 1/0)`);
  const good = rule.direction === "lower" ? !yes : yes;
  return ok(good ? RAT_ONE : RAT_ZERO);
}
