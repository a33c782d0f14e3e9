/**
 * The streamed CLI's buffered output: rows appended as bytes to a buffer that is written out a
 * megabyte at a time.
 *
 * @module
 */
import { addText, type ByteBuffer } from "../text/utf8-bytes.ts";

/**
 * Where the output goes: `add` appends text, or bytes are appended to `buffer` and then `added`
 * called; each returns a promise only when the buffer was written (await it then).
 */
export interface ByteSink {
  readonly buffer: ByteBuffer;
  add(text: string): Promise<void> | undefined;
  added(): Promise<void> | undefined;
  /** Writes whole rows' bytes made elsewhere (after those buffered). */
  addBytes(bytes: Uint8Array): Promise<void>;
}

/**
 * Buffered byte writes: text or bytes are appended to `buffer`, and `write` (awaited) takes the
 * bytes when 1 MiB are buffered (bytes made elsewhere, `addBytes`, after those buffered). Another
 * buffer follows, as the last one may still be being written: `write` waits for the write before
 * its own, so once it returns, the buffer of that earlier write is free and is filled next. A
 * hundred megabytes of rows go through three buffers instead of a hundred new ones, whose memory
 * outside the heap made the garbage collector run again and again.
 * Writes end between whole texts and rows, never inside a character.
 */
export function byteWriter(write: (bytes: Uint8Array) => Promise<void>): ByteSink & { flush(): Promise<void> } {
  const LIMIT = 1 << 20;
  const buffer: ByteBuffer = { bytes: new Uint8Array(LIMIT + (1 << 16)), length: 0 };
  // The buffer of the last write (maybe still being written), and one whose write is done.
  let written: Uint8Array | undefined;
  let spare: Uint8Array | undefined;
  const flush = async () => {
    if (buffer.length === 0) return;
    const full = buffer.bytes;
    const bytes = full.subarray(0, buffer.length);
    buffer.bytes = spare !== undefined && spare.length >= full.length ? spare : new Uint8Array(Math.max(LIMIT + (1 << 16), full.length));
    spare = undefined;
    buffer.length = 0;
    const before = written;
    written = full;
    await write(bytes);
    spare = before;
  };
  const added = () => (buffer.length >= LIMIT ? flush() : undefined);
  return {
    buffer,
    add(text) {
      addText(buffer, text);
      return added();
    },
    added,
    async addBytes(bytes) {
      await flush();
      await write(bytes);
    },
    flush,
  };
}
