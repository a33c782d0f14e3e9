/**
 * Optional inputs of the HTML report computed outside the core (maturity bands and per-unit
 * levers from `dti/analysis`, the uncertainty analysis): plain data, so that `toHTMLReport`
 * stays pure and the core bundle does not carry the analysis code.
 *
 * @module
 */
import type { LocalizedName } from "../../framework/types.ts";

/**
 * Maturity bands of the units. What `applyBands(result, set)` from `dti/analysis` returns fits
 * as it is; `ranges` (band id → range text, e.g. from `bandRange`) adds each band's range to
 * the distribution.
 */
export interface ReportBands {
  readonly set: { readonly name: LocalizedName; readonly note?: string };
  /** Each unit's band id (null: none), with its label. */
  readonly units: readonly { readonly unit: string; readonly year?: number; readonly band: string | null; readonly label: LocalizedName | null }[];
  /** The bands in order (best first), with how many units fall in each (per year). */
  readonly counts: readonly { readonly year?: number; readonly band: string; readonly label: LocalizedName; readonly count: number }[];
  /** Range text per band id, e.g. `{ "very-high": "≥ 0,7500" }`. */
  readonly ranges?: Readonly<Record<string, string>>;
}

/**
 * One lever of a unit: improving indicator `name` by `step` (in score units) adds `gain` to the
 * index (a linear estimate, e.g. `explain(...).nodes[i].gainPerStep`).
 */
export interface ReportLever {
  readonly name: LocalizedName;
  /** The indicator's published value now (e.g. "0.9209"), shown for context. */
  readonly value?: string | null;
  readonly step: number;
  readonly gain: number;
}

/** The band's position among `count` bands as a colour class `band-0` (best) … `band-4` (worst). */
export function bandClass(index: number, count: number): string {
  const level = count <= 1 ? 0 : Math.round((index * 4) / (count - 1));
  return `band-${Math.min(4, Math.max(0, level))}`;
}
