/**
 * A table of entries keyed by a year and a text, found by their hash: what wide reading remembers
 * of every unit and code to find repeats. A `Map` of a million composite string keys held about
 * 300 bytes a unit (the key, an object per code, the map's own tables) and its garbage collection
 * took a sixth of the reading of a million rows; this keeps each entry's text in a list and its
 * hash, year and number in typed arrays.
 *
 * @module
 */
import { grow } from "../number/grow-array.ts";

/**
 * The hash of a text and a year (FNV-1a over the UTF-16 code units, the year mixed in last), as a
 * signed 32-bit number.
 *
 * @example
 * ```ts
 * keyHash("huế", 2024) === keyHash("huế", 2024); // => true
 * keyHash("huế", 2024) === keyHash("huế", 2025); // => false
 * ```
 */
export function keyHash(text: string, year: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ year, 0x01000193);
}

/** An entry table: `find` and `add` by hash and year; each entry's text and number kept. */
export interface KeyTable {
  /** Entries added. */
  readonly size: number;
  /**
   * The entry of this hash and year whose text has the key `key` (`keyOf(text)`; the text itself
   * by default), or −1. (A key and a function made once, not a test made for every row.)
   */
  find(hash: number, year: number, key: string, keyOf?: (text: string) => string): number;
  /** Adds an entry (not there yet: see `find`) and returns its number: 0, 1, 2 … in order. */
  add(hash: number, year: number, text: string, value: number): number;
  /** The text an entry was added with. */
  text(entry: number): string;
  /** The number an entry holds. */
  value(entry: number): number;
  setValue(entry: number, value: number): void;
}

/** A text as its own key. */
const itself = (text: string): string => text;

/**
 * An empty {@link KeyTable} (open addressing, linear probing, at most half full).
 *
 * @example
 * ```ts
 * const units = keyTable();
 * const h = keyHash("huế", 0);
 * units.find(h, 0, "huế"); // => -1
 * units.add(h, 0, "Huế", 12);
 * units.value(units.find(h, 0, "huế", (text) => text.toLowerCase())); // => 12
 * ```
 */
export function keyTable(): KeyTable {
  let slots = new Int32Array(1024); // entry + 1; 0: empty
  let hashes = new Int32Array(512);
  let years = new Int32Array(512);
  let values = new Int32Array(512);
  const texts: string[] = [];
  let size = 0;
  const place = (hash: number, entry: number) => {
    const mask = slots.length - 1;
    let s = hash & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = entry + 1;
  };
  return {
    get size() {
      return size;
    },
    find(hash, year, key, keyOf = itself) {
      const mask = slots.length - 1;
      for (let s = hash & mask; slots[s] !== 0; s = (s + 1) & mask) {
        const e = slots[s]! - 1;
        if (hashes[e] === hash && years[e] === year && keyOf(texts[e]!) === key) return e;
      }
      return -1;
    },
    add(hash, year, text, value) {
      const e = size++;
      hashes = grow(hashes, size, (n) => new Int32Array(n));
      years = grow(years, size, (n) => new Int32Array(n));
      values = grow(values, size, (n) => new Int32Array(n));
      hashes[e] = hash;
      years[e] = year;
      values[e] = value;
      texts.push(text);
      if (2 * size > slots.length) {
        slots = new Int32Array(2 * slots.length);
        for (let k = 0; k < size; k++) place(hashes[k]!, k);
      } else place(hash, e);
      return e;
    },
    text: (entry) => texts[entry]!,
    value: (entry) => values[entry]!,
    setValue(entry, value) {
      values[entry] = value;
    },
  };
}
