/**
 * The closest of a few candidate names to a misspelt one, for "did you mean" hints.
 *
 * @module
 */
import { normalizeKey } from "./normalize-key.ts";

/**
 * Levenshtein distance between two strings, by code point (so "ể" against "ê" is one edit).
 *
 * @example
 * ```ts
 * editDistance("Thê chế số", "Thể chế số"); // => 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[t.length] as number;
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
  const key = normalizeKey(name);
  const limit = Math.max(1, Math.floor([...key].length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(key, normalizeKey(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
