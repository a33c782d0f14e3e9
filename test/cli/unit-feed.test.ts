// The pool of buffers the scoring worker gives back to the reading worker (`sparePool`): the
// smallest one large enough is lent, a new one when none is, and no more are kept than the blocks
// in flight hold. (The channel itself is tested through the workers: stream-in-worker.test.ts.)
import { describe, expect, it } from "vitest";
import { sparePool } from "../../src/cli/unit-feed.ts";

describe("sparePool", () => {
  it("lends the smallest buffer large enough, each once, and a new one when none is", () => {
    const pool = sparePool();
    const [small, middle, large] = [new ArrayBuffer(64), new ArrayBuffer(512), new ArrayBuffer(4096)];
    pool.give([large, small, middle]);
    expect(pool.memory(100)).toBe(middle);
    expect(pool.memory(10)).toBe(small);
    expect(pool.memory(10)).toBe(large);
    const fresh = pool.memory(10);
    expect([fresh.byteLength, fresh === small || fresh === middle || fresh === large]).toEqual([10, false]);
    pool.give([small]);
    expect(pool.memory(65).byteLength).toBe(65);
    expect(pool.memory(64)).toBe(small);
  });

  it("keeps a bounded number of buffers", () => {
    const pool = sparePool();
    const given = Array.from({ length: 200 }, () => new ArrayBuffer(8));
    pool.give(given);
    const lent = new Set<ArrayBuffer>();
    for (let k = 0; k < 200; k++) lent.add(pool.memory(8));
    const kept = [...lent].filter((b) => given.includes(b)).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(200);
    expect(lent.size).toBe(200);
  });
});
