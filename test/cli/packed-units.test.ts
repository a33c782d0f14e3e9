// Units sent between the streamed CLI's threads as columns come back as they were: every field,
// present or absent, in the order identities are made (a unit not ranked, a note alone, years,
// groups and codes on some units only).
import { serialize, deserialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { packUnits, unpackUnits } from "../../src/cli/packed-units.ts";
import type { StreamUnitId } from "../../src/stream/stream-types.ts";

describe("packUnits / unpackUnits", () => {
  it("give back every unit with the fields it had, through a structured clone", () => {
    let s = 11;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let t = 0; t < 200; t++) {
      const units: StreamUnitId[] = Array.from({ length: Math.floor(r() * 30) }, (_, k) => {
        const u: { -readonly [K in keyof StreamUnitId]?: StreamUnitId[K] } = { unit: `Xã ${k}` };
        if (r() < 0.5) u.code = `X${k}`;
        if (r() < 0.3) u.group = r() < 0.5 ? "Miền Bắc" : "";
        if (r() < 0.4) u.year = 2020 + Math.floor(r() * 5);
        if (r() < 0.1) u.ranked = false;
        if (r() < 0.1) u.rankNote = r() < 0.5 ? "mới thành lập" : "";
        u.row = 2 + k;
        return u as StreamUnitId;
      });
      const back = unpackUnits(deserialize(serialize(packUnits(units))));
      expect(back).toStrictEqual(units);
      expect(back.map((u) => Object.keys(u))).toEqual(units.map((u) => Object.keys(u)));
    }
  });
});
