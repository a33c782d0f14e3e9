import DecimalJs from "decimal.js";
import { describe, expect, it } from "vitest";
import { dec, decimalCtor, publish } from "../../src/number/decimal.ts";

describe("dec and decimalCtor", () => {
  it("builds exact decimals from text and numbers", () => {
    expect(dec("0.1").plus(dec("0.2")).toString()).toBe("0.3");
    expect(dec(0.1).plus(dec(0.2)).toString()).toBe("0.3");
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(dec(1e21).toString()).toBe("1000000000000000000000");
  });

  it("keeps 40 significant digits, independently of decimal.js's own defaults", () => {
    expect(dec(1).dividedBy(3).toString()).toBe(`0.${"3".repeat(40)}`);
    expect(new DecimalJs(1).dividedBy(3).toString()).toBe(`0.${"3".repeat(20)}`);
    expect(decimalCtor()).toBe(decimalCtor());
    expect(decimalCtor()).not.toBe(DecimalJs);
    expect(decimalCtor().rounding).toBe(DecimalJs.ROUND_HALF_UP);
  });
});

describe("publish", () => {
  it("rounds exact ties half-up, where toFixed on a float does not", () => {
    expect(publish(dec("0.00105"))).toBe("0.0011");
    expect((0.00105).toFixed(4)).toBe("0.0010");
    expect(publish(dec("0.71635"))).toBe("0.7164");
    expect(publish(dec("0.800175"))).toBe("0.8002");
    expect(publish(dec("0.00005"))).toBe("0.0001");
  });

  it("rounds below the tie down and above it up", () => {
    expect(publish(dec("0.716349999"))).toBe("0.7163");
    expect(publish(dec("0.71635000001"))).toBe("0.7164");
  });

  it("rounds negative ties away from zero and prints no negative zero", () => {
    expect(publish(dec("-0.00105"))).toBe("-0.0011");
    expect(publish(dec("-0.71635"))).toBe("-0.7164");
    expect(publish(dec("-0.00005"))).toBe("-0.0001");
    expect(publish(dec("-0.00004"))).toBe("0.0000");
    expect(publish(dec("-0"))).toBe("0.0000");
  });

  it("pads to the places and takes other place counts", () => {
    expect(publish(dec("1"))).toBe("1.0000");
    expect(publish(dec("0.5"), 2)).toBe("0.50");
    expect(publish(dec("0.123456789"), 6)).toBe("0.123457");
    expect(publish(dec("0.1234565"), 6)).toBe("0.123457");
    expect(publish(dec("2.5"), 0)).toBe("3");
    expect(publish(dec("-2.5"), 0)).toBe("-3");
    expect(publish(dec("1").dividedBy(3), 12)).toBe("0.333333333333");
  });

  it("prints large and tiny values in fixed notation", () => {
    expect(publish(dec("1e25"), 1)).toBe("10000000000000000000000000.0");
    expect(publish(dec("1e-35"), 4)).toBe("0.0000");
  });
});
