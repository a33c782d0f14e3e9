// The plain decimal reader of CSV blocks (plainDecimal, plainValue) against Number() and the
// project's parseNumber on many generated strings: the same double for every text it reads, NaN
// (read the text instead) for everything else, and readFloatInto unchanged by it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber } from "../../../src/number/parse-number.ts";
import { isShortDecimal, plainDecimal, readFloat } from "../../../src/score/fast/read-float.ts";

/** The reference: Number() of the text with a decimal comma made a point, for the grammar dti's float path reads. */
function reference(text: string): number {
  if (!/^\d*[.,]?\d+$/u.test(text) && !/^\d+$/u.test(text)) return NaN;
  if (text.replace(/[.,]/u, "").length > 15) return NaN;
  return Number(text.replace(",", "."));
}

const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: 18 });
const decimal = fc.tuple(digits, fc.constantFrom("", ".", ","), digits).map(([a, s, b]) => `${a}${s}${b}`);
const noisy = fc.string({ unit: fc.constantFrom(..."0123456789.,-+eE %\u00a0x"), maxLength: 20 });

describe("plainDecimal", () => {
  it("reads every plain decimal of at most 15 digits as Number() does, and nothing else", () => {
    fc.assert(
      fc.property(fc.oneof(decimal, noisy), (text) => {
        const x = plainDecimal(text, 0, text.length);
        const want = reference(text);
        if (!(Object.is(x, want) || (Number.isNaN(x) && Number.isNaN(want)))) return false;
        // The float path and the exact path read the same number from it.
        return Number.isNaN(x) || (readFloat(text) === x && Number(parseNumber(text)) === x && isShortDecimal(text));
      }),
      { numRuns: 50_000 },
    );
  }, 120_000);

  it("reads a cell in place, inside a longer text", () => {
    fc.assert(
      fc.property(noisy, decimal, noisy, (before, text, after) => {
        const line = `${before};${text};${after}`;
        const x = plainDecimal(line, before.length + 1, before.length + 1 + text.length);
        return Object.is(x, plainDecimal(text, 0, text.length));
      }),
      { numRuns: 20_000 },
    );
  }, 120_000);

  it("reads 4-decimal scores, decimal commas and 15-digit values exactly; leaves signs, exponents, groups and long digits to the text", () => {
    expect(plainDecimal("0,6789", 0, 6)).toBe(0.6789);
    expect(plainDecimal("0.1", 0, 3)).toBe(0.1);
    expect(plainDecimal(".5", 0, 2)).toBe(0.5);
    expect(plainDecimal("123456789012345", 0, 15)).toBe(123456789012345);
    expect(plainDecimal("0.12345678901234", 0, 16)).toBe(0.12345678901234);
    for (const text of ["", "5.", "-0.5", "+1", "1e3", "1.234.567", "1 234", "50%", "0.123456789012345", "1234567890123456", ",", "."]) {
      expect(plainDecimal(text, 0, text.length), text).toBeNaN();
    }
    // Random 4-decimal scores, the benchmark's cells.
    for (let i = 0; i < 10_000; i++) {
      const text = `0.${String(i).padStart(4, "0")}`;
      if (plainDecimal(text, 0, text.length) !== Number(text)) throw new Error(text);
    }
  }, 60_000);
});
