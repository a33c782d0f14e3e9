/**
 * Typed problems and the error that carries them.
 *
 * Every stage collects **all** the problems it finds as {@link Issue} values (a code, a location and
 * a plain message) instead of stopping at the first. A stage that cannot go on throws one
 * {@link DtiError} holding the whole list.
 *
 * @module
 */

/** Problems with a framework definition. */
export type FrameworkIssueCode =
  | "FRAMEWORK_SCHEMA"
  | "FRAMEWORK_DUPLICATE_ID"
  | "FRAMEWORK_WEIGHTS_MIXED"
  | "FRAMEWORK_ZERO_WEIGHT"
  | "FRAMEWORK_POINTS_MISMATCH"
  | "FRAMEWORK_RULE_INVALID"
  | "FRAMEWORK_VIEW_UNKNOWN_NODE"
  | "FRAMEWORK_TOO_DEEP"
  | "FRAMEWORK_INPUT_CLASH"
  | "FRAMEWORK_WEIGHT_RANGE"
  | "FRAMEWORK_UNKNOWN"
  | "FRAMEWORK_TABLE"
  | "FRAMEWORK_ADJUSTMENT";

/** Problems with unit data. */
export type DataIssueCode =
  | "DATA_EMPTY"
  | "DATA_PARSE"
  | "DATA_NOT_A_ROW"
  | "DATA_NO_UNIT_COLUMN"
  | "DATA_MISSING_UNIT"
  | "DATA_DUPLICATE_UNIT"
  | "DATA_DUPLICATE_COLUMN"
  | "DATA_AMBIGUOUS_COLUMN"
  | "DATA_UNKNOWN_COLUMN"
  | "DATA_UNKNOWN_INDICATOR"
  | "DATA_MISSING_COLUMN"
  | "DATA_MISSING_VALUE"
  | "DATA_NOT_A_NUMBER"
  | "DATA_OUT_OF_RANGE"
  | "DATA_UNKNOWN_CATEGORY"
  | "DATA_NOT_A_BOOLEAN"
  | "DATA_ZERO_DENOMINATOR"
  | "DATA_DUPLICATE_VALUE"
  | "DATA_CONFLICT"
  | "DATA_MERGE_UNKNOWN_UNIT"
  | "DATA_MERGE_INVALID"
  | "DATA_BAD_YEAR"
  | "DATA_NORMALISE_DEGENERATE"
  | "DATA_IMPUTED"
  | "DATA_LOW_COVERAGE"
  | "DATA_AGGREGATION_DOMAIN"
  | "DATA_ENCODING"
  | "DATA_TOO_LARGE"
  | "DATA_AMBIGUOUS_NUMBER"
  | "DATA_NO_CACHED_VALUE"
  | "DATA_HEADER_ROW"
  | "DATA_BLANK_COLUMN"
  | "DATA_SUMMARY_ROW"
  | "DATA_NOT_RANKED";

/** Problems with a formula indicator (the `dti/formula` sub-path). */
export type FormulaIssueCode = "FORMULA_SYNTAX" | "FORMULA_FORBIDDEN" | "FORMULA_TOO_LARGE" | "FORMULA_NOT_FINITE" | "FORMULA_NOT_EXACT";

/** Problems with how the library or CLI was called. */
export type UsageIssueCode = "USAGE" | "OPTION_INVALID";

/** Problems met by the analysis functions (explain, what-if, years, bands, assessment). */
export type AnalysisIssueCode =
  | "ANALYSIS_UNKNOWN_UNIT"
  | "ANALYSIS_UNKNOWN_NODE"
  | "ANALYSIS_NOT_SUPPORTED"
  | "ANALYSIS_UNKNOWN_YEAR"
  | "BANDS_INVALID"
  | "ASSESSMENT_UNKNOWN_INDICATOR"
  | "ASSESSMENT_NOT_A_NUMBER"
  | "ASSESSMENT_OUT_OF_RANGE"
  | "ASSESSMENT_DUPLICATE"
  | "ASSESSMENT_MISSING_INDICATOR"
  | "ASSESSMENT_MISSING_EVIDENCE"
  | "ASSESSMENT_SELF_APPRAISED_DIFFER"
  | "ASSESSMENT_FINAL_MISSING"
  | "ASSESSMENT_FINAL_CHANGED";

/** Problems with what a report or chart was asked to show. */
export type ReportIssueCode = "REPORT_UNIT_UNKNOWN" | "REPORT_NODE_UNKNOWN" | "REPORT_NO_DATA";

/** Problems compiling a framework to SQL or running it on an engine (the `dti/sql` sub-path). */
export type SqlIssueCode = "SQL_UNSUPPORTED" | "SQL_ENGINE";

/** Every issue code the library reports. */
export type IssueCode = FrameworkIssueCode | DataIssueCode | FormulaIssueCode | UsageIssueCode | AnalysisIssueCode | ReportIssueCode | SqlIssueCode;

/** "error" stops scoring; "warning" is reported with the result. */
export type Severity = "error" | "warning";

/** One problem, with where it is. Locations are 1-based as a spreadsheet shows them. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Plain English. */
  readonly message: string;
  /** The same in Vietnamese, where the library offers it. */
  readonly messageVi?: string;
  /** The file the row is in, when several files are read together (one form per unit). */
  readonly file?: string;
  /** Line of the CSV file (header is line 1), or 1-based record index in JSON. */
  readonly row?: number;
  /** Column header as written in the input. */
  readonly column?: string;
  /**
   * The cell of an .xlsx sheet (`J11`), for an issue found while reading the sheet, before its
   * header was known: when the header is found lower down (title rows above it), `column` is set
   * from it.
   */
  readonly cell?: string;
  /** The unit (province, ministry, ward …) the row belongs to. */
  readonly unit?: string;
  /** Framework node or view id. */
  readonly node?: string;
  /** Path inside a framework definition, e.g. `root.children[2].rule.steps`. */
  readonly path?: string;
  /**
   * Options the message tells the reader to set. The message names each as the library does
   * (`api`); the CLI shows the same message with `cli` in its place (`ignoreColumns` →
   * `--ignore-column`), so neither mixes in the other's spelling.
   */
  readonly hints?: readonly OptionHint[];
}

/** An option named in a message, in the library's and the CLI's spelling (see `src/text/option-hint.ts`). */
export interface OptionHint {
  /** The option's name in the library: `ignoreColumns`, `unknownColumns`, `columns.unit`, `normalisation` … */
  readonly option: string;
  /** How the message writes it: `unknownColumns: "warn"`. */
  readonly api: string;
  /** How the CLI writes it: `--unknown-columns warn`. */
  readonly cli: string;
}

/** An error that carries every problem found; `code` is the first error's code. */
export class DtiError extends Error {
  /** The first error's code (all issues are in {@link DtiError.issues}). */
  readonly code: IssueCode;
  /** Every problem found, errors first. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], summary?: string) {
    const errors = issues.filter((i) => i.severity === "error");
    const first = errors[0] ?? issues[0];
    super(summary ?? summarize(issues));
    this.name = "DtiError";
    this.code = first?.code ?? "USAGE";
    this.issues = issues;
  }
}

/** True when `e` is a {@link DtiError} (works across duplicate copies of the library). */
export function isDtiError(e: unknown): e is DtiError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: unknown }).name === "DtiError" &&
    Array.isArray((e as { issues?: unknown }).issues)
  );
}

/**
 * Formats an issue on one line: `row 5, column "NTS", unit "Hà Nội": DATA_NOT_A_NUMBER: …`.
 *
 * @example
 * ```ts
 * formatIssue({ code: "DATA_NOT_A_NUMBER", severity: "error", row: 5, column: "NTS", unit: "Hà Nội", message: '"abc" is not a number' });
 * // => 'error DATA_NOT_A_NUMBER row 5, column "NTS", unit "Hà Nội": "abc" is not a number'
 * ```
 */
export function formatIssue(issue: Issue, language: "en" | "vi" = "en"): string {
  const where: string[] = [];
  if (issue.file !== undefined) where.push(`file ${showValue(issue.file)}`);
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  // Names come from the data: quoted and cut, so a 500,000-character name cannot flood the output.
  if (issue.column !== undefined) where.push(`column ${showValue(issue.column)}`);
  if (issue.unit !== undefined) where.push(`unit ${showValue(issue.unit)}`);
  if (issue.node !== undefined && issue.column === undefined) where.push(`node ${cutText(issue.node)}`);
  if (issue.path !== undefined) where.push(`at ${cutText(issue.path)}`);
  const message = language === "vi" && issue.messageVi ? issue.messageVi : issue.message;
  const location = where.length > 0 ? ` ${where.join(", ")}` : "";
  return `${issue.severity} ${issue.code}${location}: ${message}`;
}

function summarize(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error");
  const shown = (errors.length > 0 ? errors : issues).slice(0, 5).map((i) => formatIssue(i));
  const more = errors.length > 5 ? `\n… and ${errors.length - 5} more` : "";
  return `${errors.length} error(s)\n${shown.join("\n")}${more}`;
}

/** How many characters of a text from the input a message quotes: enough to recognise it. */
export const QUOTE_LIMIT = 80;

/** A count with thousands separators ("500,000"), the same in every runtime (no Intl needed). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
}

/** The first `max` characters, without splitting a surrogate pair. */
function head(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/u.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A text as shown unquoted inside a message (a node id, a path): itself when short, else its first
 * `max` characters, "…" and its length.
 *
 * @example
 * ```ts
 * cutText("x".repeat(1000), 10); // => "xxxxxxxxxx… (1,000 characters)"
 * ```
 */
export function cutText(text: string, max = QUOTE_LIMIT): string {
  return text.length <= max ? text : `${head(text, max)}… (${grouped(text.length)} characters)`;
}

/**
 * A raw value as shown inside a message: JSON-quoted, cut to `max` characters with its length (a
 * 100 MB cell or a 500,000-character unit name must not make a message of that size). Never
 * throws (BigInt, symbols, cyclic objects are described).
 *
 * @example
 * ```ts
 * showValue("abc"); // => '"abc"'
 * showValue("x".repeat(5000), 10); // => '"xxxxxxxxxx…" (5,000 characters)'
 * ```
 */
export function showValue(value: unknown, max = QUOTE_LIMIT): string {
  if (typeof value === "string") {
    if (value.length <= max) return JSON.stringify(value);
    return `${JSON.stringify(head(value, max)).slice(0, -1)}…" (${grouped(value.length)} characters)`;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Values listed inside a message (`"a", "b", "c"`), each as `show` shows it ({@link showValue} by
 * default; {@link cutText} for ids), at most `maxItems` of them and then how many more: a header
 * of 100,000 columns lists ten.
 *
 * @example
 * ```ts
 * showList(["a", "b", "c"], 2); // => '"a", "b" and 1 more'
 * ```
 */
export function showList<T>(values: readonly T[], maxItems = 10, show: (value: T) => string = showValue): string {
  const shown = values.slice(0, maxItems).map((v) => show(v));
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${grouped(more)} more` : shown.join(", ");
}

/** Shorthand used by the stages to build an error issue. */
export function error(code: IssueCode, message: string, where: Omit<Issue, "code" | "severity" | "message"> = {}): Issue {
  return { code, severity: "error", message, ...where };
}

/** Shorthand used by the stages to build a warning issue. */
export function warning(code: IssueCode, message: string, where: Omit<Issue, "code" | "severity" | "message"> = {}): Issue {
  return { code, severity: "warning", message, ...where };
}

/** What a value is, as a message about a wrong argument says it: `42`, `null`, `bytes`, `an object`. */
function argumentKind(value: unknown): string {
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return showValue(value);
  if (value instanceof Uint8Array) return "bytes";
  if (Array.isArray(value)) return "an array";
  return `a${typeof value === "object" ? "n object" : ` ${typeof value}`}`;
}

/**
 * The one guard of the public functions' arguments: unless `ok`, throws a {@link DtiError}
 * `OPTION_INVALID` saying what `call` needs and what it got ("parseFramework needs the framework
 * JSON as a string … (got bytes)"), so that a wrong argument is never a bare TypeError from deep
 * inside.
 */
export function checkArgument(ok: boolean, call: string, needs: string, got: unknown): void {
  if (!ok) throw new DtiError([error("OPTION_INVALID", `${call} needs ${needs} (got ${argumentKind(got)})`)]);
}

/** True for a plain object (not null, not an array): what records, options and results are. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `value` looks like a score result: an object with a `units` array. */
export function isResultLike(value: unknown): boolean {
  return isObject(value) && Array.isArray(value["units"]);
}
