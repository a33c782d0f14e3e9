import { describe, expect, expectTypeOf, it } from "vitest";
import * as en from "../../../src/text/labels/en.ts";
import * as vi from "../../../src/text/labels/vi.ts";
import { displayLabels, explainLabels, rankingLabels, uncertaintyLabels } from "../../../src/text/labels/index.ts";

/** The keys of a catalog, section by section. */
const keys = (catalog: Record<string, object>) => Object.fromEntries(Object.entries(catalog).map(([section, labels]) => [section, Object.keys(labels).sort()]));

describe("the label catalogs", () => {
  it("have the same sections and keys in both languages (also as types)", () => {
    expectTypeOf<typeof en>().toEqualTypeOf<typeof vi>();
    const { uncertainty: uncertaintyEn, ...restEn } = en;
    const { uncertainty: uncertaintyVi, ...restVi } = vi;
    expect(keys(restEn)).toEqual(keys(restVi));
    expect(Object.keys(uncertaintyEn).sort()).toEqual(Object.keys(uncertaintyVi).sort());
  });

  it("no label is empty, in either language", () => {
    for (const catalog of [vi, en]) {
      for (const [section, labels] of Object.entries(catalog)) {
        for (const [key, label] of Object.entries(labels)) if (typeof label === "string") expect(label, `${section}.${key}`).not.toBe("");
      }
    }
  });

  it("a section in a language: Vietnamese unless English is asked for", () => {
    expect(rankingLabels().rank).toBe("Hạng");
    expect(displayLabels("vi").unitsShown(3, 5)).toBe("3 đơn vị đầu trong 5");
    expect(displayLabels("en").unitsShown(5, 5)).toBe("5 units");
    expect(explainLabels("en").title("Huế", "DTI", 2023)).toBe("Huế: DTI explained (2023)");
    expect(uncertaintyLabels("vi").inputs.weights).toBe("trọng số");
    expect(uncertaintyLabels("en").inputs.weights).toBeUndefined();
  });
});
