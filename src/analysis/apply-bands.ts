/**
 * Attaches maturity bands to a scored result.
 *
 * @module
 */
import { checkArgument, isResultLike } from "../errors.ts";
import type { LocalizedName } from "../framework/types.ts";
import type { ScoreResult } from "../pipeline/types.ts";
import { bandOf } from "./band-of.ts";
import type { BandSet } from "./bands.ts";

/** A unit's band (and, when asked, its nodes' bands: band id or null). */
export interface UnitBand {
  readonly unit: string;
  readonly code?: string;
  readonly year?: number;
  /** The published index value the band was read from. */
  readonly value: string | null;
  /** Band id, or null (missing value, or no band contains it). */
  readonly band: string | null;
  readonly label: LocalizedName | null;
  readonly nodes?: Readonly<Record<string, string | null>>;
}

/** How many units fall in each band (per year when the result has years). */
export interface BandCount {
  readonly year?: number;
  readonly band: string;
  readonly label: LocalizedName;
  readonly count: number;
}

/** What {@link applyBands} returns. */
export interface BandsResult {
  readonly set: { readonly id: string; readonly name: LocalizedName; readonly note?: string };
  readonly units: readonly UnitBand[];
  readonly counts: readonly BandCount[];
}

/** Options of {@link applyBands}. */
export interface ApplyBandsOptions {
  /** Also band these nodes/views (ids), or every node with `true`. Default none. */
  readonly nodes?: boolean | readonly string[];
}

/**
 * Reads every unit's band from its published index value (and, with `nodes`, each node's),
 * in the result's order, with counts per band.
 *
 * Plain data; `applyBands` from `dti/notebook` also renders it in a notebook as its {@link bandsToMarkdown}.
 *
 * @example
 * ```ts
 * const banded = applyBands(result, getBands("egdi"));
 * banded.units[0]; // => { unit: "TP. Đà Nẵng", value: "0.8002", band: "very-high", label: { vi: "Rất cao", en: "Very High" } }
 * ```
 */
export function applyBands(result: ScoreResult, set: BandSet, options: ApplyBandsOptions = {}): BandsResult {
  checkArgument(isResultLike(result), "applyBands", "the result of score()", result);
  const nodeIds =
    options.nodes === true
      ? result.nodes.filter((n) => n.id !== result.root).map((n) => n.id)
      : Array.isArray(options.nodes)
        ? (options.nodes as readonly string[])
        : [];
  const units: UnitBand[] = result.units.map((u) => {
    const band = bandOf(set, u.value);
    const nodes: Record<string, string | null> = {};
    for (const id of nodeIds) nodes[id] = bandOf(set, u.nodes[id]?.value)?.id ?? null;
    return {
      unit: u.unit,
      ...(u.code !== undefined ? { code: u.code } : {}),
      ...(u.year !== undefined ? { year: u.year } : {}),
      value: u.value,
      band: band?.id ?? null,
      label: band?.label ?? null,
      ...(nodeIds.length > 0 ? { nodes } : {}),
    };
  });
  const years = [...new Set(result.units.map((u) => u.year))];
  const counts: BandCount[] = years.flatMap((year) =>
    set.bands.map((b) => ({
      ...(year !== undefined ? { year } : {}),
      band: b.id,
      label: b.label,
      count: units.filter((u) => u.year === year && u.band === b.id).length,
    })),
  );
  const banded: BandsResult = { set: { id: set.id, name: set.name, ...(set.note !== undefined ? { note: set.note } : {}) }, units, counts };
  return banded;
}
