import { describe, expect, it } from "vitest";
import { bandRange } from "../../src/analysis/bands-markdown.ts";
import { getBands } from "../../src/analysis/bands.ts";

describe("bandRange", () => {
  it("writes each edge with its inclusion", () => {
    expect(getBands("dti-2020-map").bands.map((b) => bandRange(b, "vi"))).toEqual(["> 0,4000", "0,3250 ≤ x ≤ 0,4000", "0,2500 ≤ x < 0,3250", "< 0,2500"]);
    expect(bandRange(getBands("egdi").bands[0]!, "en")).toBe("≥ 0.7500");
  });
});
