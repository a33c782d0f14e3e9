import { describe, expect, it } from "vitest";
import { createRankStore } from "../../src/rank/rank-store.ts";
import { storeSummary } from "../../src/stream/score-stream.ts";

describe("storeSummary", () => {
  it("ranks when the ranks are first asked for, once, and gives the store's units before that", () => {
    const store = createRankStore(1);
    store.add("Huế", undefined, 2024, undefined, [8002]);
    store.add("Hà Nội", "01", 2024, undefined, [9001]);
    let calls = 0;
    const counted = Object.assign(Object.create(store) as typeof store, { rank: (method: Parameters<typeof store.rank>[0]) => (calls++, store.rank(method)) });
    const rest = { ok: true, rows: 2, exactUnits: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] };
    const summary = storeSummary(rest, counted, ["dti"], "competition");
    expect([summary.units, summary.unit(1), summary.ok, calls]).toEqual([2, { unit: "Hà Nội", code: "01", year: 2024 }, true, 0]);
    expect(Array.from(summary.ranks.get("dti")!.rank)).toEqual([2, 1]);
    expect(summary.ranks).toBe(summary.ranks);
    expect(calls).toBe(1);
  });
});
