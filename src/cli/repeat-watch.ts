/**
 * Repeated units looked for once the units are scored, not row by row: what lets the streamed
 * CLI's scoring worker read a row's identity without the key tables of `readWideIdentity`, which
 * took a sixth of that worker's time on a million rows (their lookups, at random places in
 * tables of tens of megabytes, miss the processor's caches at every row). The thread that ranks
 * is given every unit scored anyway, and the scoring worker sends it those an error left out (with
 * them, every row that has an identity): it keeps, for each unit's key (year and name key) and
 * each code (year and code), a 64-bit hash of it, and says whether any was seen twice. When none
 * was, checking row by row would have found no repeat: the stream's units and issues are its own.
 * Otherwise the file is scored again with the checks row by row, for their messages (two keys with
 * one hash, about once in 10^7 files of a million units, cost only that second reading, or send a
 * file streamed on its own to `score()`, as a repeat does). The hashes are not `keyHash`'s: the
 * key's lower case is hashed without making it, and 32 bits would meet a hundred pairs of equal
 * hashes among a million keys.
 *
 * @module
 */
import { cleanNameKey } from "../text/normalize-key.ts";

/** Units' keys and codes seen: `add` each unit; `found` once they are all added. */
export interface RepeatWatch {
  /** Adds a unit: its name (clean, as a stream gives it), code and year. */
  add(unit: string, code: string | undefined, year: number | undefined): void;
  /** True when a unit's key or a code came twice (or two keys had the same hash). */
  readonly found: boolean;
}

/** Buckets the hashes are kept in, by their top bits: each small enough for the processor's caches. */
const BUCKET_BITS = 10;

/**
 * The lower case of each character below U+0250 and of Latin Extended Additional (U+1E00-U+1EFF,
 * Vietnamese letters with two marks), where it is one character (all but U+0130); 0 elsewhere.
 * For a text of such characters, `toLowerCase` is the lower case of each (no rule there looks at
 * the characters around), so its key is hashed without making the lower-case string.
 */
let lower: Uint16Array | undefined;
function lowerCase(): Uint16Array {
  if (lower !== undefined) return lower;
  lower = new Uint16Array(0x1f00);
  for (let c = 0; c < lower.length; c++) {
    if (c >= 0x250 && c < 0x1e00) continue;
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length === 1) lower[c] = l.charCodeAt(0);
  }
  return lower;
}

/**
 * A fresh {@link RepeatWatch}. Each key's two 32-bit hashes are appended to a bucket chosen by
 * their top bits (a few cache lines written at a time, where one set of two million hashes missed
 * the caches at every unit); `found` looks for a pair seen twice in each bucket in turn, once.
 *
 * @example
 * ```ts
 * const watch = repeatWatch();
 * watch.add("Huế", "46", 2024);
 * watch.add("Huế", "46", 2025);
 * watch.found; // => false
 * watch.add("HUẾ", undefined, 2024);
 * watch.found; // => true
 * ```
 */
export function repeatWatch(): RepeatWatch {
  const fold = lowerCase();
  // Bucket b holds its hashes as pairs: (low, high) at 2k and 2k + 1, `fill[b]` pairs.
  const buckets = Array.from({ length: 1 << BUCKET_BITS }, () => new Int32Array(32));
  const fill = new Int32Array(1 << BUCKET_BITS);
  let found: boolean | undefined;
  let low = 0;
  let high = 0;
  // The two hashes of a text (in lower case with `folded`), its kind (a unit's key or a code) and
  // year, into `low` and `high`. False when a character has no lower case in `fold`.
  const hash = (text: string, kind: number, year: number, folded: boolean): boolean => {
    // Hashes of the sequence kind, characters, year (FNV-1a, and a multiply-shift one beside it).
    let a = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
    let b = Math.imul(0x9e3779b9 ^ kind, 0x5bd1e995);
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (folded) {
        c = c < fold.length ? fold[c]! : 0;
        if (c === 0) return false;
      }
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    low = Math.imul(a ^ year, 0x01000193);
    high = Math.imul(b ^ year, 0x5bd1e995);
    return true;
  };
  const put = () => {
    const b = low >>> (32 - BUCKET_BITS);
    let pairs = buckets[b]!;
    const k = fill[b]!++;
    if (2 * k === pairs.length) {
      const grown = new Int32Array(2 * pairs.length);
      grown.set(pairs);
      buckets[b] = pairs = grown;
    }
    pairs[2 * k] = low;
    pairs[2 * k + 1] = high;
  };
  // A pair seen twice in one bucket: an open-addressing set of its pairs' places, made afresh for each.
  const twice = (b: number): boolean => {
    const pairs = buckets[b]!;
    const n = fill[b]!;
    let size = 16;
    while (size < 2 * n) size *= 2;
    const slots = new Int32Array(size); // k + 1; 0: empty
    const mask = size - 1;
    for (let k = 0; k < n; k++) {
      const a = pairs[2 * k]!;
      const h = pairs[2 * k + 1]!;
      let s = a & mask;
      for (; slots[s] !== 0; s = (s + 1) & mask) {
        const j = slots[s]! - 1;
        if (pairs[2 * j] === a && pairs[2 * j + 1] === h) return true;
      }
      slots[s] = k + 1;
    }
    return false;
  };
  return {
    add(unit, code, year = 0) {
      found = undefined;
      if (!hash(unit, 1, year, true)) hash(cleanNameKey(unit), 1, year, false);
      put();
      if (code === undefined) return;
      hash(code, 2, year, false);
      put();
    },
    get found() {
      if (found === undefined) {
        found = false;
        for (let b = 0; b < fill.length && !found; b++) found = twice(b);
      }
      return found;
    },
  };
}
