// The white space the SQL leaves out of a number cell is JavaScript's (`\s`), which parseNumber
// leaves out and isBlank's trim() cuts: every code point, no more, no fewer.
import { describe, expect, it } from "vitest";
import { JS_SPACES, spaceClass } from "../../src/sql/number-spelling-sql.ts";
import { dialectOf } from "../../src/sql/dialect.ts";

describe("JS_SPACES", () => {
  it("is JavaScript's white space", () => {
    const spaces = Array.from({ length: 0x110000 }, (_, c) => c).filter((c) => (c < 0xd800 || c > 0xdfff) && /\s/u.test(String.fromCodePoint(c)));
    expect(JS_SPACES).toEqual(spaces);
  });
  it("is written as ranges in each engine's regular expressions", () => {
    expect(spaceClass(dialectOf("duckdb"))).toBe("[\\x{0009}-\\x{000d}\\x{0020}\\x{00a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}-\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]");
    expect(spaceClass(dialectOf("postgres"))).toBe("[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000\\ufeff]");
  });
});
