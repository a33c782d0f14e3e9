/**
 * Merges units into new ones (the 2025 province merger: 63 → 34): a merged unit's leaf scores
 * are the unweighted mean of its members' leaf scores.
 *
 * @module
 */
import { error, showList, showValue, warning, type Issue } from "../errors.ts";
import type { UnitInput } from "../input/read-units.ts";
import { UNIT_ROUNDOFF as U } from "../number/publish-float.ts";
import { RAT_ZERO, rat, ratAdd, ratDiv } from "../number/rational.ts";
import { exactly, isExact, type Enclosure } from "../number/enclosure.ts";
import { closestNameFinder } from "../text/closest-name.ts";
import { cleanName } from "../text/clean-name.ts";
import { compareVi } from "../text/collator.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import type { CompiledFramework } from "./compile.ts";
import { nodeColumns, type NodeColumns } from "./evaluate-nodes.ts";

/** One line of a merge mapping: `unit` becomes part of `into`. */
export interface MergeEntry {
  readonly unit: string;
  readonly into: string;
  /** Code of the merged unit (optional). */
  readonly code?: string;
  /** Group of the merged unit (optional; else the members' common group). */
  readonly group?: string;
}

/** A merge mapping: entries, or a plain `{ unit: into }` object or Map. */
export type MergeMapping = readonly MergeEntry[] | ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** A unit after merging: its input, the units it was made of (indices), and their names when merged. */
export interface MergedUnit {
  readonly input: UnitInput;
  /** Indices (in the units given) of the units it is made of: one for a unit left as it was. */
  readonly from: readonly number[];
  /** Names of the units merged into this one (absent for units left as they were). */
  readonly members?: readonly string[];
}

/** Reads any accepted mapping form into entries (names NFC-normalised and trimmed). */
export function mergeEntries(mapping: MergeMapping): MergeEntry[] {
  const clean = cleanName;
  let pairs: MergeEntry[];
  if (Array.isArray(mapping)) pairs = [...(mapping as readonly MergeEntry[])];
  else if (mapping instanceof Map) pairs = [...(mapping as ReadonlyMap<string, string>)].map(([unit, into]) => ({ unit, into }));
  else pairs = Object.keys(mapping).map((unit) => ({ unit, into: (mapping as Readonly<Record<string, string>>)[unit] as string }));
  return pairs.map((e) => ({ ...e, unit: clean(e.unit), into: clean(e.into) }));
}

/**
 * Applies a merge mapping to scored units. Units the mapping does not name stay as they are, but
 * a unit whose name is a merge target joins that target. Every mapped unit must exist in the data
 * (for some year); a unit mapped to two targets is an error. Merging happens within each year.
 *
 * Under every missing-value policy the mean is over the members whose leaf score is present
 * (under "zero" a missing value is already 0 and counts).
 */
export function mergeUnits(inputs: readonly UnitInput[], mapping: MergeMapping): { results: MergedUnit[]; issues: Issue[] } {
  const units = inputs.map((input, index) => ({ input, index }));
  const issues: Issue[] = [];
  const entries = mergeEntries(mapping);
  const { target, targets } = mergeTargets(entries, issues);
  const known = new Set(units.map((u) => normalizeKey(u.input.unit)));
  for (const e of target.values()) {
    if (!known.has(normalizeKey(e.unit))) {
      issues.push(error("DATA_MERGE_UNKNOWN_UNIT", `the merge mapping names ${showValue(e.unit)}, which is not in the data`, { unit: e.unit }));
    }
  }
  newTargetWarnings(units, target, targets, known, issues);
  const results = mergedResults(mergeBuckets(units, target, targets), entries, targets, issues);
  return { results, issues };
}

type Indexed = { readonly input: UnitInput; readonly index: number };

interface Bucket {
  readonly name: string;
  readonly year: number | undefined;
  readonly members: Indexed[];
  entry: MergeEntry | undefined;
}

/**
 * Each mapped unit's entry (by name key; a unit mapped to two targets is an issue, its first
 * entry kept), and each target's name by key (also read by the SQL compiler, `dti/sql`).
 */
export function mergeTargets(entries: readonly MergeEntry[], issues: Issue[]): { target: Map<string, MergeEntry>; targets: Map<string, string> } {
  const target = new Map<string, MergeEntry>();
  for (const e of entries) {
    const key = normalizeKey(e.unit);
    const prev = target.get(key);
    if (prev !== undefined && normalizeKey(prev.into) !== normalizeKey(e.into)) {
      issues.push(error("DATA_MERGE_INVALID", `${showValue(e.unit)} is mapped to both ${showValue(prev.into)} and ${showValue(e.into)}`, { unit: e.unit }));
      continue;
    }
    target.set(key, e);
  }
  const targets = new Map<string, string>();
  for (const e of entries) targets.set(normalizeKey(e.into), e.into);
  return { target, targets };
}

/**
 * A target that is not in the data is a new unit; when a unit left out of the mapping has nearly
 * its name ("Đà Nẵng" for "TP. Đà Nẵng"), that unit was most likely meant and now stays apart: a
 * warning names it (found in Vietnamese order, so the order of the rows cannot change which one).
 */
function newTargetWarnings(units: readonly Indexed[], target: ReadonlyMap<string, MergeEntry>, targets: ReadonlyMap<string, string>, known: ReadonlySet<string>, issues: Issue[]): void {
  const unmapped = units.map((u) => u.input.unit).filter((n) => !target.has(normalizeKey(n)) && !targets.has(normalizeKey(n))).sort(compareVi);
  const unmappedKeys = unmapped.map(normalizeKey);
  const findNear = closestNameFinder(unmapped);
  for (const [key, into] of targets) {
    if (known.has(key)) continue;
    const at = unmappedKeys.findIndex((n) => n.endsWith(` ${key}`) || n.startsWith(`${key} `));
    const near = at >= 0 ? unmapped[at] : findNear(into);
    if (near !== undefined) {
      issues.push(
        warning("DATA_MERGE_INVALID", `the merge target ${showValue(into)} is not a unit of the data, so it is a new unit and ${showValue(near)} stays apart; did you mean ${showValue(near)}?`, { unit: into }),
      );
    }
  }
}

/** The units of each resulting unit, per year: a target's members together, every other unit alone. */
function mergeBuckets(units: readonly Indexed[], target: ReadonlyMap<string, MergeEntry>, targets: ReadonlyMap<string, string>): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  for (const u of units) {
    const key = normalizeKey(u.input.unit);
    const entry = target.get(key);
    const into = entry?.into ?? targets.get(key);
    const name = into ?? u.input.unit;
    const bucketKey = `${u.input.year ?? ""}\u0000${into === undefined ? `unit:${key}` : `into:${normalizeKey(into)}`}`;
    let bucket = buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = { name, year: u.input.year, members: [], entry: into === undefined ? undefined : entry };
      buckets.set(bucketKey, bucket);
    }
    if (bucket.entry === undefined && entry !== undefined) bucket.entry = entry;
    bucket.members.push(u);
  }
  return buckets;
}

/** The merged units: a merged unit takes the mapping's first code and group (else its members' common group). */
function mergedResults(buckets: ReadonlyMap<string, Bucket>, entries: readonly MergeEntry[], targets: ReadonlyMap<string, string>, issues: Issue[]): MergedUnit[] {
  const entryGroups = new Map<string, string>();
  const entryCodes = new Map<string, string>();
  for (const e of entries) {
    const key = normalizeKey(e.into);
    if (e.group !== undefined && !entryGroups.has(key)) entryGroups.set(key, e.group);
    if (e.code !== undefined && !entryCodes.has(key)) entryCodes.set(key, e.code);
  }
  const results: MergedUnit[] = [];
  for (const bucket of buckets.values()) {
    const first = bucket.members[0]!;
    const isMerge = targets.has(normalizeKey(bucket.name));
    if (!isMerge) {
      results.push({ input: first.input, from: [first.index] });
      continue;
    }
    const groups = new Set(bucket.members.map((m) => m.input.group));
    const entryGroup = entryGroups.get(normalizeKey(bucket.name));
    const entryCode = entryCodes.get(normalizeKey(bucket.name));
    const group = entryGroup ?? (groups.size === 1 ? first.input.group : undefined);
    if (entryGroup === undefined && groups.size > 1) {
      issues.push(warning("DATA_MERGE_INVALID", `the members of ${showValue(bucket.name)} are in different groups (${showList([...groups].map((g) => g ?? ""))}); the merged unit has no group (give one in the mapping)`, { unit: bucket.name }));
    }
    const input: UnitInput = {
      unit: bucket.name,
      row: bucket.members.reduce((a, m) => Math.min(a, m.input.row), Infinity),
      values: new Map(),
      ...(entryCode !== undefined ? { code: entryCode } : {}),
      ...(group !== undefined ? { group } : {}),
      ...(bucket.year !== undefined ? { year: bucket.year } : {}),
    };
    results.push({ input, from: bucket.members.map((m) => m.index), members: bucket.members.map((m) => m.input.unit) });
  }
  return results;
}

/**
 * The leaf columns of merged units: each leaf the unweighted mean of its members' present values
 * (float bound: the largest member bound plus the sum's and division's roundings), its coverage
 * the mean of theirs; and each merged leaf exactly, as the mean of the members' exact leaves.
 */
export function mergeColumns(
  plan: CompiledFramework,
  cols: NodeColumns,
  merged: readonly MergedUnit[],
  exactLeaf: (unit: number, leaf: number) => Enclosure | null,
): { cols: NodeColumns; exact: (unit: number, leaf: number) => Enclosure | null } {
  const n = cols.units;
  const m = merged.length;
  const out = nodeColumns(plan.nodes.length, m);
  for (const leaf of plan.leaves) {
    const src = leaf * n;
    const dst = leaf * m;
    merged.forEach((unit, j) => {
      let sum = 0;
      let abs = 0;
      let worst = 0;
      let k = 0;
      let covered = 0;
      for (const i of unit.from) {
        covered += cols.coverage[src + i]!;
        const x = cols.value[src + i]!;
        if (x !== x) continue;
        sum += x;
        abs += Math.abs(x);
        worst = Math.max(worst, cols.error[src + i]!);
        k++;
      }
      out.coverage[dst + j] = covered / unit.from.length;
      if (k === 0) return;
      out.value[dst + j] = sum / k;
      out.error[dst + j] = worst + (abs / k + worst) * 2 * (k + 2) * U;
    });
  }
  const exact = (j: number, leaf: number): Enclosure | null => {
    const unit = merged[j]!;
    if (unit.from.length === 1) return exactLeaf(unit.from[0]!, leaf);
    const present = unit.from.map((i) => exactLeaf(i, leaf)).filter((e): e is Enclosure => e !== null);
    if (present.length === 0) return null;
    const count = rat(BigInt(present.length));
    const lo = ratDiv(present.reduce((a, e) => ratAdd(a, e.lo), RAT_ZERO), count);
    if (present.every(isExact)) return exactly(lo);
    return { lo, hi: ratDiv(present.reduce((a, e) => ratAdd(a, e.hi), RAT_ZERO), count) };
  };
  return { cols: out, exact };
}
