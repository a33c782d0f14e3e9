// The pool of buffers the scoring worker gives back to the reading worker (`sparePool`): the
// smallest one large enough is lent, a new one when none is, and no more are kept than the blocks
// in flight hold. (The channel itself is tested through the workers: stream-in-worker.test.ts.)
import { describe, expect, it } from "vitest";
import { MessageChannel } from "node:worker_threads";
import { feedRoom, fedBlocks, sparePool, type FeedMessage } from "../../src/cli/block-feed.ts";
import type { CsvBlock } from "../../src/input/csv/csv-block.ts";
import { readCsvBlocks } from "../../src/csv.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { rowReader } from "../../src/stream/row-reader.ts";
import { streamWith } from "../../src/stream/score-stream.ts";

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

/** A message of the feed with one block of `rows` rows. */
function blockMessage(rows: number): FeedMessage {
  const block: CsvBlock = { kind: "csv-block", rows, width: 2, lines: new Int32Array(rows), numbers: new Float64Array(2 * rows), bytes: new Uint8Array(4), spans: new Int32Array(4 * rows), texts: [], issues: [] };
  return { row: block };
}

const header: FeedMessage = { row: { line: 1, cells: ["unit", "a"] } };
const end: FeedMessage = { end: true };

describe("fedBlocks", () => {
  it("gives the rows in order, each block marked as holding texts of its own", async () => {
    const messages = [header, blockMessage(3), blockMessage(1), end];
    const fed = fedBlocks(async () => messages.shift()!);
    const rows: unknown[] = [];
    for await (const row of fed.rows()) rows.push("kind" in row ? [row.rows, row.ownTexts] : row.cells);
    expect(rows).toEqual([["unit", "a"], [3, true], [1, true]]);
  });

  it("gives back the buffers of every block but the one being read and those of units still waiting", async () => {
    const messages = [header, blockMessage(3), blockMessage(1), blockMessage(2), end];
    const given: ArrayBuffer[][] = [];
    const fed = fedBlocks(async () => messages.shift()!, undefined, (buffers) => given.push(buffers));
    const read: CsvBlock[] = [];
    const buffers = (b: CsvBlock) => [b.lines.buffer, b.numbers.buffer, b.spans.buffer, b.bytes.buffer];
    for await (const row of fed.rows()) {
      if (!("kind" in row)) continue;
      read.push(row);
      // The first block's units wait in the batch while the next two are read, then are scored.
      if (read.length === 1) fed.release([row, row], 2);
      else if (read.length === 2) fed.release([read[0], read[0], row], 3);
      else {
        expect(given).toEqual([]);
        fed.release([read[0]], 1);
        expect(given).toEqual([buffers(read[1]!)]);
        fed.release([], 0);
      }
    }
    expect(read.map((b) => b.rows)).toEqual([3, 1, 2]);
    expect(given).toEqual([buffers(read[1]!), buffers(read[0]!)]);
    expect(given[1]![0]).toBe(read[0]!.lines.buffer);
  });

  it("holds no more than a batch's blocks and the one being read, also when rows give no unit", async () => {
    const framework = defineFramework({
      id: "t", version: "1.0.0", title: { vi: "Thử" },
      root: { id: "idx", name: { vi: "Chỉ số" }, children: [{ id: "a", name: { vi: "a" }, weight: 1, rule: { type: "value" } }] },
    } as FrameworkDefinition);
    const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join("\n");
    const files = {
      // No unit column: the rows are only counted.
      "no unit column": `a,b\n${rows(60_000, (i) => `0.${i % 10},${"x".repeat(40)}`)}`,
      // One unit, then rows left out (blank names): that unit waits in the batch to the end.
      "rows left out": `unit,a\nHuế,0.5\n${rows(60_000, () => `,0.${"1".repeat(40)}`)}`,
      // Units throughout: full batches scored as they fill.
      units: `unit,a\n${rows(60_000, (i) => `Xã ${i},0.${i % 10}${"0".repeat(30)}`)}`,
    };
    for (const [name, text] of Object.entries(files)) {
      const messages: FeedMessage[] = [];
      // Given in pieces, as a file is read: a block a piece or so.
      const pieces = Array.from({ length: Math.ceil(text.length / 65536) }, (_, k) => text.slice(65536 * k, 65536 * (k + 1)));
      for await (const row of readCsvBlocks(pieces)) messages.push({ row } as FeedMessage);
      messages.push(end);
      const blocks = messages.filter((m) => m.row !== undefined && "kind" in m.row).length;
      let yielded = 0;
      let given = 0;
      let most = 0;
      const fed = fedBlocks(
        async () => {
          const message = messages.shift()!;
          if (message.row !== undefined && "kind" in message.row) most = Math.max(most, ++yielded - given);
          return message;
        },
        undefined,
        (buffers) => void (given += buffers.length / 4),
      );
      const stream = streamWith(framework, fed.rows, { missing: "zero" }, { reader: rowReader, ranks: false, release: fed.release });
      for await (const _ of stream.batches());
      // By the end, all given back but the last one read and at most one whose units wait in the
      // last batch (with rows left out, the first: its unit waited to the end).
      expect([name, blocks > 5, most <= 3, given >= blocks - 2, given < blocks]).toEqual([name, true, true, true, true]);
      if (name === "no unit column") expect(given).toBe(blocks - 1);
    }
  });

  it("says a thousands separator the reading found, and throws the reading's error with its code", async () => {
    let said = 0;
    const messages: FeedMessage[] = [header, { ...blockMessage(1), grouped: true }, { failed: { code: "EIO", message: "read failed", path: "a.csv" } }];
    const fed = fedBlocks(async () => messages.shift()!, () => said++);
    const read: unknown[] = [];
    await expect(
      (async () => {
        for await (const row of fed.rows()) read.push(row);
      })(),
    ).rejects.toMatchObject({ code: "EIO", message: "read failed", path: "a.csv" });
    expect([read.length, said]).toEqual([2, 1]);
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
