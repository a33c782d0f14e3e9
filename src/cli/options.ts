/**
 * Options shared by the data commands (score, validate, and the analysis commands) and the helpers
 * that turn them into {@link ScoreOptions}.
 *
 * @module
 */
import type { ParseArgsConfig } from "node:util";
import { formatIssue, showValue, type Issue } from "../errors.ts";
import type { ColumnNames } from "../input/resolve-columns.ts";
import { parseNumber } from "../number/parse-number.ts";
import { cliMessage } from "../text/option-hint.ts";
import type { ScoreOptions } from "../pipeline/types.ts";
import type { Framework } from "../framework/types.ts";
import { totalPoints } from "../framework/total-points.ts";
import type { OptionValues } from "./command.ts";
import type { CliIO } from "./io.ts";
import { loadMerge, type TableOptions } from "./load.ts";
import { locateInSheet } from "./sheet-cells.ts";
import { UsageError } from "./usage-error.ts";

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const satisfies ParseArgsConfig["options"];

/** Options of every command that reads unit data against a framework. */
export const DATA_OPTIONS = {
  framework: { type: "string", short: "f" },
  missing: { type: "string" },
  "group-by": { type: "string" },
  merge: { type: "string" },
  "unit-column": { type: "string" },
  "code-column": { type: "string" },
  "year-column": { type: "string" },
  shape: { type: "string" },
  "ignore-column": { type: "string", multiple: true },
  "unknown-columns": { type: "string" },
  delimiter: { type: "string" },
  sheet: { type: "string" },
  "header-row": { type: "string" },
  "keep-summary-rows": { type: "boolean" },
  unranked: { type: "string", multiple: true },
  impute: { type: "string" },
  "min-coverage": { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** Options of every command that ranks. */
export const RANK_OPTIONS = {
  ranking: { type: "string" },
  ties: { type: "string" },
  decimals: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** Options of every command that writes a report or chart: where, in which language and number format. */
export const OUTPUT_OPTIONS = {
  out: { type: "string", short: "o" },
  lang: { type: "string" },
  locale: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

export const DATA_HELP = `  -f, --framework <id|file>   built-in id (see \`dti frameworks\`) or a framework JSON file
      --missing <policy>      error (default) | zero | reweight
      --group-by <column>     column holding the ranking group (ranks within each group too)
      --merge <file>          merge map (CSV/JSON with unit and merged columns): merged units
                              score the unweighted mean of their members' indicator values
      --unit-column <name>    column holding the unit name (default: recognised names such as
                              unit, đơn vị, tỉnh, tên)
      --code-column <name>    column holding the unit code
      --year-column <name>    column holding the year (ranks are per year)
      --shape <shape>         auto (default) | wide | long
      --ignore-column <name>  a column to leave unread (repeatable)
      --unknown-columns <m>   error (default) | warn
      --delimiter <d>         auto (default) | , | ; | tab
      --sheet <name|n>        the sheet of an .xlsx workbook to read (default the first)
      --header-row <n>        the line the column headers are on (default: the row that names
                              the framework's columns best; title rows above it are left out)
      --keep-summary-rows     read totals/averages rows ("Tổng cộng", "Trung bình" …) as units
                              (default: left out with a warning)
      --unranked <unit>       a unit assessed but not ranked: scored, no rank (repeatable;
                              a "Được xếp hạng" column with Có/Không does the same)
      --impute <list>         fill blanks first: previous-year, group-mean (comma-separated,
                              tried in order; every filled value is reported)
      --min-coverage <share>  least share of a group's weight with data (0 to 1), else the
                              group is missing for that unit
`;

export const RANK_HELP = `      --ranking <method>      competition (default, 1224) | dense | ordinal
      --ties <mode>           published (default: ties on the rounded value) | exact
      --decimals <n>          decimals of published values (default 4)
`;

/** A string option's value (undefined when absent). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/** The values a number option takes: from `min` (left out with `above`) to `max`. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** `min` itself is not allowed (a step in (0, 1]). */
  readonly above?: boolean;
}

/** The range as the messages write it: "from 1 to 10000000", "≥ 0", "in (0, 1]". */
function rangeText({ min, max, above }: NumberRange): string {
  if (min !== undefined && max !== undefined) return above === true ? ` in (${min}, ${max}]` : ` from ${min} to ${max}`;
  if (min !== undefined) return above === true ? ` > ${min}` : ` ≥ ${min}`;
  return max !== undefined ? ` ≤ ${max}` : "";
}

const inRange = (n: number, { min, max, above }: NumberRange): boolean =>
  (min === undefined || (above === true ? n > min : n >= min)) && (max === undefined || n <= max);

/**
 * A number option ("0,85" accepted) within `range`, or undefined. Every numeric flag is checked
 * here, so that a value out of range is a usage error naming the flag and what it takes, never a
 * library message naming the library's option.
 */
export function numberOption(values: OptionValues, name: string, range: NumberRange = {}): number | undefined {
  const v = stringOption(values, name);
  if (v === undefined) return undefined;
  const parsed = parseNumber(v);
  const n = parsed === undefined ? undefined : Number(parsed);
  if (n === undefined || !Number.isFinite(n) || !inRange(n, range)) throw new UsageError(`--${name} must be a number${rangeText(range)} (got ${showValue(v)})`);
  return n;
}

/**
 * A whole-number option from `min` (any whole number, negative too, with `min` null) to `max`
 * (default: the largest whole number a double holds exactly), or undefined.
 */
export function integerOption(values: OptionValues, name: string, min: number | null = 0, max?: number): number | undefined {
  const v = stringOption(values, name);
  if (v === undefined) return undefined;
  const range: NumberRange = { ...(min !== null ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  if (!/^-?\d+$/u.test(v) || !Number.isSafeInteger(Number(v)) || !inRange(Number(v), range)) {
    throw new UsageError(`--${name} must be a whole number${rangeText(range)} (got ${showValue(v)})`);
  }
  // "-0" is 0: a sign on nothing is no reason for a negative zero downstream.
  return Number(v) + 0;
}

/** The usage error of a value that is none of the choices, listed as the user may write them. */
function notAChoice(label: string, shown: readonly string[], value: string): UsageError {
  return new UsageError(`${label} must be one of ${shown.join(", ")} (got ${showValue(value)})`);
}

/**
 * One of the allowed words, or a usage error naming them. `label` is what the user typed the value
 * as: the flag `--name` by default, or e.g. "the subcommand of `dti framework`".
 */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], label = `--${name}`): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw notAChoice(label, allowed, value);
  return value as T;
}

/** The single data file argument. */
export function inputFile(rest: readonly string[]): string {
  if (rest.length === 0) throw new UsageError("give the data file to read (CSV, JSON or .xlsx, or - for standard input)");
  if (rest.length > 1) throw new UsageError(`one data file at a time (got ${rest.map((r) => showValue(r)).join(", ")})`);
  return rest[0] as string;
}

/** `--delimiter`: auto, `,`, `;` or tab. */
export function delimiterOption(values: OptionValues): "," | ";" | "\t" | "auto" | undefined {
  const d = stringOption(values, "delimiter");
  if (d === undefined) return undefined;
  if (d === "tab" || d === "\\t" || d === "\t") return "\t";
  if (d === "auto" || d === "," || d === ";") return d;
  // Punctuation alone in a list of choices is hard to read: each is named.
  throw notAChoice("--delimiter", ["auto", '"," (comma)', '";" (semicolon)', "tab"], d);
}

/** How to read the data file: `--delimiter` and `--sheet`. */
export function tableOptions(values: OptionValues): TableOptions {
  const delimiter = delimiterOption(values);
  const sheet = stringOption(values, "sheet");
  return { ...(delimiter !== undefined ? { delimiter } : {}), ...(sheet !== undefined ? { sheet } : {}) };
}

/** Turns the data (and, with `withRanking`, ranking) options into {@link ScoreOptions}. */
export async function buildScoreOptions(values: OptionValues, io: CliIO, withRanking: boolean): Promise<ScoreOptions> {
  const columns: { -readonly [K in keyof ColumnNames]: string } = {};
  const unit = stringOption(values, "unit-column");
  const code = stringOption(values, "code-column");
  const year = stringOption(values, "year-column");
  const group = stringOption(values, "group-by");
  if (unit !== undefined) columns.unit = unit;
  if (code !== undefined) columns.code = code;
  if (year !== undefined) columns.year = year;
  if (group !== undefined) columns.group = group;
  const missing = oneOf("missing", stringOption(values, "missing"), ["error", "zero", "reweight"] as const);
  const shape = oneOf("shape", stringOption(values, "shape"), ["auto", "wide", "long"] as const);
  const unknownColumns = oneOf("unknown-columns", stringOption(values, "unknown-columns"), ["error", "warn"] as const);
  const ranking = withRanking ? oneOf("ranking", stringOption(values, "ranking"), ["competition", "dense", "ordinal"] as const) : undefined;
  const ties = withRanking ? oneOf("ties", stringOption(values, "ties"), ["published", "exact"] as const) : undefined;
  const decimals = withRanking ? integerOption(values, "decimals", 0, 12) : undefined;
  const imputeText = stringOption(values, "impute");
  const impute = imputeText?.split(",").map((m) => oneOf("impute", m.trim(), ["previous-year", "group-mean"] as const) as "previous-year" | "group-mean");
  const minCoverage = numberOption(values, "min-coverage", { min: 0, max: 1 });
  const mergePath = stringOption(values, "merge");
  const merge = mergePath === undefined ? undefined : await loadMerge(io, mergePath);
  const ignore = values["ignore-column"];
  const unranked = values["unranked"];
  const headerRow = integerOption(values, "header-row", 1);
  return {
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(values["keep-summary-rows"] === true ? { keepSummaryRows: true } : {}),
    columns,
    ...(missing !== undefined ? { missing } : {}),
    ...(shape !== undefined ? { shape } : {}),
    ...(unknownColumns !== undefined ? { unknownColumns } : {}),
    ...(Array.isArray(ignore) ? { ignoreColumns: ignore } : {}),
    ...(Array.isArray(unranked) ? { unranked } : {}),
    ...(ranking !== undefined ? { ranking } : {}),
    ...(ties !== undefined ? { ties } : {}),
    ...(decimals !== undefined ? { decimals } : {}),
    ...(merge !== undefined ? { merge } : {}),
    ...(impute !== undefined ? { impute } : {}),
    ...(minCoverage !== undefined ? { minCoverage } : {}),
  };
}

/**
 * Prints issues to stderr, one a line, naming options as the CLI does (`--ignore-column`, not
 * `ignoreColumns`) and, for a workbook, the sheet and cell of each (`cell D7`).
 */
export function printIssues(io: CliIO, issues: readonly Issue[]): void {
  for (const issue of issues) io.stderr(`${formatIssue(cliMessage(locateInSheet(io, issue)))}\n`);
}

/** `--locale`: a BCP 47 tag the runtime can format numbers for ("vi-VN", "en-US"). */
export function localeOption(values: OptionValues): string | undefined {
  const locale = stringOption(values, "locale");
  if (locale === undefined) return undefined;
  let supported: string[];
  try {
    supported = Intl.NumberFormat.supportedLocalesOf([locale]);
  } catch {
    supported = [];
  }
  if (supported.length === 0) throw new UsageError(`--locale must be a locale such as vi-VN or en-US (got ${showValue(locale)})`);
  return locale;
}

/**
 * `--points`: the framework's total points (see `totalPoints`), undefined without the flag; a
 * framework without a total is a usage error (there is nothing to write the points on).
 */
export function pointsOption(values: OptionValues, framework: Framework): number | undefined {
  if (values["points"] !== true) return undefined;
  const points = totalPoints(framework);
  if (points === undefined) throw new UsageError(`--points: framework ${JSON.stringify(framework.id)} has no total points (no maxPoints on its root or on every top-level group)`);
  return points;
}
