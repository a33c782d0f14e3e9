// The repeat watch of the streamed CLI finds a repeated unit key (year and lower-case name) or code
// (year and code) exactly when a Set of those keys finds one: names in both cases, Vietnamese
// letters folded character by character and letters whose lower case is not one character (İ),
// Greek capital sigma (lower case by context), years, units without a code, and more units than
// its buckets start with.
import { describe, expect, it } from "vitest";
import { repeatWatch } from "../../src/cli/repeat-watch.ts";

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The repeat the row-by-row checks find first: a unit key, else a code used twice. */
function reference(units: readonly { unit: string; code?: string; year?: number }[]): boolean {
  const keys = new Set<string>();
  const codes = new Set<string>();
  for (const u of units) {
    const key = `${u.year ?? 0}\u0000${u.unit.toLowerCase()}`;
    if (keys.has(key)) return true;
    keys.add(key);
    if (u.code === undefined) continue;
    const code = `${u.year ?? 0}\u0000${u.code}`;
    if (codes.has(code)) return true;
    codes.add(code);
  }
  return false;
}

describe("repeatWatch", () => {
  const letters = ["a", "B", "đ", "Đ", "Ế", "ế", "Ữ", "ữ", "Ă", "ă", "İ", "i\u0307", "Σ", "σ", "ς", "ß", "A", " ", "😀", "Ǆ", "ǆ"];
  const word = (rnd: () => number) => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => letters[Math.floor(rnd() * letters.length)]).join("");

  it("finds what a Set of the keys finds, on random units", () => {
    let found = 0;
    for (let trial = 0; trial < 400; trial++) {
      const rnd = random(trial + 1);
      const units: { unit: string; code?: string; year?: number }[] = [];
      const n = 1 + Math.floor(rnd() * 40);
      for (let k = 0; k < n; k++) {
        const year = rnd() < 0.5 ? undefined : 2024 + Math.floor(rnd() * 2);
        units.push({ unit: word(rnd), ...(rnd() < 0.6 ? { code: word(rnd) } : {}), ...(year !== undefined ? { year } : {}) });
      }
      const watch = repeatWatch();
      for (const u of units) watch.add(u.unit, u.code, u.year);
      expect(watch.found, JSON.stringify(units)).toBe(reference(units));
      if (watch.found) found++;
    }
    // Both outcomes are met many times.
    expect(found).toBeGreaterThan(50);
    expect(found).toBeLessThan(350);
  });

  it("folds case as toLowerCase does, a character at a time or for the whole name", () => {
    for (const [a, b] of [["Đà NẴNG", "đà nẵng"], ["HUẾ", "huế"], ["İstanbul", "i\u0307stanbul"], ["ΟΔΟΣ", "οδος"], ["ĂN ỦI", "ăn ủi"]]) {
      const watch = repeatWatch();
      watch.add(a!, undefined, 2024);
      watch.add(b!, undefined, 2024);
      expect(watch.found, `${a} ${b}`).toBe(a!.toLowerCase() === b!.toLowerCase());
    }
    // "ΟΔΟΣ" ends in a final sigma in lower case ("οδος" does not): two keys.
    expect("ΟΔΟΣ".toLowerCase()).toBe("οδος".replace(/σ$/u, "ς"));
  });

  it("tells apart 200,000 units, and finds one repeat among them wherever it is", () => {
    const units = Array.from({ length: 200_000 }, (_, i) => ({ unit: `Doanh nghiệp ${i}`, code: `DN${i}`, year: 2024 + (i % 2) }));
    const watch = repeatWatch();
    for (const u of units) watch.add(u.unit, u.code, u.year);
    expect(watch.found).toBe(false);
    for (const [at, repeat] of [[0, { unit: "DOANH NGHIỆP 7", year: 2025 }], [199_999, { unit: "Mới", code: "DN150000", year: 2024 }]] as const) {
      const again = repeatWatch();
      units.forEach((u, i) => {
        again.add(u.unit, u.code, u.year);
        if (i === at) again.add(repeat.unit, "code" in repeat ? repeat.code : undefined, repeat.year);
      });
      expect(again.found).toBe(true);
    }
    // The same name in another year is another unit; the same code in another year is free.
    const years = repeatWatch();
    years.add("Huế", "46", 2024);
    years.add("Huế", "46", 2025);
    years.add("Huế", "46", undefined);
    expect(years.found).toBe(false);
  });
});
