import { notANumber, ok, readRational, type RawValue, type RuleOutcome } from "./outcome.ts";

/**
 * Reads the raw number of a `normalise` leaf. Its score is not known yet: the normalisation stage
 * (`src/methods/normalise/`) turns the column of raw values into scores once every unit is read.
 *
 * @example
 * ```ts
 * readNormaliseInput("72,5"); // => { ok: true, score: { n: 145n, d: 2n } } (the raw value 72.5, to be normalised)
 * ```
 */
export function readNormaliseInput(raw: RawValue): RuleOutcome {
  const x = readRational(raw);
  return x === undefined ? notANumber(raw) : ok(x);
}
