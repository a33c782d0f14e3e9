import { describe, expect, it } from "vitest";
import { packTexts, unpackText } from "../../src/cli/stream-csv-chunks.ts";

describe("packTexts", () => {
  it("gives back every text, none and empty ones included", () => {
    const texts = [undefined, "Huế", "", undefined, undefined, "Đà Nẵng", "", "X1", undefined];
    const packed = packTexts(texts);
    expect(packed.text).toBe("HuếĐà NẵngX1");
    expect(texts.map((_, k) => unpackText(packed, k))).toEqual(texts);
  });
});
