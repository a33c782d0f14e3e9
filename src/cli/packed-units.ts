/**
 * Units' identities as columns for a message between threads: the streamed CLI's scoring worker
 * sends every unit with its scores to the main thread. Copied as objects, a batch of 1,024 units
 * took about 0.5 ms to copy and read back, half a second of the million rows' time; as columns (a
 * list per field, numbers in typed arrays) a quarter of that.
 *
 * @module
 */
import type { StreamUnitId } from "../stream/stream-types.ts";

/** Units as columns: a list per field, absent where no unit has the field. */
export interface PackedUnits {
  readonly unit: readonly string[];
  readonly row: Int32Array;
  readonly code?: readonly (string | undefined)[];
  readonly group?: readonly (string | undefined)[];
  /** NaN: no year. */
  readonly year?: Float64Array;
  /** The units not ranked (by position) and their notes. */
  readonly unranked?: readonly (readonly [number, string | undefined])[];
}

/**
 * The units as columns ({@link unpackUnits} gives them back).
 *
 * @example
 * ```ts
 * const packed = packUnits([{ unit: "Huế", code: "46", row: 2 }, { unit: "Hà Nội", row: 3, ranked: false }]);
 * packed.unit; // => ["Huế", "Hà Nội"]
 * unpackUnits(packed)[1]; // => { unit: "Hà Nội", row: 3, ranked: false }
 * ```
 */
export function packUnits(units: readonly StreamUnitId[]): PackedUnits {
  const n = units.length;
  const unit = new Array<string>(n);
  const row = new Int32Array(n);
  let code: (string | undefined)[] | undefined;
  let group: (string | undefined)[] | undefined;
  let year: Float64Array | undefined;
  let unranked: [number, string | undefined][] | undefined;
  for (let k = 0; k < n; k++) {
    const u = units[k]!;
    unit[k] = u.unit;
    row[k] = u.row;
    if (u.code !== undefined) (code ??= new Array<string | undefined>(n))[k] = u.code;
    if (u.group !== undefined) (group ??= new Array<string | undefined>(n))[k] = u.group;
    if (u.year !== undefined) (year ??= new Float64Array(n).fill(NaN))[k] = u.year;
    if (u.ranked === false || u.rankNote !== undefined) (unranked ??= []).push([u.ranked === false ? k : -1 - k, u.rankNote]);
  }
  return { unit, row, ...(code !== undefined ? { code } : {}), ...(group !== undefined ? { group } : {}), ...(year !== undefined ? { year } : {}), ...(unranked !== undefined ? { unranked } : {}) };
}

/** The units {@link packUnits} packed, each with the fields it had, in the order identities are made. */
export function unpackUnits(packed: PackedUnits): StreamUnitId[] {
  const { unit, row, code, group, year } = packed;
  // A unit not ranked is marked by its position k ≥ 0; a note alone by −1 − k.
  const marks = new Map<number, readonly [boolean, string | undefined]>();
  for (const [at, note] of packed.unranked ?? []) marks.set(at >= 0 ? at : -1 - at, [at >= 0, note]);
  const units = new Array<StreamUnitId>(unit.length);
  for (let k = 0; k < unit.length; k++) {
    const u: { -readonly [K in keyof StreamUnitId]?: StreamUnitId[K] } = { unit: unit[k]! };
    const c = code?.[k];
    if (c !== undefined) u.code = c;
    const g = group?.[k];
    if (g !== undefined) u.group = g;
    const y = year?.[k];
    if (y !== undefined && !Number.isNaN(y)) u.year = y;
    const mark = marks.get(k);
    if (mark?.[0] === true) u.ranked = false;
    if (mark?.[1] !== undefined) u.rankNote = mark[1];
    u.row = row[k]!;
    units[k] = u as StreamUnitId;
  }
  return units;
}
