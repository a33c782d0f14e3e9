import { describe, expect, it } from "vitest";
import { textLimitMessage } from "../../src/cli/limit-error.ts";

describe("textLimitMessage", () => {
  it("names the 512 MB string limit for the runtime's two errors, and nothing else", () => {
    let built: unknown;
    try {
      const s = "x".repeat(1 << 28);
      void (s + s + s).length;
    } catch (e) {
      built = e;
    }
    expect(textLimitMessage(built)).toMatch(/^the text is too large to hold in memory/u);
    expect(textLimitMessage(Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" }))).toMatch(/dti score --stream/u);
    expect(textLimitMessage(new RangeError("Maximum call stack size exceeded"))).toBeUndefined();
    expect(textLimitMessage(new Error("x"))).toBeUndefined();
    expect(textLimitMessage(null)).toBeUndefined();
  });
});
