/**
 * The blocks of a CSV file read on one thread and scored on another (the streamed CLI): the reading
 * worker (`read-worker.ts`) reads the file and cuts it into blocks of rows, their plain decimal
 * cells read as numbers; the scoring worker (`unit-worker.ts`) is given each block (its buffers
 * transferred, not copied) and reads the rows' identities, checking repeats (`rowReader`), and
 * scores the units, as `scoreStream` does on one thread ({@link fedBlocks}). The reading worker
 * scans every byte of the file; the scoring worker reads the few identity cells of each row, and
 * the issues of the rows come about where `scoreStream` logs them, in row order, with nothing to
 * forward.
 *
 * Messages, over a channel between the two workers: `{ row }` (a block, or a row the reader did not
 * put in one: the header), `{ end }` or `{ failed }` (the reading's error); back, `{ took: 1 }` as
 * the scoring takes each ({@link feedRoom}, {@link feedInbox}), and `{ spare }`, the buffers of
 * the blocks it has scored, which the reading reads the next blocks into ({@link sparePool}).
 *
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import { decodeCells, isCsvBlock, type CsvBlock } from "../input/csv/csv-block.ts";
import type { Framework } from "../framework/types.ts";
import { headerIdentityColumns } from "../stream/row-reader.ts";
import type { StreamOptions } from "../stream/stream-types.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { BlockMemory } from "../input/csv/csv-blocks.ts";
import type { CsvStreamRow } from "../input/csv/read-csv-stream.ts";
import { fileBlocks } from "./file-chunks.ts";
import { plainError } from "./worker-port.ts";
import { revive } from "./worker-items.ts";
import { wakeUp } from "./wake-up.ts";

/** One message to the scoring worker. */
export interface FeedMessage {
  /** A block of rows, or a row read on its own (the header). */
  readonly row?: CsvBlock | CsvStreamRow;
  readonly end?: true;
  readonly failed?: unknown;
  /**
   * Once, with the first message after a cell that may be a number with a thousands separator
   * (`watchGrouped`): the scoring worker says it to the main thread before its next batch, on the
   * port its batches and end take, so that the main thread cannot read the end first.
   */
  readonly grouped?: true;
}

/** Messages the reading may send ahead of the scoring's taking them. */
const FEED_AHEAD = 6;

/** Sends a message (its buffers transferred) once the other side has room for one more. */
export type FeedSend = (message: FeedMessage, transfer: ArrayBuffer[]) => Promise<void>;

/** The buffers of blocks scored, sent back to the reading side to be read into again. */
export interface SpareMessage {
  readonly spare: readonly ArrayBuffer[];
}

/** The buffers of a block's arrays, which a message transfers. */
function blockBuffers(block: CsvBlock): ArrayBuffer[] {
  return [block.lines.buffer as ArrayBuffer, block.numbers.buffer as ArrayBuffer, block.spans.buffer as ArrayBuffer, block.bytes.buffer as ArrayBuffer];
}

/** Spare buffers kept at most: those of the blocks in flight (four arrays each) and some. */
const SPARE_BUFFERS = 8 * FEED_AHEAD;

/**
 * Buffers given back (`give`), lent to the blocks read next (`memory`: the smallest one large
 * enough, else a new one; none for no bytes). A million rows read into a few dozen buffers, over
 * and over, instead of into two gigabytes of new ones that the garbage collectors of both workers
 * had to follow.
 *
 * @example
 * ```ts
 * const pool = sparePool();
 * pool.give([new ArrayBuffer(1024), new ArrayBuffer(64)]);
 * pool.memory(40).byteLength; // => 64
 * pool.memory(40).byteLength; // => 1024
 * pool.memory(40).byteLength; // => 40 (a new one)
 * ```
 */
export function sparePool(): { memory: BlockMemory; give(buffers: readonly ArrayBuffer[]): void } {
  const spare: ArrayBuffer[] = [];
  return {
    memory(bytes) {
      if (bytes === 0) return new ArrayBuffer(0);
      let best = -1;
      for (let k = 0; k < spare.length; k++) {
        if (spare[k]!.byteLength >= bytes && (best < 0 || spare[k]!.byteLength < spare[best]!.byteLength)) best = k;
      }
      return best < 0 ? new ArrayBuffer(bytes) : spare.splice(best, 1)[0]!;
    },
    give(buffers) {
      // Kept up to what the blocks in flight hold; beyond that, left to the collector.
      for (const b of buffers) if (spare.length < SPARE_BUFFERS) spare.push(b);
    },
  };
}

/**
 * The reading side of the channel: `send` waits while {@link FEED_AHEAD} messages are not taken yet
 * (so memory stays bounded however slow the scoring is); buffers sent back go to `pool`.
 */
export function feedRoom(port: MessagePort, pool?: { give(buffers: readonly ArrayBuffer[]): void }): FeedSend {
  let room = FEED_AHEAD;
  const signal = wakeUp();
  port.on("message", (message: { took: number } | SpareMessage) => {
    if ("spare" in message) {
      pool?.give(message.spare);
      return;
    }
    room += message.took;
    signal.wake();
  });
  return async (message, transfer) => {
    while (room <= 0) await signal.wait();
    room--;
    port.postMessage(message, transfer);
  };
}

/** The scoring side of the channel: the next message once it has come, each answered `{ took: 1 }` as it is taken. */
export function feedInbox(port: MessagePort): () => Promise<FeedMessage> {
  const inbox: FeedMessage[] = [];
  const signal = wakeUp();
  port.on("message", (message: FeedMessage) => {
    inbox.push(message);
    signal.wake();
  });
  return async () => {
    while (inbox.length === 0) await signal.wait();
    port.postMessage({ took: 1 });
    return inbox.shift()!;
  };
}

/**
 * Reads `file` and sends its blocks to the scoring worker (`send` waits while the scoring has
 * enough to do), ending with `{ end }` or `{ failed }`; its blocks read into buffers from `memory`.
 * The file is read synchronously: the reading worker has nothing else to do meanwhile (it takes
 * the scoring's messages while `send` waits).
 * The identity cells that `framework`'s row reader reads as text (name, code, group, year) are
 * decoded here (`decodeCells`): the scoring worker has more to do per row than this one.
 */
export async function feedBlocks(file: string, csvOptions: CsvOptions, framework: Framework, options: StreamOptions, watch: boolean, send: FeedSend, memory?: BlockMemory): Promise<void> {
  let found = false;
  let said = false;
  const grouped = watch ? () => void (found = true) : undefined;
  const flag = (): { grouped?: true } => (found && !said ? ((said = true), { grouped: true }) : {});
  let identity: number[] | undefined;
  try {
    for await (const row of fileBlocks(file, csvOptions, grouped, memory, true)) {
      if (!isCsvBlock(row)) {
        identity ??= headerIdentityColumns(row, framework, options);
        await send({ row, ...flag() }, []);
        continue;
      }
      await send({ row: identity === undefined ? row : decodeCells(row, identity), ...flag() }, blockBuffers(row));
    }
    await send({ end: true, ...flag() }, []);
  } catch (e) {
    await send({ failed: plainError(e), ...flag() }, []);
  }
}

/**
 * The scoring worker's side: the rows of the messages `next` gives, in order (`rows`, the source
 * of `rowReader`), throwing the reading's error. `release` (`StreamWay.release`, called once the
 * units of each block are added to the batch) gives the buffers of every block but the one being
 * read and those of units still waiting in the batch to `giveBack`: `rowReader` reads a block's
 * units all at once and the next block only once they are all taken, so no other block is read
 * again. A block whose rows give no unit (a file that cannot be read as units, a run of rows left
 * out) is given back as well: none is held to the end of the file.
 */
export function fedBlocks(
  next: () => Promise<FeedMessage>,
  grouped?: () => void,
  giveBack?: (buffers: ArrayBuffer[]) => void,
): { rows(): AsyncGenerator<CsvBlock | CsvStreamRow>; release(pending: readonly (CsvBlock | undefined)[], count: number): void } {
  // Blocks yielded and not given back, oldest first; the last is the one being read.
  let blocks: CsvBlock[] = [];
  return {
    async *rows() {
      for (;;) {
        const message = await next();
        if (message.grouped === true) grouped?.();
        if (message.failed !== undefined) throw revive(message.failed as Parameters<typeof revive>[0]);
        if (message.end === true) return;
        const row = message.row!;
        if (!isCsvBlock(row)) {
          yield row;
          continue;
        }
        // Its texts were copied on the way: none is cut from a larger string.
        const own: CsvBlock = { ...row, ownTexts: true };
        if (giveBack !== undefined) blocks.push(own);
        yield own;
      }
    },
    release(pending, count) {
      if (giveBack === undefined || blocks.length < 2) return;
      // The blocks of the waiting units, each once (a batch's units lie in a few blocks, in order).
      const used: (CsvBlock | undefined)[] = [];
      for (let b = 0; b < count; b++) if (pending[b] !== used[used.length - 1]) used.push(pending[b]);
      const current = blocks[blocks.length - 1];
      const free = blocks.filter((block) => block !== current && !used.includes(block));
      if (free.length === 0) return;
      blocks = blocks.filter((block) => !free.includes(block));
      giveBack(free.flatMap(blockBuffers));
    },
  };
}
