/**
 * The scan that tells whether DuckDB's typed read of a CSV file reads its numbers as the text path
 * does (see `csv-typed-read.ts` for the spellings it looks for, and why): every byte of the file
 * looked at once, by a table of states made from {@link nextSeen}, two parts of each read at once.
 *
 * @module
 */
import { open } from "node:fs/promises";

/** The kind of a byte, as far as the scan tells bytes apart. */
type Kind = "digit" | "dot" | "underscore" | "quote" | "newline" | "other";

const kindOf = (b: number): Kind =>
  b >= 0x30 && b <= 0x39 ? "digit" : b === 0x2e ? "dot" : b === 0x5f ? "underscore" : b === 0x22 ? "quote" : b === 0x0a || b === 0x0d ? "newline" : "other";

/**
 * What the scan keeps of the bytes read: the last one's kind, whether that is a "." after a digit,
 * and how many digits follow the last "." (−1: none).
 */
interface Seen {
  readonly last: Kind;
  readonly digitDot: boolean;
  readonly decimals: number;
  /** Digits of the run of whole digits being read, from 1 to 3 while it may be the "1" of "1.050" (not after "0"); else −1. */
  readonly lead: number;
  /** After such a run, a "." and at most three digits: "1.050" ends here if the cell does. */
  readonly lone: boolean;
}

/** Where the scan is after byte `b`; undefined once the bytes hold a spelling DuckDB reads otherwise. */
function nextSeen(seen: Seen, b: number, places: number): Seen | undefined {
  const kind = kindOf(b);
  if (kind === "digit") {
    if (seen.last === "underscore" || (seen.decimals >= 0 && seen.decimals >= places)) return undefined;
    const decimals = seen.decimals >= 0 ? seen.decimals + 1 : -1;
    const lead = decimals >= 0 ? -1 : seen.last !== "digit" ? (b === 0x30 ? -1 : 1) : seen.lead >= 1 && seen.lead < 3 ? seen.lead + 1 : -1;
    return { last: kind, digitDot: false, decimals, lead, lone: seen.lone && decimals <= 3 };
  }
  // "1.050" (a lone "." before three digits, 1-3 digits before it, the first not 0) read as a
  // DECIMAL is 1.05 with no word that the library asks whether it means 1050: the text path asks.
  if (seen.lone && seen.decimals === 3) return undefined;
  // Tab, vertical tab, form feed; a "." after a digit and before no digit ("5.").
  if (b === 0x09 || b === 0x0b || b === 0x0c || seen.digitDot) return undefined;
  if ((b === 0x65 || b === 0x45 || b === 0x5f) && (seen.last === "digit" || seen.last === "dot")) return undefined;
  // A line break next to a quote: a quoted cell may hold one around a number.
  if ((kind === "newline" && seen.last === "quote") || (kind === "quote" && seen.last === "newline")) return undefined;
  return { last: kind, digitDot: kind === "dot" && seen.last === "digit", decimals: kind === "dot" ? 0 : -1, lead: -1, lone: kind === "dot" && seen.last === "digit" && seen.lead >= 1 };
}

/** {@link nextSeen} as a table: `table[state << 8 | byte]` is the next state, 0 once the scan says no. */
interface ScanTable {
  readonly table: Uint8Array;
  /** 1 for a state that is readable where the file ends (not after "5."). */
  readonly atEnd: Uint8Array;
  /** 1 for a byte after which the state is the start's from any state (or the scan said no): a comma, a letter. */
  readonly resets: Uint8Array;
}

/** The start state, also the state after a comma. */
const START = 1;

/** Most decimals the table is made for: its states (about 15 + places, numbered from 1) are bytes. */
export const MAX_SCAN_PLACES = 230;

/** Every state {@link nextSeen} reaches from the start, numbered from 1 (0: the scan said no). */
export function scanTable(places: number): ScanTable {
  const key = (s: Seen) => `${s.last} ${s.digitDot} ${s.decimals} ${s.lead} ${s.lone}`;
  const states: Seen[] = [{ last: "other", digitDot: false, decimals: -1, lead: -1, lone: false }];
  const ids = new Map([[key(states[0]!), START]]);
  const next: number[] = [];
  for (let q = 0; q < states.length; q++) {
    for (let b = 0; b < 256; b++) {
      const seen = nextSeen(states[q]!, b, places);
      if (seen !== undefined && !ids.has(key(seen))) ids.set(key(seen), states.push(seen));
      next.push(seen === undefined ? 0 : ids.get(key(seen))!);
    }
  }
  const table = new Uint8Array((states.length + 1) << 8);
  table.set(next, 1 << 8);
  const resets = new Uint8Array(256);
  for (let b = 0; b < 256; b++) resets[b] = states.every((_, q) => table[((q + 1) << 8) | b]! <= START) ? 1 : 0;
  return { table, atEnd: Uint8Array.from([0, ...states.map((s) => (s.digitDot || (s.lone && s.decimals === 3) ? 0 : 1))]), resets };
}

function runBytes(table: Uint8Array, bytes: Uint8Array, from: number, to: number, state: number): number {
  for (let i = from; i < to; i++) state = table[(state << 8) | bytes[i]!]!;
  return state;
}

/**
 * The state after `bytes[0, n)` from `state`. The bytes are read as two halves at once, the second
 * from the start state after a byte that resets it: one chain of look-ups waits on each one
 * before, two keep the processor busy (twice as fast).
 */
export function scanBytes(scan: ScanTable, bytes: Uint8Array, n: number, state: number): number {
  const { table } = scan;
  let cut = n >> 1;
  while (cut < n && scan.resets[bytes[cut]!] === 0) cut++;
  if (cut >= n - 1) return runBytes(table, bytes, 0, n, state);
  // The halves [0, cut] and (cut, n).
  const second = cut + 1;
  const both = Math.min(second, n - second);
  let a = state;
  let b = START;
  for (let i = 0; i < both; i++) {
    a = table[(a << 8) | bytes[i]!]!;
    b = table[(b << 8) | bytes[second + i]!]!;
  }
  a = runBytes(table, bytes, both, second, a);
  return a === 0 ? 0 : runBytes(table, bytes, second + both, n, b);
}

/**
 * Whether DuckDB's DECIMAL reading reads every number of the file as the text path does: none of
 * the spellings they read differently appears in the file's bytes (see `csv-typed-read.ts`).
 * Not for more than {@link MAX_SCAN_PLACES} decimals (the typed read stops at 12): then false.
 */
export async function csvNumbersReadable(path: string, places: number): Promise<boolean> {
  if (places > MAX_SCAN_PLACES) return false;
  const scan = scanTable(places);
  const file = await open(path, "r");
  const buffer = Buffer.allocUnsafe(1 << 22);
  let state = START;
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return scan.atEnd[state] === 1;
      state = scanBytes(scan, buffer, bytesRead, state);
      if (state === 0) return false;
    }
  } finally {
    await file.close();
  }
}
