import { describe, expect, it } from "vitest";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { resolveColumns } from "../../src/input/resolve-columns.ts";
import { cli } from "../cli/helpers.ts";

const fw = defineFramework({
  id: "t",
  version: "1",
  title: { vi: "T" },
  root: { id: "dti", name: { vi: "DTI" }, children: [{ id: "a", name: { vi: "Nhận thức số" }, rule: { type: "value" } }] },
});

describe("ignoreColumns naming no column", () => {
  it("is an OPTION_INVALID warning, with the column it most likely meant", () => {
    const plan = resolveColumns(["unit", "a", "Ghi chú"], fw, { ignoreColumns: ["Ghi chu", "Nguồn"], unknownColumns: "warn" });
    expect(plan.issues.filter((i) => i.code === "OPTION_INVALID").map((i) => [i.severity, i.column, i.message])).toEqual([
      ["warning", "Ghi chu", 'the column to ignore "Ghi chu" is not in the data; did you mean "Ghi chú"?'],
      ["warning", "Nguồn", 'the column to ignore "Nguồn" is not in the data'],
    ]);
    // Names matching a header after case, spacing and invisible-character folding are no warning.
    expect(resolveColumns(["unit", "a", "Ghi chú"], fw, { ignoreColumns: [" GHI  CHÚ\u200b"] }).issues).toEqual([]);
  });

  it("dti --ignore-column says so on stderr and still scores (exit 0)", async () => {
    const r = await cli(["score", "d.csv", "--framework", "fw.json", "--ignore-column", "Ghi chu", "--unknown-columns", "warn"], {
      "fw.json": JSON.stringify(fw),
      "d.csv": "unit,a,Ghi chú\nHuế,0.5,x\n",
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning OPTION_INVALID column "Ghi chu": the column to ignore "Ghi chu" is not in the data; did you mean "Ghi chú"?');
  });
});
