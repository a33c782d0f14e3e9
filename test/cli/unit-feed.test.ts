// The pool of buffers the scoring worker gives back to the reading worker (`sparePool`): the
// smallest one large enough is lent, a new one when none is, and no more are kept than the blocks
// in flight hold. (The channel itself is tested through the workers: stream-in-worker.test.ts.)
import { describe, expect, it } from "vitest";
import { MessageChannel } from "node:worker_threads";
import { feedRoom, fedUnits, sparePool, type FeedMessage } from "../../src/cli/unit-feed.ts";
import { packUnits } from "../../src/cli/packed-units.ts";
import type { CsvBlock } from "../../src/input/csv/csv-block.ts";

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

  it("keeps the buffers of the blocks in flight (48), not more", () => {
    const pool = sparePool();
    const given = Array.from({ length: 200 }, () => new ArrayBuffer(8));
    pool.give(given);
    const lent = new Set<ArrayBuffer>();
    for (let k = 0; k < 200; k++) lent.add(pool.memory(8));
    expect([...lent].filter((b) => given.includes(b)).length).toBe(48);
    expect(lent.size).toBe(200);
  });

  it("lends no buffer for no bytes", () => {
    const pool = sparePool();
    const one = new ArrayBuffer(8);
    pool.give([one]);
    expect(pool.memory(0).byteLength).toBe(0);
    expect(pool.memory(1)).toBe(one);
  });
});

/** A message of the feed with one block of `rows` units (rows 0 …). */
function unitsMessage(rows: number): FeedMessage {
  const block: CsvBlock = { kind: "csv-block", rows, width: 2, lines: new Int32Array(rows), numbers: new Float64Array(2 * rows), bytes: new Uint8Array(4), spans: new Int32Array(4 * rows), texts: [], issues: [] };
  const ids = packUnits(Array.from({ length: rows }, (_, k) => ({ unit: `Xã ${k}`, row: k + 2 })));
  return { log: [], plan: { header: { columns: [], leafColumn: new Int32Array(0), keyColumn: new Map() }, absent: new Set() }, units: { block, rows: Int32Array.from({ length: rows }, (_, k) => k), ids, before: [] } };
}

const end: FeedMessage = { log: [], plan: { header: { columns: [], leafColumn: new Int32Array(0), keyColumn: new Map() }, absent: new Set() }, end: { rowCount: 6, started: true, trailing: [] } };

describe("fedUnits", () => {
  const log = () => ({ add: () => undefined, count: 0, kept: [] });

  it("gives back the buffers of every block before the one being read, once a batch is scored", async () => {
    const messages = [unitsMessage(3), unitsMessage(1), unitsMessage(2), end];
    const blocks = messages.slice(0, 3).map((m) => m.units!.block);
    const given: ArrayBuffer[][] = [];
    const fed = fedUnits(async () => messages.shift()!, undefined, (buffers) => given.push(buffers));
    const reader = fed.reader(undefined as never, undefined as never, {}, log(), log(), "error");
    const read: number[] = [];
    for await (const units of reader.rows(undefined as never, true)) {
      read.push(units.length);
      fed.scored();
    }
    expect(read).toEqual([3, 1, 2]);
    // Scored while the first block was read: nothing; the second: the first's; the third: the second's.
    const buffers = (b: CsvBlock) => [b.lines.buffer, b.numbers.buffer, b.spans.buffer, b.bytes.buffer];
    expect(given).toEqual([buffers(blocks[0]!), buffers(blocks[1]!)]);
    expect(given[0]![0]).toBe(blocks[0]!.lines.buffer);
  });

  it("keeps no block when there is nowhere to give them back", async () => {
    const messages = [unitsMessage(2), unitsMessage(2), end];
    const fed = fedUnits(async () => messages.shift()!);
    const reader = fed.reader(undefined as never, undefined as never, {}, log(), log(), "error");
    let units = 0;
    for await (const batch of reader.rows(undefined as never, true)) {
      units += batch.length;
      fed.scored();
    }
    expect(units).toBe(4);
  });
});

describe("feedRoom", () => {
  it("gives the buffers sent back to the pool, and counts the messages taken", async () => {
    const { port1, port2 } = new MessageChannel();
    const given: ArrayBuffer[] = [];
    const send = feedRoom(port1, { give: (buffers) => given.push(...buffers) });
    const spare = new ArrayBuffer(16);
    port2.postMessage({ spare: [spare] }, [spare]);
    // Seven messages: the seventh waits until the other side has taken one.
    for (let k = 0; k < 6; k++) await send(end, []);
    let sent = false;
    const seventh = send(end, []).then(() => (sent = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toBe(false);
    port2.postMessage({ took: 1 });
    await seventh;
    expect(given.map((b) => b.byteLength)).toEqual([16]);
    port1.close();
    port2.close();
  });
});
