// Pass 2 of the streamed CLI reads the records of pass 1 back in result order, a window at a time:
// every record arrives whole and in order, whatever the window's size and the order.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordsInOrder, type Records } from "../../src/cli/stream-records.ts";
import { prng } from "../helpers/prng.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `count` records of `width` doubles: record i holds i × 1000 + j at j. */
function recordFile(count: number, width: number): number {
  const values = Float64Array.from({ length: count * width }, (_, n) => Math.floor(n / width) * 1000 + (n % width));
  const fd = openSync(join(dir, `r-${count}-${width}.bin`), "w+");
  writeSync(fd, new Uint8Array(values.buffer));
  return fd;
}

const shuffled = (count: number, seed: number) => {
  const next = prng(seed);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
};

describe("recordsInOrder", () => {
  it.each([
    ["one window", 1 << 20],
    ["a window of 7 records", 7 * 5 * 8],
    ["a window of one record", 1],
  ])("gives every record in the order asked, with %s", (_, windowBytes) => {
    const count = 3000;
    const width = 5;
    const fd = recordFile(count, width);
    const records = { width } as Records;
    for (const order of [shuffled(count, 3), Int32Array.from({ length: count }, (_, i) => i), Int32Array.from({ length: count }, (_, i) => count - 1 - i)]) {
      const at = recordsInOrder(fd, records, order, windowBytes);
      for (let k = 0; k < count; k++) {
        const record = at(k);
        expect(record.length).toBe(width);
        expect(Array.from(record)).toEqual(Array.from({ length: width }, (_, j) => order[k]! * 1000 + j));
      }
    }
    closeSync(fd);
  });

  it.each([
    ["one window", 1 << 20],
    ["a window of 7 records", 7 * 5 * 8],
  ])("gives the records of a part of the units (every other piece of the order), with %s", (_, windowBytes) => {
    const count = 3000;
    const width = 5;
    const fd = recordFile(count, width);
    const order = shuffled(count, 9);
    const part = Int32Array.from(order.filter((_, k) => Math.floor(k / 100) % 2 === 1));
    const at = recordsInOrder(fd, { width }, part, windowBytes, count);
    for (let k = 0; k < part.length; k++) expect(Array.from(at(k))).toEqual(Array.from({ length: width }, (_, j) => part[k]! * 1000 + j));
    closeSync(fd);
  });
});
