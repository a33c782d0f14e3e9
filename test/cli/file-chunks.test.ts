// The CSV file's pieces as the streamed CLI reads them: read synchronously on its workers, the same
// bytes as the read stream gives, the file closed however the reading ends, and its errors those
// of the file (code, path) as the read stream's.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileBlocks, fileChunks, syncFileChunks } from "../../src/cli/file-chunks.ts";

const FILE = "fixtures/provinces-63-synthetic.csv";

/** Open file descriptors of this process (Linux). */
const openFds = () => readdirSync("/proc/self/fd").length;

async function joined(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const bytes of chunks) parts.push(bytes);
  return Buffer.concat(parts);
}

describe("syncFileChunks", () => {
  it("gives the file's bytes, as the read stream does", async () => {
    const bytes = await joined(syncFileChunks(FILE));
    expect(bytes.equals(readFileSync(FILE))).toBe(true);
    expect(bytes.equals(await joined(fileChunks(FILE)))).toBe(true);
  });

  it("closes the file when the reading stops early or ends", async () => {
    const before = openFds();
    for (const _ of syncFileChunks(FILE)) break;
    await joined(syncFileChunks(FILE));
    // Stopped by the blocks' reader after the header and a block.
    for await (const item of fileBlocks(FILE, {}, undefined, undefined, true)) if ("kind" in item) break;
    expect(openFds()).toBe(before);
  });

  it("throws the file's error, with its code and path, as the read stream does", async () => {
    const stream = await joined(fileChunks(".tmp/no-such-file.csv")).catch((e: NodeJS.ErrnoException) => e);
    const sync = await joined(syncFileChunks(".tmp/no-such-file.csv")).catch((e: NodeJS.ErrnoException) => e);
    expect(sync).toMatchObject({ code: "ENOENT", path: ".tmp/no-such-file.csv" });
    expect({ code: (sync as NodeJS.ErrnoException).code, path: (sync as NodeJS.ErrnoException).path }).toEqual({
      code: (stream as NodeJS.ErrnoException).code,
      path: (stream as NodeJS.ErrnoException).path,
    });
    await expect(joined(syncFileChunks("fixtures"))).rejects.toMatchObject({ code: "EISDIR" });
  });
});
