import { expect } from "vitest";
import type { DataIssueCode } from "../../../src/errors.ts";
import type { RuleOutcome } from "../../../src/score/rules/outcome.ts";
import { ratToDecimalText } from "../../../src/number/rational.ts";

/** The score of a successful outcome, as exact decimal text (40 significant digits for a repeating fraction). */
export function scoreOf(outcome: RuleOutcome): string {
  if (!outcome.ok) throw new Error(`expected a score, got ${outcome.code}: ${outcome.message}`);
  return ratToDecimalText(outcome.score);
}

/** Asserts a failed outcome with `code` (and input index) and returns its message. */
export function failure(outcome: RuleOutcome, code: DataIssueCode, input?: number): string {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return "";
  expect(outcome.code).toBe(code);
  expect(outcome.input).toBe(input);
  return outcome.message;
}
