/**
 * Geometric means meeting zeros (yes/no "no", a ladder's lowest step, min-max's worst unit): every
 * geometric run scored those units 0 and they tied at the bottom, without a word.
 */
import { describe, expect, it } from "vitest";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { uncertainty } from "../../src/uncertainty/uncertainty.ts";
import { cli } from "../cli/helpers.ts";

const ward: FrameworkDefinition = {
  id: "ward-yes-no",
  version: "1",
  title: { vi: "Phường" },
  root: {
    id: "dti",
    name: { vi: "DTI" },
    children: [
      {
        id: "readiness",
        name: { vi: "Sẵn sàng" },
        weight: 1,
        children: [
          { id: "plan", name: { vi: "Kế hoạch" }, rule: { type: "boolean" } },
          { id: "portal", name: { vi: "Cổng thông tin" }, rule: { type: "boolean" } },
        ],
      },
      {
        id: "services",
        name: { vi: "Dịch vụ" },
        weight: 1,
        children: [
          { id: "online", name: { vi: "Trực tuyến" }, rule: { type: "value" } },
          { id: "payments", name: { vi: "Thanh toán" }, rule: { type: "value" } },
        ],
      },
    ],
  },
};

// 12 wards: 7 answer "không" somewhere, and two of them have no yes at all.
const rows = Array.from({ length: 12 }, (_, i) => ({
  unit: `Phường ${i + 1}`,
  plan: i < 7 ? "không" : "có",
  portal: i < 2 ? "không" : "có",
  online: (0.3 + i * 0.05).toFixed(2),
  payments: (0.8 - i * 0.03).toFixed(2),
}));

describe("uncertainty: geometric means meeting zeros are reported", () => {
  it("warns how many units a geometric mean zeroes, where, and what to do instead", () => {
    const ua = uncertainty(ward, rows, { runs: 100, seed: 1, aggregation: ["arithmetic", "geometric"], sensitivity: false });
    const w = ua.warnings.find((i) => i.code === "DATA_AGGREGATION_DOMAIN");
    expect(w).toBeDefined();
    expect(w!.severity).toBe("warning");
    expect(w!.message).toMatch(/^geometric means meet zeros with aggregation geometric: 7 of 12 units have a 0 under a geometric mean \("plan", "portal" in "readiness"/u);
    expect(w!.message).toContain('normalise into a range above 0, e.g. normalisation: [{ method: "minmax", range: [1, 100] }]');
    expect(w!.hints?.[0]?.cli).toBe("--normalisation minmax:1:100");
    // Following the advice removes the zeros.
    const fixed = uncertainty(ward, rows, { runs: 100, seed: 1, normalisation: [{ method: "minmax", range: [1, 100] }], aggregation: ["arithmetic", "geometric"], sensitivity: false });
    expect(fixed.warnings.filter((i) => i.code === "DATA_AGGREGATION_DOMAIN")).toEqual([]);
  });

  it("says so for the framework's own geometric means too, and counts units scoring 0 in all", () => {
    const geometricRoot: FrameworkDefinition = { ...ward, root: { ...ward.root, aggregation: "geometric", children: ward.root.children!.map((c) => ({ ...c, aggregation: "geometric" as const })) } } as FrameworkDefinition;
    const ua = uncertainty(geometricRoot, rows, { runs: 50, seed: 1, weights: 0.2, sensitivity: false });
    const w = ua.warnings.find((i) => i.code === "DATA_AGGREGATION_DOMAIN")!;
    expect(w.message).toMatch(/^geometric means meet zeros with the framework's geometric means: 7 of 12 units/u);
    expect(w.message).toContain("7 of them score 0 in all and share rank 6 or below in those runs");
  });

  it("no warning when no geometric mean is drawn", () => {
    const ua = uncertainty(ward, rows, { runs: 50, seed: 1, weights: 0.2, sensitivity: false });
    expect(ua.warnings.filter((i) => i.code === "DATA_AGGREGATION_DOMAIN")).toEqual([]);
  });

  it("the CLI names the option as --normalisation", async () => {
    const csv = ["Phường,plan,portal,online,payments", ...rows.map((r) => [r.unit, r.plan, r.portal, r.online, r.payments].join(","))].join("\n");
    const r = await cli(["uncertainty", "data.csv", "--framework", "fw.json", "--runs", "50", "--aggregation", "arithmetic,geometric", "--sensitivity", "none"], {
      "data.csv": csv,
      "fw.json": JSON.stringify(ward),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning DATA_AGGREGATION_DOMAIN");
    expect(r.stderr).toContain("e.g. --normalisation minmax:1:100,");
    expect(r.stderr).not.toContain("method:");
  });
});
