/**
 * The CSV lines of a ranking written as UTF-8 bytes from a unit's numbers (the streamed CLI's pass
 * 2): the same lines as {@link csvRankingWriter}, cell for cell through {@link csvCellText}, but a
 * node's published value is copied from its text encoded once per value and its rank is written
 * digit by digit, without a string per cell. A million units × 100 nodes are 200 million cells.
 *
 * @module
 */
import { rankingColumns } from "./ranking-columns.ts";
import type { RankingShape, RankingUnit } from "./ranking-shape.ts";
import { csvCellText, csvHeader, type CsvReportOptions } from "./to-csv.ts";
import type { NodeCells } from "../pipeline/unit-nodes.ts";
import { formatScaled } from "../number/publish-float.ts";
import { csvCell } from "./escape.ts";
import { addText, room, utf8Into, type ByteBuffer } from "../text/utf8-bytes.ts";

/**
 * Bytes a unit's name and code cells take in a stream record (see {@link keepIdentity}): the
 * streamed CLI's pass 1 keeps them beside each unit's numbers, so that pass 2, which writes the
 * units in rank order, reads them in that order with the numbers instead of from a million
 * strings at random places in memory.
 */
export const IDENTITY_BYTES = 64;

/** A name and code not kept (too long, or with a character outside the Basic Multilingual Plane). */
const NOT_KEPT = 255;

/**
 * Keeps a unit's name and code cells as the CSV rows write them (`csvCell`, UTF-8) in
 * `bytes[at … at + IDENTITY_BYTES)`: the two lengths, then the bytes. False when they do not fit
 * (the rows then write the unit's own strings).
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(IDENTITY_BYTES);
 * keepIdentity(bytes, 0, "Huế", "46", ","); // => true
 * Array.from(bytes.subarray(0, 8)); // => [5, 2, 72, 117, 225, 186, 191, 52]
 * ```
 */
export function keepIdentity(bytes: Uint8Array, at: number, unit: string, code: string | undefined, delimiter: string): boolean {
  const end = at + IDENTITY_BYTES;
  const name = utf8Into(bytes, at + 2, end, csvCell(unit, delimiter));
  const codeText = code === undefined ? "" : csvCell(code, delimiter);
  const last = name < 0 ? -1 : utf8Into(bytes, name, end, codeText);
  if (last < 0) {
    bytes[at] = NOT_KEPT;
    return false;
  }
  bytes[at] = name - at - 2;
  bytes[at + 1] = last - name;
  return true;
}

/** True when {@link keepIdentity} kept the name and code at `at`. */
export function keepsIdentity(bytes: Uint8Array, at: number): boolean {
  return bytes[at] !== NOT_KEPT;
}

/** Appends `size` bytes of `from` starting at `start`. */
function addBytes(out: ByteBuffer, from: Uint8Array, start: number, size: number): void {
  room(out, size);
  const bytes = out.bytes;
  const at = out.length;
  for (let j = 0; j < size; j++) bytes[at + j] = from[start + j]!;
  out.length = at + size;
}

/** One unit's node numbers by plan position: published values scaled (0.8002 → 8002, NaN missing) and ranks (0: none). */
export interface NodeNumbers {
  readonly published: ArrayLike<number>;
  readonly ranks: ArrayLike<number>;
}

/**
 * Cell codes: a column read from the unit, a node's value, a node's rank, a node not in the table
 * (blank as missing); and the unit's own cells every ranking has, read from it without the
 * column's `cell` (a call through a different function per column, a third of a row's time): its
 * rank, name and code, and its coverage.
 */
const HEAD = 0;
const VALUE = 1;
const RANK = 2;
const ABSENT = 3;
const UNIT_RANK = 4;
const UNIT_NAME = 5;
const UNIT_CODE = 6;
const COVERAGE = 7;

/** Whole-number published values with a text table: 0 … 10^places (scores in [0, 1]), places ≤ 4. */
const TABLED = 4;

/**
 * The CSV ranking lines of a stream as bytes: `header`, then `row` appends one unit's line. Node
 * cells are read by plan position (`index`: node id → position, the index excluded, whose value
 * is read at `root` when given, else from the unit); `places` is the number of decimals the values
 * were published with.
 *
 * @example
 * ```ts
 * const w = csvByteRows(shape, {}, new Map([["p0", 1]]), 4);
 * const out = { bytes: new Uint8Array(64), length: 0 };
 * // The unit's own cells (rank, name, index value, coverage) come from `unit`, node p0's from position 1:
 * w.row(unit, { published: [8002, 7500], ranks: [1, 3] }, out); // out.bytes: "1,Huế,0.8002,0.7500,3,1\r\n"
 * ```
 */
export function csvByteRows(shape: RankingShape, options: CsvReportOptions, index: ReadonlyMap<string, number>, places: number, root?: number) {
  const cols = rankingColumns(shape, options);
  const write = csvCellText(options);
  const delimiter = (options.delimiter ?? ",").charCodeAt(0);
  const code = Int8Array.from(cols, (c) => {
    if (c.node !== undefined) return !index.has(c.node.id) ? ABSENT : c.node.read === "rank" ? RANK : VALUE;
    if (c.id === shape.root && c.kind === "value" && root !== undefined) return VALUE;
    if (c.id === "rank" && c.kind === "rank") return UNIT_RANK;
    if (c.id === "unit" && c.kind === "text") return UNIT_NAME;
    if (c.id === "code" && c.kind === "text") return UNIT_CODE;
    return c.id === "coverage" && c.kind === "share" ? COVERAGE : HEAD;
  });
  const at = Int32Array.from(cols, (c) => (c.node !== undefined ? (index.get(c.node.id) ?? -1) : c.id === shape.root ? (root ?? -1) : -1));
  const values = valueTexts(write, places);
  const none: NodeCells = { score: () => null, value: () => null, coverage: () => null, rank: () => null, groupRank: () => null };
  // The most a node cell takes: a tabled value or a rank of up to 10 digits, and the delimiter.
  const cellRoom = Math.max(values.width, 10) + 1;
  let lastShare: number | undefined;
  let lastShareText = "";
  return {
    header: csvHeader(cols, options),
    /**
     * Appends unit `u`'s line (CRLF-terminated) to `out`; its name and code cells from `kept` at
     * `keptAt` when {@link keepIdentity} kept them there.
     */
    row(u: RankingUnit, nodes: NodeNumbers, out: ByteBuffer, kept?: Uint8Array, keptAt = 0): void {
      const nameSize = kept === undefined ? NOT_KEPT : kept[keptAt]!;
      for (let k = 0; k < cols.length; k++) {
        room(out, cellRoom);
        if (k > 0) out.bytes[out.length++] = delimiter;
        const c = code[k]!;
        if (c === RANK) addRank(out, nodes.ranks[at[k]!]!);
        else if (c === VALUE) addValue(out, values, write, nodes.published[at[k]!]!, places);
        else if (c === UNIT_NAME) nameSize !== NOT_KEPT ? addBytes(out, kept!, keptAt + 2, nameSize) : addText(out, write("text", u.unit));
        else if (c === UNIT_CODE) nameSize !== NOT_KEPT ? addBytes(out, kept!, keptAt + 2 + nameSize, kept![keptAt + 1]!) : addText(out, write("text", u.code ?? null));
        else if (c === ABSENT) addText(out, write(cols[k]!.kind, null));
        else {
          const kind = cols[k]!.kind;
          const v = c === UNIT_RANK ? u.rank : c === COVERAGE ? u.coverage : cols[k]!.cell(u, none);
          // The unit's rank and year as digits; its coverage (mostly the same from unit to unit) encoded once per value.
          if (kind === "rank" && typeof v === "number" && Number.isInteger(v) && v > 0 && v < 2 ** 31) addRank(out, v);
          else if (kind === "share" && typeof v === "number") {
            if (!Object.is(v, lastShare)) {
              lastShare = v;
              lastShareText = write(kind, v);
            }
            addText(out, lastShareText);
          } else addText(out, write(kind, v));
        }
      }
      room(out, 2);
      out.bytes[out.length++] = 13;
      out.bytes[out.length++] = 10;
    },
  };
}

/** The encoded text of each tabled value (`width` bytes apart, `sizes` long), or an empty table beyond 4 decimals. */
interface ValueTexts {
  readonly bytes: Uint8Array;
  readonly sizes: Uint8Array;
  readonly width: number;
  readonly last: number;
}

const encoder = new TextEncoder();

function valueTexts(write: ReturnType<typeof csvCellText>, places: number): ValueTexts {
  if (places > TABLED) return { bytes: new Uint8Array(0), sizes: new Uint8Array(0), width: 0, last: -1 };
  const last = 10 ** places;
  const texts = Array.from({ length: last + 1 }, (_, k) => encoder.encode(write("value", formatScaled(k, places))));
  const width = texts.reduce((w, t) => Math.max(w, t.length), 0);
  const bytes = new Uint8Array(width * (last + 1));
  const sizes = new Uint8Array(last + 1);
  texts.forEach((t, k) => {
    bytes.set(t, k * width);
    sizes[k] = t.length;
  });
  return { bytes, sizes, width, last };
}

/** A published value (scaled, NaN missing): from the table, else its text as the CSV writer writes it. */
function addValue(out: ByteBuffer, values: ValueTexts, write: ReturnType<typeof csvCellText>, key: number, places: number): void {
  if (key >= 0 && key <= values.last && (key | 0) === key) {
    addBytes(out, values.bytes, key * values.width, values.sizes[key]!);
    return;
  }
  addText(out, write("value", key !== key ? null : formatScaled(key, places)));
}

/** A rank's digits (0: none, a blank cell); whole numbers below 2^31, so `| 0` divides exactly. */
function addRank(out: ByteBuffer, rank: number): void {
  if (!(rank > 0)) return;
  const digits = rank < 10 ? 1 : rank < 100 ? 2 : rank < 1000 ? 3 : rank < 10000 ? 4 : rank < 100000 ? 5 : rank < 1000000 ? 6 : rank < 10000000 ? 7 : rank < 100000000 ? 8 : rank < 1000000000 ? 9 : 10;
  const bytes = out.bytes;
  let p = out.length + digits;
  out.length = p;
  for (let r = rank | 0; r > 0; ) {
    const q = (r / 10) | 0;
    bytes[--p] = 48 + r - 10 * q;
    r = q;
  }
}
