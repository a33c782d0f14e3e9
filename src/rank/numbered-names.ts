/**
 * Names that end in a whole number ("Phường 12", "Doanh nghiệp 354568"), read once for the order
 * of tied units: the streamed CLI lists a million units, most of them tied with hundreds of others,
 * and comparing such names by their numbers took a third of the time of collating them.
 *
 * @module
 */
import { grow } from "../number/grow-array.ts";
import { trailingNumberStart } from "../text/collator.ts";

/** Each name's stem (equal numbers, equal texts before the final number; −1: none) and final number. */
export interface NumberedNames {
  readonly stem: Int32Array;
  readonly number: Float64Array;
}

/**
 * The stems and final numbers of `count` names, for `resultOrder`: two names of the same stem
 * whose numbers differ are in the order of the numbers, as the collator orders them (see
 * `trailingNumberStart`).
 *
 * @example
 * ```ts
 * const n = numberedNames(3, (i) => ["Phường 10", "Huế", "Phường 9"][i]);
 * Array.from(n.stem); // => [0, -1, 0]
 * Array.from(n.number); // => [10, 0, 9]
 * ```
 */
export function numberedNames(count: number, unit: (i: number) => string): NumberedNames {
  const reader = numberedNameReader(count);
  for (let i = 0; i < count; i++) reader.add(unit(i));
  return reader.names();
}

/**
 * {@link numberedNames} of names given one at a time (`add`), as they come (the streamed CLI
 * reads them while the units are scored, not all at the end); `names()` gives those added so far.
 *
 * @example
 * ```ts
 * const reader = numberedNameReader();
 * reader.add("Phường 10");
 * reader.add("Phường 9");
 * Array.from(reader.names().number); // => [10, 9]
 * ```
 */
export function numberedNameReader(capacity = 16): { add(name: string): void; names(): NumberedNames } {
  const stems = new Map<string, number>();
  let stem = new Int32Array(Math.max(1, capacity));
  let number = new Float64Array(Math.max(1, capacity));
  let count = 0;
  // The stem of the last numbered name: names of one stem mostly come together, and a name that
  // starts with it is not cut into a new string to be looked up.
  let last = "";
  let lastId = -1;
  return {
    add(name) {
      if (count === stem.length) {
        stem = grow(stem, count + 1, (n) => new Int32Array(n));
        number = grow(number, count + 1, (n) => new Float64Array(n));
      }
      const at = trailingNumberStart(name);
      if (at < 0) {
        stem[count++] = -1;
        return;
      }
      if (at !== last.length || lastId < 0 || !name.startsWith(last)) {
        last = name.slice(0, at);
        const id = stems.get(last);
        if (id === undefined) stems.set(last, (lastId = stems.size));
        else lastId = id;
      }
      stem[count] = lastId;
      // At most 15 digits: exact, digit by digit.
      let x = 0;
      for (let j = at; j < name.length; j++) x = 10 * x + name.charCodeAt(j) - 48;
      number[count++] = x;
    },
    names: () => ({ stem: stem.subarray(0, count), number: number.subarray(0, count) }),
  };
}
