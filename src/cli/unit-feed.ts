/**
 * The units of a CSV file read on one thread and scored on another (the streamed CLI): the reading
 * worker (`read-worker.ts`) reads the file, cuts it into blocks and reads each row's identity,
 * checking repeats (`rowReader`, as `scoreStream` does); the scoring worker (`unit-worker.ts`) is
 * given each block with its units and scores them as `scoreStream` would have, through a reader
 * made of these messages ({@link fedUnits}). The issues the reading finds travel in order with the
 * units, so that the scoring worker's logs, batches and summary are those of `scoreStream` on one
 * thread. Reading and scoring a million rows each take about as long: each has a core.
 *
 * Messages, over a channel between the two workers: `{ units }` (a block, the rows of it that are
 * units, their identities and the issues before each), `{ end }` (the rows counted, the issues
 * after the last unit) or `{ failed }` (the reading's error), each with the issues logged since
 * the last (`log`) and the header's column plan; back, `{ took: 1 }` as the scoring takes each
 * ({@link feedRoom}, {@link feedInbox}), and `{ spare }`, the buffers of the blocks it has scored,
 * which the reading reads the next blocks into ({@link sparePool}).
 *
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import type { Issue } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import type { CsvBlock } from "../input/csv/csv-block.ts";
import type { CsvOptions } from "../input/csv/parse-csv.ts";
import type { BlockMemory } from "../input/csv/csv-blocks.ts";
import { compileFramework } from "../score/compile.ts";
import type { IssueLog } from "../stream/issue-log.ts";
import { rowReader } from "../stream/row-reader.ts";
import type { UnitReader } from "../stream/score-stream.ts";
import type { StreamRowUnit } from "../stream/stream-batch.ts";
import type { StreamOptions } from "../stream/stream-types.ts";
import { fileBlocks } from "./file-chunks.ts";
import { plainError } from "./worker-port.ts";
import { packUnits, unpackUnits, type PackedUnits } from "./packed-units.ts";
import { revive } from "./worker-items.ts";
import { wakeUp } from "./wake-up.ts";

/** What the reader knows of the header: the columns and where each leaf's and input's cells are, and the inputs no column holds. */
interface HeaderSent {
  readonly header: ReturnType<UnitReader["header"]>;
  readonly absent: ReadonlySet<string>;
}

/** One message to the scoring worker. */
export interface FeedMessage {
  /** Issues logged since the last message: 0 an error, 1 a warning. */
  readonly log: readonly (readonly [0 | 1, Issue])[];
  readonly plan: HeaderSent;
  readonly units?: { readonly block: CsvBlock; readonly rows: Int32Array; readonly ids: PackedUnits; readonly before: readonly (readonly [number, Issue[]])[] };
  readonly end?: { readonly rowCount: number; readonly started: boolean; readonly trailing: readonly Issue[] };
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
 * Reads `file` and sends its units to the scoring worker (`send` waits while the scoring has
 * enough to do), ending with `{ end }` or `{ failed }`; its blocks read into buffers from `memory`.
 */
export async function feedUnits(
  file: string,
  csvOptions: CsvOptions,
  framework: Framework,
  options: StreamOptions,
  watch: boolean,
  send: FeedSend,
  memory?: BlockMemory,
): Promise<void> {
  let found = false;
  let said = false;
  const grouped = watch ? () => void (found = true) : undefined;
  const flag = (): { grouped?: true } => (found && !said ? ((said = true), { grouped: true }) : {});
  const log: [0 | 1, Issue][] = [];
  const forward = (kind: 0 | 1): IssueLog => ({ add: (issue) => void log.push([kind, issue]), count: 0, kept: [] });
  const reader = rowReader(framework, compileFramework(framework), options, forward(0), forward(1), options.missing ?? "error");
  const plan = (): HeaderSent => ({ header: reader.header(), absent: reader.absent() });
  try {
    for await (const units of reader.rows(fileBlocks(file, csvOptions, grouped, memory), true)) {
      const block = units[0]?.block;
      if (block === undefined && log.length === 0 && !(found && !said)) continue;
      await send(
        { log: log.splice(0), plan: plan(), ...flag(), ...(block !== undefined ? { units: sentUnits(block, units) } : {}) },
        block === undefined ? [] : blockBuffers(block),
      );
    }
    await send({ log: log.splice(0), plan: plan(), ...flag(), end: { rowCount: reader.rowCount(), started: reader.started(), trailing: reader.trailing() } }, []);
  } catch (e) {
    await send({ log: log.splice(0), plan: plan(), ...flag(), failed: plainError(e) }, []);
  }
}

/** A block's units as sent: the block once, and per unit its row in the block and identity (as columns), and the issues before those units that have any. */
function sentUnits(block: CsvBlock, units: readonly StreamRowUnit[]): NonNullable<FeedMessage["units"]> {
  const before: [number, Issue[]][] = [];
  units.forEach((u, k) => u.before !== undefined && before.push([k, u.before]));
  return { block, rows: Int32Array.from(units, (u) => u.blockRow), ids: packUnits(units.map((u) => u.unit)), before };
}

/**
 * The scoring worker's reader: the units of the messages `next` gives, in order, and what the
 * reading thread knew of the header, the rows and the issues, as `rowReader` would give them.
 * `scored`, called once a batch is scored (`StreamWay.scored`), gives the buffers of every block
 * before the one being read to `giveBack`: their units were all added to a batch before that
 * batch's last unit, so none is read again.
 */
export function fedUnits(next: () => Promise<FeedMessage>, grouped?: () => void, giveBack?: (buffers: ArrayBuffer[]) => void): { reader: typeof rowReader; scored(): void } {
  // Blocks yielded, oldest first; the last is the one being read.
  const blocks: CsvBlock[] = [];
  const scored = () => {
    if (giveBack === undefined || blocks.length < 2) return;
    giveBack(blocks.splice(0, blocks.length - 1).flatMap(blockBuffers));
  };
  const reader: typeof rowReader = (_framework, _compiled, _options, errors, warnings) => {
    let plan: HeaderSent | undefined;
    let end: FeedMessage["end"];
    const take = async (): Promise<FeedMessage> => {
      const message = await next();
      if (message.grouped === true) grouped?.();
      for (const [kind, issue] of message.log) (kind === 0 ? errors : warnings).add(issue);
      plan = message.plan;
      if (message.failed !== undefined) throw revive(message.failed as Parameters<typeof revive>[0]);
      return message;
    };
    return {
      header: () => plan?.header ?? { columns: [], leafColumn: new Int32Array(0), keyColumn: new Map() },
      absent: () => plan?.absent ?? new Set(),
      started: () => end?.started ?? false,
      rowCount: () => end?.rowCount ?? 0,
      trailing: () => [...(end?.trailing ?? [])],
      again: () => undefined,
      async *rows() {
        for (;;) {
          const message = await take();
          if (message.end !== undefined) {
            end = message.end;
            return;
          }
          const { block, rows, ids, before } = message.units!;
          if (giveBack !== undefined) blocks.push(block);
          const issues = new Map(before);
          yield unpackUnits(ids).map((unit, k): StreamRowUnit => ({ unit, cells: undefined, block, blockRow: rows[k]!, before: issues.get(k) }));
        }
      },
    };
  };
  return { reader, scored };
}
