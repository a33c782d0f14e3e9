/**
 * The closest of a few candidate names to a misspelt one, for "did you mean" hints.
 *
 * A hint is a courtesy, so its cost is bounded whatever the input: names longer than
 * {@link MAX_HINT_NAME_LENGTH} get no hint, the edit distance is computed only inside a band as
 * wide as the edits allowed (and stops as soon as every path is over), and each search has a budget
 * of distance cells after which it keeps the best name found so far. Unbounded, a 30,000-character
 * unit name against a merge map took over a minute, and 8,000 unknown headers against a large
 * framework 90 s.
 *
 * @module
 */
import { normalizeKey } from "./normalize-key.ts";

/** Names (after {@link normalizeKey}) longer than this many code points get no hint. */
export const MAX_HINT_NAME_LENGTH = 200;
/** Distance cells one {@link closestName} call may compute (about a millisecond of work). */
export const HINT_CELLS_PER_NAME = 1_000_000;
/** Distance cells one {@link closestNameFinder} may compute for all its names (well under a second). */
export const HINT_CELLS_TOTAL = 20_000_000;

/**
 * Levenshtein distance between two strings, by code point (so "ể" against "ê" is one edit). With
 * `max`, only distances up to `max` are computed exactly: a larger one is returned as `max + 1`,
 * after O(length × max) work instead of O(length²).
 *
 * @example
 * ```ts
 * editDistance("Thê chế số", "Thể chế số"); // => 1
 * editDistance("kitten", "sitting", 1); // => 2 (more than 1)
 * ```
 */
export function editDistance(a: string, b: string, max?: number): number {
  const s = codePoints(a);
  const t = codePoints(b);
  return bandedDistance(s, t, max ?? Math.max(s.length, t.length), { cells: Infinity }, rows(t.length));
}

/**
 * The candidate nearest to `name` (compared by {@link normalizeKey}), when it is within a quarter of
 * the name's length in edits (at least one edit); `undefined` otherwise. Ties go to the first.
 *
 * @example
 * ```ts
 * closestName("Thê chế số", ["Nhận thức số", "Thể chế số"]); // => "Thể chế số"
 * closestName("Dân số", ["Nhận thức số", "Thể chế số"]);     // => undefined
 * ```
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return closestNameFinder(candidates)(name);
}

/**
 * A {@link closestName} search over fixed candidates, normalised once, for asking about many names
 * (one per unknown column). `totalCells` bounds the work of all the searches together: once it is
 * spent, later names get no hint, so thousands of unknown columns cost a bounded time.
 *
 * @example
 * ```ts
 * const hint = closestNameFinder(["Nhận thức số", "Thể chế số"]);
 * hint("Thê chế số"); // => "Thể chế số"
 * hint("Dân số"); // => undefined
 * ```
 */
export function closestNameFinder(candidates: Iterable<string>, totalCells = HINT_CELLS_TOTAL): (name: string) => string | undefined {
  const prepared: { name: string; points: Int32Array }[] = [];
  for (const candidate of candidates) {
    const key = normalizeKey(candidate);
    // A candidate this long is further than any allowed distance from every hinted name.
    if (key.length <= 2 * MAX_HINT_NAME_LENGTH) prepared.push({ name: candidate, points: codePoints(key) });
  }
  const total = { cells: totalCells };
  // Shared by every comparison: no candidate is longer than this.
  const buffers = rows(2 * MAX_HINT_NAME_LENGTH);
  return (name) => {
    const key = normalizeKey(name);
    if (key.length > 2 * MAX_HINT_NAME_LENGTH) return undefined;
    const points = codePoints(key);
    if (points.length > MAX_HINT_NAME_LENGTH || total.cells <= 0) return undefined;
    const budget = { cells: Math.min(HINT_CELLS_PER_NAME, total.cells) };
    let limit = Math.max(1, Math.floor(points.length / 4));
    let best: string | undefined;
    for (const candidate of prepared) {
      // Every candidate looked at costs a cell, so many cheap skips are bounded too.
      if (--budget.cells <= 0) break;
      // The length difference alone is a lower bound on the distance.
      if (Math.abs(candidate.points.length - points.length) > limit) continue;
      const d = bandedDistance(points, candidate.points, limit, budget, buffers);
      if (d <= limit) {
        best = candidate.name;
        if (d === 0) break;
        // Only a strictly nearer candidate can replace it (ties go to the first).
        limit = d - 1;
      }
    }
    total.cells -= Math.min(HINT_CELLS_PER_NAME, total.cells) - budget.cells;
    return best;
  };
}

function rows(length: number): [Int32Array, Int32Array] {
  return [new Int32Array(length + 1), new Int32Array(length + 1)];
}

function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ch.codePointAt(0) as number;
  return out.subarray(0, n);
}

/**
 * Levenshtein distance computed only for cells within `max` of the diagonal (a path leaving the
 * band already costs more than `max`); returns `max + 1` when the distance is over `max`, when
 * every cell of a row is, or when `budget.cells` runs out (which it decreases).
 */
function bandedDistance(s: Int32Array, t: Int32Array, max: number, budget: { cells: number }, buffers: [Int32Array, Int32Array]): number {
  const n = s.length;
  const m = t.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  const big = over + 1;
  // The buffers hold earlier comparisons' values: only cells inside the band are read, and those
  // are written first, except the two edges set below.
  let [prev, row] = buffers;
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    budget.cells -= to - from + 1;
    if (budget.cells < 0) return over;
    // The band's edges: left of it a path costs more than `max`, and the cell right of the last
    // row's band was never computed.
    row[from - 1] = from === 1 ? i : big;
    if (to === i + max) prev[to] = big;
    let rowMin = row[from - 1] as number;
    const c = s[i - 1];
    for (let j = from; j <= to; j++) {
      let v = (prev[j] as number) + 1;
      const insert = (row[j - 1] as number) + 1;
      if (insert < v) v = insert;
      const replace = (prev[j - 1] as number) + (c === t[j - 1] ? 0 : 1);
      if (replace < v) v = replace;
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return over;
    const swap = prev;
    prev = row;
    row = swap;
  }
  const d = prev[m] as number;
  return d > max ? over : d;
}
