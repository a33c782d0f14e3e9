import { describe, expect, it } from "vitest";
import { dec, publish } from "../../src/number/decimal.ts";
import { formatScaled, publishedScaled, UNIT_ROUNDOFF } from "../../src/number/publish-float.ts";

describe("publishedScaled", () => {
  it("rounds half-up when the float is clearly on one side of the half-way point", () => {
    expect(publishedScaled(0.800175, 1e-16, 4)).toBe(8002);
    expect(publishedScaled(0.80014, 1e-16, 4)).toBe(8001);
    expect(publishedScaled(1, 0, 4)).toBe(10000);
    expect(publishedScaled(0, 0, 4)).toBe(0);
    expect(publishedScaled(0.4096, 1e-16, 0)).toBe(0);
    expect(publishedScaled(0.6, 1e-16, 0)).toBe(1);
  });

  it("refuses values at or within the error bound of a half-way point", () => {
    // 0.80015 is a half-way point at 4 decimals: only the exact decimal can tell.
    expect(publishedScaled(0.80015, 0, 4)).toBeUndefined();
    // 0.1 + 0.2 = 0.30000000000000004 as floats; 0.30005 style boundaries likewise.
    expect(publishedScaled(0.1 + 0.2 + 0.00005, 1e-16, 4)).toBeUndefined();
    // Within the error: 0.80015 + 1e-12 with an error of 1e-11.
    expect(publishedScaled(0.80015 + 1e-12, 1e-11, 4)).toBeUndefined();
    // Outside it: same value, error 1e-13.
    expect(publishedScaled(0.80015 + 1e-12, 1e-13, 4)).toBe(8002);
  });

  it("refuses negative, non-finite and too large inputs", () => {
    expect(publishedScaled(-0.1, 0, 4)).toBeUndefined();
    expect(publishedScaled(Number.NaN, 0, 4)).toBeUndefined();
    expect(publishedScaled(0.5, Number.POSITIVE_INFINITY, 4)).toBeUndefined();
    expect(publishedScaled(2 ** 40, 0, 12)).toBeUndefined();
  });

  it("agrees with exact decimal rounding whenever it answers (random floats, all decimals 0-12)", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    let answered = 0;
    for (let i = 0; i < 20000; i++) {
      const places = i % 13;
      // Half of the values sit right on a half-way point, nudged by a few ulps.
      const onBoundary = i % 2 === 0;
      const k = Math.floor(rnd() * 10 ** Math.min(places, 8));
      const x = onBoundary ? (k + 0.5) / 10 ** places + (Math.floor(rnd() * 9) - 4) * UNIT_ROUNDOFF : rnd();
      if (!(x >= 0)) continue;
      const p = publishedScaled(x, 2 * UNIT_ROUNDOFF * x, places);
      if (p === undefined) continue;
      answered++;
      // The float is the exact value here (error bound covers 0): compare with decimal.js on its exact binary value.
      expect(formatScaled(p, places), `${x} at ${places}`).toBe(publish(dec(x.toPrecision(40)), places));
    }
    expect(answered).toBeGreaterThan(9000);
  });
});

describe("formatScaled", () => {
  it("writes fixed-point text like publish", () => {
    expect(formatScaled(8002, 4)).toBe("0.8002");
    expect(formatScaled(10000, 4)).toBe("1.0000");
    expect(formatScaled(5, 4)).toBe("0.0005");
    expect(formatScaled(0, 4)).toBe("0.0000");
    expect(formatScaled(1, 0)).toBe("1");
    expect(formatScaled(123456789012, 12)).toBe("0.123456789012");
  });
});
