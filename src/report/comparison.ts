/**
 * Comparing two sets of results for the same units: two years of one result, or two results
 * (before/after, e.g. 63 provinces then 34 merged ones).
 *
 * @module
 */
import { checkArgument, DtiError, error, isResultLike } from "../errors.ts";
import { RAT_ZERO, rat, ratAdd, ratDiv, ratFromDecimal, ratScaledHalfUp, ratSub, scaledText, type Rational } from "../number/rational.ts";
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { nodeInfo, nodeValue } from "./unit-stats.ts";

/** Options of {@link comparisonRows}. */
export interface ComparisonOptions {
  /** The earlier result (before/after). Without it, two years of the one result are compared. */
  readonly before?: ScoreResult;
  /** Earlier year (one result with years); default the second latest. */
  readonly from?: number;
  /** Later year; default the latest. */
  readonly to?: number;
  /** Node or view compared; default the index (root). */
  readonly node?: string;
}

/** One unit's change. Values are published texts; `change` is their exact difference. */
export interface ComparisonRow {
  readonly unit: string;
  readonly group?: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly beforeRank: number | null;
  readonly afterRank: number | null;
  /** after − before, exact, with the framework's decimals ("0.0123", "-0.0040"); null when either is missing. */
  readonly change: string | null;
  /** For a merged unit with no earlier row of its own: the members whose mean is `before`. */
  readonly members?: readonly string[];
}

/** The two sides of a comparison with their labels (years, or undefined for before/after). */
export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  readonly fromYear?: number;
  readonly toYear?: number;
  /** Decimals of published values. */
  readonly decimals: number;
}

function years(result: ScoreResult): number[] {
  return [...new Set(result.units.map((u) => u.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
}

function rankOf(result: ScoreResult, u: UnitResult, node: string): number | null {
  return node === result.root ? u.rank : (u.nodes[node]?.rank ?? null);
}

/**
 * Pairs each later unit with its earlier self, matched by name (after Unicode and case
 * normalisation), else by code. A merged unit with no earlier row of its own is compared
 * with the exact mean of its members' earlier published values (how merged scores are built).
 * Rows keep the later result's order (rank, then name); units only in the earlier side are left out.
 * Throws `REPORT_NO_DATA` when there are not two years to compare.
 *
 * @example
 * ```ts
 * comparisonRows(twoYears).rows[0]; // => { unit: "Gia Lai", before: "0.8253", after: "0.8587", change: "0.0334", … }
 * ```
 */
export function comparisonRows(result: ScoreResult, options: ComparisonOptions = {}): Comparison {
  checkArgument(isResultLike(result), "comparisonRows", "the result of score()", result);
  const node = options.node ?? result.root;
  nodeInfo(result, node);
  let earlier: { result: ScoreResult; units: UnitResult[] };
  let later: UnitResult[];
  let fromYear: number | undefined;
  let toYear: number | undefined;
  if (options.before !== undefined) {
    const latestOf = (r: ScoreResult) => years(r).at(-1);
    fromYear = options.from ?? latestOf(options.before);
    toYear = options.to ?? latestOf(result);
    earlier = { result: options.before, units: options.before.units.filter((u) => u.year === fromYear) };
    later = result.units.filter((u) => u.year === toYear);
  } else {
    const ys = years(result);
    toYear = options.to ?? ys.at(-1);
    fromYear = options.from ?? ys.filter((y) => toYear === undefined || y < toYear).at(-1);
    if (fromYear === undefined || toYear === undefined || fromYear === toYear) {
      throw new DtiError([error("REPORT_NO_DATA", `a comparison needs two years in the result (found ${ys.length === 0 ? "none" : ys.join(", ")}), or a "before" result`)]);
    }
    earlier = { result, units: result.units.filter((u) => u.year === fromYear) };
    later = result.units.filter((u) => u.year === toYear);
  }
  const byCode = new Map(earlier.units.filter((u) => u.code !== undefined).map((u) => [normalizeKey(u.code ?? ""), u]));
  const byName = new Map(earlier.units.map((u) => [normalizeKey(u.unit), u]));
  const places = result.framework.decimals;
  const rows = later.map((u): ComparisonRow => {
    const match = byName.get(normalizeKey(u.unit)) ?? (u.code !== undefined && u.members === undefined ? byCode.get(normalizeKey(u.code)) : undefined);
    const after = nodeValue(result, u, node);
    let before: string | null = null;
    let members: string[] | undefined;
    if (match !== undefined) {
      before = nodeValue(earlier.result, match, node);
    } else if (u.members !== undefined && u.members.length > 0) {
      const found = u.members.map((m) => byName.get(normalizeKey(m)));
      const values = found.map((f) => (f === undefined ? null : nodeValue(earlier.result, f, node)));
      if (values.every((v): v is string => v !== null)) {
        before = fixed(ratDiv(values.reduce((s: Rational, v) => ratAdd(s, ratFromDecimal(v)!), RAT_ZERO), rat(BigInt(values.length))), places);
        members = [...u.members];
      }
    }
    return {
      unit: u.unit,
      ...(u.group !== undefined ? { group: u.group } : {}),
      before,
      after,
      beforeRank: match === undefined ? null : rankOf(earlier.result, match, node),
      afterRank: rankOf(result, u, node),
      change: before === null || after === null ? null : fixed(ratSub(ratFromDecimal(after)!, ratFromDecimal(before)!), places),
      ...(members !== undefined ? { members } : {}),
    };
  });
  return { rows, ...(fromYear !== undefined ? { fromYear } : {}), ...(toYear !== undefined ? { toYear } : {}), decimals: places };
}

/**
 * after − before of two published values, published: as integers in units of the last decimal
 * when both have `places` decimals (exact, and a million rows take a fraction of the time), else
 * with decimal.js. The same text either way ("0.0123", "-0.0040", "0.0000").
 */
export function exactChange(after: string, before: string, places: number): string {
  const a = scaled(after, places);
  const b = scaled(before, places);
  if (a !== undefined && b !== undefined && Number.isSafeInteger(a - b)) {
    const d = a - b;
    const digits = String(Math.abs(d)).padStart(places + 1, "0");
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return d < 0 ? `-${text}` : text;
  }
  return fixed(ratSub(ratFromDecimal(after)!, ratFromDecimal(before)!), places);
}

/** A published value in units of its last decimal, or undefined when it has not `places` decimals. */
function scaled(value: string, places: number): number | undefined {
  const dot = value.indexOf(".");
  if (places === 0 ? dot >= 0 : dot < 0 || value.length - dot - 1 !== places) return undefined;
  if (!/^-?\d+(?:\.\d+)?$/u.test(value)) return undefined;
  const n = Number(places === 0 ? value : value.slice(0, dot) + value.slice(dot + 1));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Row orders of a comparison: the later ranking, largest rise first, or largest change either way first. */
export type ComparisonSort = "after" | "change" | "magnitude";

/**
 * Orders comparison rows: "after" keeps the later ranking, "change" puts the largest rise first,
 * "magnitude" the largest change up or down first; rows without a change go last. Stable.
 *
 * @example
 * ```ts
 * sortComparison(comparisonRows(twoYears).rows, "magnitude").slice(0, 3).map((r) => r.change); // => ["0.0435", "0.0404", "0.0340"]
 * ```
 */
export function sortComparison(rows: readonly ComparisonRow[], sort: ComparisonSort = "after"): ComparisonRow[] {
  if (sort === "after") return [...rows];
  const key = (r: ComparisonRow) => (r.change === null ? -Infinity : sort === "change" ? Number(r.change) : Math.abs(Number(r.change)));
  return rows.map((r, i) => ({ r, i })).sort((a, b) => key(b.r) - key(a.r) || a.i - b.i).map((x) => x.r);
}

/** Half-up to `places` decimals, as published values are written. */
function fixed(x: Rational, places: number): string {
  return scaledText(ratScaledHalfUp(x, places), places);
}
