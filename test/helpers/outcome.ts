/**
 * Test helpers: run a call and classify what came out (a value, a DtiError with its codes, or
 * anything else, which is a bug).
 */
import { isDtiError, type Issue, type IssueCode } from "../../src/errors.ts";

export type Outcome<T> =
  | { readonly kind: "value"; readonly value: T }
  | { readonly kind: "dti"; readonly codes: readonly IssueCode[]; readonly issues: readonly Issue[] }
  | { readonly kind: "crash"; readonly error: unknown };

/** Runs `fn`: its value, the codes of the DtiError it threw, or the other exception (a crash). */
export function outcome<T>(fn: () => T): Outcome<T> {
  try {
    return { kind: "value", value: fn() };
  } catch (e) {
    if (isDtiError(e)) return { kind: "dti", codes: e.issues.map((i) => i.code), issues: e.issues };
    return { kind: "crash", error: e };
  }
}

/** The codes of the DtiError `fn` throws; fails the test when it returns or throws anything else. */
export function thrownCodes(fn: () => unknown): readonly IssueCode[] {
  const o = outcome(fn);
  if (o.kind === "dti") return o.codes;
  throw new Error(o.kind === "value" ? "expected a DtiError, got a value" : `expected a DtiError, got ${String((o as { error: unknown }).error)}`);
}

/** Own enumerable and non-enumerable keys of Object.prototype, to prove nothing was added. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
