import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { rankCounter } from "../../src/cli/stream-counts.ts";
import type { StreamBatch } from "../../src/stream/score-stream.ts";

/** A batch of `keys` (one node per unit, published values scaled) with years and groups. */
function batch(keys: number[], year?: number, group?: string): StreamBatch {
  const units = keys.map((_, k) => ({ unit: `U${k}`, row: k + 2, ...(year !== undefined ? { year } : {}), ...(group !== undefined ? { group } : {}) }));
  const published = Float64Array.from(keys);
  return { size: keys.length, first: 0, units, nodes: 1, published, scores: published, coverage: published };
}

describe("rankCounter (on this thread: no worker script)", () => {
  const none = pathToFileURL("/no/such/worker.js");

  it("counts every batch per year and per year and group, one batch or several", async () => {
    for (const batches of [[batch([8002, 9001, 8002])], [batch([8002, 9001], 2024, "Bắc"), batch([8002, 7000], 2024, "Nam"), batch([5000], 2025, "Bắc")]]) {
      const counter = rankCounter(1, none);
      for (const b of batches) counter.add(b);
      const counts = (await counter.finish())!;
      await counter.stop();
      counts.year.finish("competition");
      counts.group.finish("competition");
      const year = counts.years.get(batches[0]!.units[0]!.year)!;
      expect([9001, 8002].map((key) => counts.year.rank(year, 0, key))).toEqual([1, 2]);
      if (batches.length > 1) expect(counts.year.rank(year, 0, 7000)).toBe(4);
      if (batches.length > 1) expect(counts.group.rank(counts.groups.get("2024\u0000Nam")!, 0, 7000)).toBe(2);
    }
  });

  it("gives undefined when a value cannot be counted (not a whole number)", async () => {
    const counter = rankCounter(1, none);
    counter.add(batch([8002]));
    counter.add(batch([0.5]));
    expect(await counter.finish()).toBeUndefined();
  });
});
