/**
 * The app's state: the framework, the data as read, the library's result or its problems, and
 * what the user is looking at. Views read it and call `update` to change it.
 *
 * @module
 */
import type { Issue } from "../src/errors.ts";
import type { Framework } from "../src/framework/types.ts";
import type { RawTable } from "../src/input/table.ts";
import type { ScoreResult, UnitResult } from "../src/pipeline/types.ts";
import { latestYear } from "../src/report/unit-stats.ts";
import type { Lang } from "./i18n.ts";

export type View = "data" | "problems" | "ranking" | "unit" | "years" | "downloads";

export interface State {
  lang: Lang;
  view: View;
  framework: Framework;
  /** A built-in framework's id, or undefined for one the user loaded. */
  builtin: string | undefined;
  /** The data file's name, its bytes (a workbook's sheets are read again when one is picked). */
  file?: { readonly name: string; readonly bytes: Uint8Array; readonly sheets: readonly string[]; sheet?: string };
  table?: RawTable;
  result?: ScoreResult;
  /** Errors that stopped the scoring, or the warnings of the result. */
  issues: readonly Issue[];
  /** A status line (read aloud by screen readers). */
  status: string;
  /** The unit page's unit and year. */
  unit?: string;
  year?: number;
  /** Ranking filters and order. */
  search: string;
  group: string;
  sort: { column: string; descending: boolean };
}

/** The number formatting locale of the language. */
export const localeOf = (lang: Lang): string => (lang === "en" ? "en-US" : "vi-VN");

/** The year shown: the chosen one, else the data's latest (undefined when the data has none). */
export function shownYear(state: State): number | undefined {
  if (state.result === undefined) return undefined;
  return state.year ?? latestYear(state.result);
}

/** The units of the year shown. */
export function unitsOfYear(state: State): UnitResult[] {
  const year = shownYear(state);
  return (state.result?.units ?? []).filter((u) => u.year === year);
}

/** The distinct years of the data, ascending. */
export function yearsOf(result: ScoreResult): number[] {
  return [...new Set(result.units.map((u) => u.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
}
