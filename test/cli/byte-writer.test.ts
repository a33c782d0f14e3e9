// The streamed CLI's buffered output reuses its buffers, but never one that a write may still be
// reading: every write's bytes stay as given until that write is done, and the bytes written are
// the texts added, in order.
import { describe, expect, it } from "vitest";
import { byteWriter } from "../../src/cli/byte-sink.ts";

describe("byteWriter", () => {
  it("writes what was added, in order, without touching a buffer still being written", async () => {
    // A writer like the output file's: a write starts once the one before is done, and returns
    // at once; a write's bytes are read when it is done (checked against a copy taken when given).
    const taken: { bytes: Uint8Array; copy: Uint8Array }[] = [];
    let done = 0;
    const check = () => {
      while (done < taken.length - 1) {
        const t = taken[done++]!;
        expect(Buffer.compare(t.bytes, t.copy)).toBe(0);
      }
    };
    const out = byteWriter(async (bytes) => {
      check();
      taken.push({ bytes, copy: bytes.slice() });
      await Promise.resolve();
    });
    const texts: string[] = [];
    for (let k = 0; k < 100_000; k++) {
      const text = `${k},Đơn vị ${k},${"x".repeat(k % 97)}\r\n`;
      texts.push(text);
      const full = out.add(text);
      if (full !== undefined) await full;
      if (k % 24_999 === 0) {
        // Rows made elsewhere, after those buffered.
        texts.push(`-- ${k} --\r\n`);
        await out.addBytes(new TextEncoder().encode(`-- ${k} --\r\n`));
      }
    }
    await out.flush();
    check();
    const decoder = new TextDecoder();
    expect(taken.map((t) => decoder.decode(t.copy)).join("")).toBe(texts.join(""));
    // Three buffers served every write of added texts (the five others were given as bytes).
    expect(taken.length).toBeGreaterThan(10);
    expect(new Set(taken.map((t) => t.bytes.buffer)).size).toBe(3 + 5);
  });
});
