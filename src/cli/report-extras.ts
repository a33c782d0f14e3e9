/**
 * The optional sections of `dti report` computed here rather than in the core report: maturity
 * bands (`--bands`), the uncertainty of the ranking (`--uncertainty-runs`, `--seed`,
 * `--uncertainty-weights`) and each card's levers (from `explain`).
 *
 * @module
 */
import { applyBands } from "../analysis/apply-bands.ts";
import { bandRange } from "../analysis/bands-markdown.ts";
import type { BandSet } from "../analysis/bands.ts";
import { explain } from "../analysis/explain.ts";
import type { Framework } from "../framework/types.ts";
import type { RawTable } from "../input/table.ts";
import type { ScoreOptions, ScoreResult } from "../pipeline/types.ts";
import type { ReportBands, ReportLever } from "../report/html-report/extras.ts";
import { uncertainty } from "../uncertainty/uncertainty.ts";
import type { UncertaintyResult } from "../uncertainty/types.ts";

/** The bands of every unit, with each band's range text in the report's language. */
export function reportBands(result: ScoreResult, set: BandSet, language: "vi" | "en"): ReportBands {
  return { ...applyBands(result, set), ranges: Object.fromEntries(set.bands.map((b) => [b.id, bandRange(b, language)])) };
}

/**
 * Each unit's levers (the `top` indicators whose improvement by `step` adds most to the index,
 * from `explain`'s `priorities` and `gainPerStep`), for the units of the latest year.
 */
export function reportLevers(framework: Framework, result: ScoreResult, units: readonly { readonly unit: string; readonly year?: number }[], top = 2): Map<string, ReportLever[]> {
  const levers = new Map<string, ReportLever[]>();
  for (const u of units) {
    const ex = explain(framework, result, u.unit, u.year === undefined ? {} : { year: u.year });
    const byId = new Map(ex.nodes.map((n) => [n.id, n]));
    levers.set(
      u.unit,
      ex.priorities.slice(0, top).flatMap((id) => {
        const n = byId.get(id);
        return n === undefined ? [] : [{ name: n.name, value: n.value, step: ex.step, gain: n.gainPerStep }];
      }),
    );
  }
  return levers;
}

/**
 * The uncertainty of the ranking for the report: every weight varied uniformly within
 * ±`weights` (default 0.25), `runs` runs from `seed`, the latest year, no sensitivity indices.
 */
export function reportUncertainty(framework: Framework, table: RawTable, options: ScoreOptions, runs: number, seed: number | undefined, weights = 0.25, year?: number): UncertaintyResult {
  const { merge: _m, ranking: _r, ties: _t, decimals: _d, ...rest } = options;
  return uncertainty(framework, table, {
    ...rest,
    runs,
    ...(seed !== undefined ? { seed } : {}),
    ...(year !== undefined ? { year } : {}),
    weights,
    sensitivity: false,
  });
}
