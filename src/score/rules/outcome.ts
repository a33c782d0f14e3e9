import { showValue, type DataIssueCode } from "../../errors.ts";
import { RAT_ONE, RAT_ZERO, ratFromDecimal, ratFromNumber, ratToDecimalText, type Rational } from "../../number/rational.ts";
import { parseNumber } from "../../number/parse-number.ts";

/** A raw cell value as it came from CSV (text) or JSON. */
export type RawValue = string | number | boolean;

/** What a scoring rule made of a unit's input: a score in [0, 1], or why not. */
export type RuleOutcome =
  | { readonly ok: true; readonly score: Rational }
  | { readonly ok: false; readonly code: DataIssueCode; readonly message: string; readonly input?: number };

/** A failed outcome; `input` is the index of the offending input (ratio: 0 = a, 1 = b). */
export function fail(code: DataIssueCode, message: string, input?: number): RuleOutcome {
  return input === undefined ? { ok: false, code, message } : { ok: false, code, message, input };
}

/** A successful outcome. */
export function ok(score: Rational): RuleOutcome {
  return { ok: true, score };
}

/**
 * The standard "not a number" failure. A percentage ("44,49%", what a spreadsheet exports for a
 * cell formatted as %) is not read, since it is ambiguous across rules; the message says how to
 * write it instead.
 */
export function notANumber(raw: RawValue, input?: number): RuleOutcome {
  const share = typeof raw === "string" && raw.trim().endsWith("%") ? parseNumber(raw, { percent: true }) : undefined;
  const written = share === undefined ? undefined : (raw as string).includes(",") ? share.replace(".", ",") : share;
  const hint = written === undefined ? "" : ` (percentages are not read: write ${written}, e.g. format the column as a number before exporting)`;
  return fail("DATA_NOT_A_NUMBER", `${showValue(raw)} is not a number${hint}`, input);
}

/**
 * Reads a raw value as an exact rational, as {@link readDecimal} reads it (JSON numbers by their
 * shortest text, text through `parseNumber`); `undefined` when it is not a number.
 */
export function readRational(raw: RawValue): Rational | undefined {
  // A JavaScript -0 is 0 (ratFromNumber reads it so too: 0 is a whole number).
  if (typeof raw === "number") return Number.isFinite(raw) ? ratFromNumber(raw) : undefined;
  if (typeof raw === "string") {
    const text = parseNumber(raw);
    return text === undefined ? undefined : ratFromDecimal(text);
  }
  return undefined;
}

/** Clamps into [0, 1]. */
export function clamp01(x: Rational): Rational {
  if (x.n < 0n) return RAT_ZERO;
  if (x.n > x.d) return RAT_ONE;
  return x;
}

/** The text of a rational input in messages, as the input was read ("870", "1.05"). */
export function showRational(x: Rational): string {
  return ratToDecimalText(x);
}
