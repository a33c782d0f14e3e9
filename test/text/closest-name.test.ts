import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { closestName, closestNameFinder, editDistance, HINT_CELLS_PER_NAME, MAX_HINT_NAME_LENGTH } from "../../src/text/closest-name.ts";

describe("editDistance", () => {
  it("counts edits by code point", () => {
    expect(editDistance("Thê chế số", "Thể chế số")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
  });
});

describe("closestName", () => {
  const names = ["Nhận thức số", "Thể chế số", "Hạ tầng số"];
  it("finds a near spelling, ignoring case and spacing", () => {
    expect(closestName("Thê chế số", names)).toBe("Thể chế số");
    expect(closestName("  HẠ TẦNG  SÔ", names)).toBe("Hạ tầng số");
  });
  it("gives nothing when no name is close", () => {
    expect(closestName("Dân số", names)).toBeUndefined();
    expect(closestName("Ghi chú", names)).toBeUndefined();
    expect(closestName("x", [])).toBeUndefined();
  });
});

/** The textbook O(n·m) Levenshtein distance by code point, to check the banded one against. */
function reference(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[t.length]!;
}

describe("editDistance with a bound", () => {
  // Short strings over a small Vietnamese alphabet, so near and far pairs both occur.
  const text = fc.string({ unit: fc.constantFrom("a", "ă", "â", "ể", "ê", "n", "h", " ", "đ"), maxLength: 14 });

  it("equals the full distance when it is within the bound, and is bound + 1 otherwise (500 cases)", () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 16 }), (a, b, max) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 500, seed: 20260301 },
    );
  });

  it("costs O(length × bound): two 30,000-character names with a bound of 10", () => {
    const a = "Nhận thức số ".repeat(2500);
    const b = "Thể chế số  ".repeat(2500);
    expect(editDistance(a, b, 10)).toBe(11);
    expect(editDistance(a, `${a}x`, 10)).toBe(1);
  });
});

describe("closestName: bounded work", () => {
  it("gives no hint for a name over MAX_HINT_NAME_LENGTH code points, and finishes at once for 30,000", () => {
    const long = "Thành phố ".repeat(3000);
    expect(closestName(long, [long, `${long}x`])).toBeUndefined();
    const atCap = "a".repeat(MAX_HINT_NAME_LENGTH);
    expect(closestName(`${atCap.slice(1)}b`, [atCap])).toBe(atCap);
  });

  it("still finds the nearest name among 20,000 candidates of the same length", () => {
    const candidates = [...Array.from({ length: 20_000 }, (_, i) => `Nhóm ${String(i).padStart(5, "0")}`), "Thể chế số"];
    expect(closestName("Thê chế số", candidates)).toBe("Thể chế số");
  });

  it("shares one budget across the names a finder is asked about: 8,000 near-misses of 200-code-point candidates", () => {
    const candidates = Array.from({ length: 2_000 }, (_, i) => `${"x".repeat(190)}${String(i).padStart(10, "0")}`);
    const find = closestNameFinder(candidates);
    const started = performance.now();
    const hints = Array.from({ length: 8_000 }, (_, i) => find(`${"y".repeat(190)}${String(i).padStart(10, "0")}`));
    const ms = performance.now() - started;
    // Far apart (190 edits > 50 allowed): no hint, and the band stops each comparison early.
    expect(hints.every((h) => h === undefined)).toBe(true);
    // Measured about 0.3 s on a shared 2-core machine; 10 s only catches a return to quadratic work.
    expect(ms).toBeLessThan(10_000);
  });

  it("spends at most HINT_CELLS_PER_NAME cells on one name, then keeps the best found so far", () => {
    // 5,000 candidates each one edit from the name in its last letters: every comparison runs
    // the whole band, so the budget ends the search part-way, with a hint all the same.
    const name = "ab".repeat(100);
    const candidates = Array.from({ length: 5_000 }, (_, i) => `${name.slice(0, 190)}${String(i).padStart(10, "0")}`);
    expect(closestName(name, candidates)).toBeDefined();
    expect(HINT_CELLS_PER_NAME).toBe(1_000_000);
  });
});
