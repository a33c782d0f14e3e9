/**
 * Works out what each column of a table holds: the unit name, its code, group or year, an
 * indicator input, or (long form) the indicator name and the value.
 *
 * @module
 */
import { error, showList, showValue, warning, type Issue } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import { MAX_NAME_LENGTH } from "../text/clean-name.ts";
import { closestName, closestNameFinder } from "../text/closest-name.ts";
import { hinted } from "../text/option-hint.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { AMBIGUOUS, codedInput, inputAliases, inputKeyIndex, unmatchedInputNames } from "./input-aliases.ts";

export { codedInput, inputAliases, inputSpellings, isInputKey, type InputSpelling } from "./input-aliases.ts";

/** The roles a non-indicator column can play. */
export type ColumnRole = "unit" | "code" | "group" | "year" | "ranked" | "rankNote" | "indicator" | "value";

/** Column names to use for the roles, overriding the recognised defaults. */
export type ColumnNames = { readonly [R in ColumnRole]?: string };

/** Header names recognised for each role (compared after Unicode, case and invisible-character folding). */
export const ROLE_ALIASES: { readonly [R in ColumnRole]: readonly string[] } = {
  unit: [
    "unit", "name", "unit name", "đơn vị", "tên đơn vị", "tên", "tỉnh", "tỉnh/thành phố", "tỉnh, thành phố",
    "các tỉnh, thành phố trực thuộc tw", "province", "bộ", "bộ, ngành", "bộ/ngành", "ministry", "sở, ngành",
    "department", "phường", "xã", "phường/xã", "xã/phường", "ward", "commune", "doanh nghiệp", "enterprise",
    "trường", "school", "bệnh viện", "hospital",
  ],
  code: ["code", "unit code", "mã", "mã đơn vị", "mã tỉnh", "id"],
  group: ["group", "nhóm", "vùng", "region", "khối"],
  year: ["year", "năm", "kỳ đánh giá"],
  // Not "xếp hạng" alone: that is the header of published (and this library's) rank columns.
  ranked: ["ranked", "được xếp hạng", "có xếp hạng", "tham gia xếp hạng", "xét xếp hạng"],
  rankNote: ["lý do không xếp hạng", "ghi chú xếp hạng", "rank_note", "ranking note", "not ranked because", "unranked reason"],
  indicator: ["indicator", "chỉ số", "chỉ tiêu", "tiêu chí", "node", "input"],
  value: ["value", "giá trị", "điểm", "points", "score"],
};

/** What a table's columns were resolved to. */
export interface ColumnPlan {
  readonly shape: "wide" | "long";
  /** Column index of each role found. */
  readonly roles: { readonly [R in ColumnRole]?: number };
  /** Wide form: column index → framework input key. */
  readonly inputs: ReadonlyMap<number, string>;
  /** Normalised alias → input key, for long-form indicator names. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Normalised alias → computed node/view id (group or view: a score, not an input). */
  readonly computed: ReadonlyMap<string, string>;
  readonly issues: readonly Issue[];
}

/** Options that steer column resolution. */
export interface ResolveOptions {
  /** "auto" (default) picks long when indicator and value columns exist and no indicator column does. */
  readonly shape?: "auto" | "wide" | "long";
  readonly columns?: ColumnNames;
  /** A column that is neither a role nor an input: an error (default) or a warning. */
  readonly unknownColumns?: "error" | "warn";
  /** Columns to leave unread on purpose (notes, published ranks …), matched like headers. */
  readonly ignoreColumns?: readonly string[];
  /**
   * The line (CSV) or sheet row the headers are on, 1-based, as messages name rows; the rows above
   * it are titles, left out. Default: the row among the first 30 that names the most of the
   * framework's columns (see `findHeaderRow`). Not used for JSON records.
   */
  readonly headerRow?: number;
  /** Keep totals and averages rows ("Tổng cộng", "Trung bình" …) as units; default: leave them out with a warning. */
  readonly keepSummaryRows?: boolean;
}

/** Headers of a row-number column ("STT"): never an indicator, left unread without a word. */
export const ORDINAL_HEADERS: ReadonlySet<string> = new Set(["stt", "tt", "số tt", "số thứ tự", "thứ tự", "no", "no.", "#"]);

/**
 * Resolves the columns of a table against a framework: roles first where named explicitly, then
 * indicator inputs, then recognised role names; reports duplicate, ambiguous, unknown and
 * computed-score columns.
 *
 * @example
 * ```ts
 * const plan = resolveColumns(["Tỉnh/thành phố", "Nhận thức số"], getFramework("vn-dti-2022-province"));
 * plan.roles.unit; // => 0
 * plan.inputs.get(1); // => "awareness"
 * ```
 */
export function resolveColumns(headers: readonly string[], framework: Framework, options: ResolveOptions = {}): ColumnPlan {
  const issues: Issue[] = [];
  const { inputs: aliases, computed } = inputAliases(framework);
  const explicit = explicitRoles(headers, options, issues);
  const matched = matchHeaders(headers, framework, aliases, explicit, options, issues);
  const { roles, inputs, seen } = matched;
  missingIgnoredColumns(headers, seen, options, issues);
  const rest = recognisedRoles(headers, matched.unknown, roles, options);
  const shape = tableShape(roles, inputs, options);
  if (shape === "wide") {
    // In wide form an indicator/value role column is just an unknown column.
    for (const r of ["indicator", "value"] as const) {
      const col = roles[r];
      if (col !== undefined && !explicitlyNamed(options, r)) {
        rest.push(col);
        delete roles[r];
      }
    }
  }
  unknownColumnIssues(headers, rest, framework, computed, inputs, options, issues);
  missingRoleIssues(roles, shape, issues);
  return { shape, roles, inputs, aliases, computed, issues };
}

/** The roles named by the options (`columns`), by normalised header; a name that is no column is reported. */
function explicitRoles(headers: readonly string[], options: ResolveOptions, issues: Issue[]): Map<string, ColumnRole> {
  const explicit = new Map<string, ColumnRole>();
  for (const [role, name] of Object.entries(options.columns ?? {}) as [ColumnRole, string | undefined][]) {
    if (name === undefined) continue;
    if (!headers.some((h) => normalizeKey(h) === normalizeKey(name))) {
      issues.push(error("OPTION_INVALID", `the ${role} column ${showValue(name)} is not in the data (columns: ${showList(headers)})`));
    }
    explicit.set(normalizeKey(name), role);
  }
  return explicit;
}

interface MatchedHeaders {
  readonly roles: { [R in ColumnRole]?: number };
  readonly inputs: Map<number, string>;
  /** Normalised header → its first column. */
  readonly seen: Map<string, number>;
  /** Columns that are neither an explicit role, an input, ignored nor a row number. */
  readonly unknown: number[];
}

/**
 * Matches each header to an explicitly named role or an indicator input; reports headers too
 * long, twice, ambiguous, or giving an input another column gives.
 */
function matchHeaders(headers: readonly string[], framework: Framework, aliases: ReadonlyMap<string, string>, explicit: ReadonlyMap<string, ColumnRole>, options: ResolveOptions, issues: Issue[]): MatchedHeaders {
  const keys = inputKeyIndex(framework);
  const matched: MatchedHeaders = { roles: {}, inputs: new Map(), seen: new Map(), unknown: [] };
  const keyOwner = new Map<string, number>();
  const ignored = new Set((options.ignoreColumns ?? []).map(normalizeKey));
  headers.forEach((header, col) => {
    if (header.length > MAX_NAME_LENGTH) {
      // Left out before it becomes a key (see MAX_NAME_LENGTH); `column` keeps the header as written.
      issues.push(error("DATA_TOO_LARGE", `column ${col + 1} has a header of ${header.length} characters, more than the ${MAX_NAME_LENGTH} a name may have: ${showValue(header)}`, { column: header, row: 1 }));
      return;
    }
    const key = normalizeKey(header);
    const first = matched.seen.get(key);
    if (first !== undefined) {
      issues.push(error("DATA_DUPLICATE_COLUMN", `column ${showValue(header)} appears twice (columns ${first + 1} and ${col + 1})`, { column: header, row: 1 }));
      return;
    }
    matched.seen.set(key, col);
    if (ignored.has(key)) return;
    const role = explicit.get(key);
    if (role !== undefined) {
      matched.roles[role] = col;
      return;
    }
    const input = aliases.get(key) ?? codedInput(key, keys);
    if (input === AMBIGUOUS) {
      issues.push(error("DATA_AMBIGUOUS_COLUMN", `column ${showValue(header)} matches more than one indicator; name it by node id`, { column: header, row: 1 }));
      return;
    }
    if (input !== undefined) {
      const other = keyOwner.get(input);
      if (other !== undefined) {
        issues.push(
          error("DATA_AMBIGUOUS_COLUMN", `columns ${showValue(headers[other])} and ${showValue(header)} both give indicator input ${showValue(input)}`, { column: header, row: 1 }),
        );
        return;
      }
      keyOwner.set(input, col);
      matched.inputs.set(col, input);
      return;
    }
    if (ORDINAL_HEADERS.has(key)) return;
    matched.unknown.push(col);
  });
  return matched;
}

/** A name to ignore that is no column is most likely misspelt: the column it meant is still read. */
function missingIgnoredColumns(headers: readonly string[], seen: ReadonlyMap<string, number>, options: ResolveOptions, issues: Issue[]): void {
  for (const name of options.ignoreColumns ?? []) {
    if (seen.has(normalizeKey(name))) continue;
    const near = closestName(name, headers);
    issues.push(
      warning("OPTION_INVALID", `the column to ignore ${showValue(name)} is not in the data${near === undefined ? "" : `; did you mean ${showValue(near)}?`}`, {
        column: name,
      }),
    );
  }
}

/** Recognised role names, for roles not named explicitly, set into `roles`; the columns still unknown. */
function recognisedRoles(headers: readonly string[], unknown: readonly number[], roles: { [R in ColumnRole]?: number }, options: ResolveOptions): number[] {
  const rest: number[] = [];
  for (const col of unknown) {
    const key = normalizeKey(headers[col] as string);
    const role = (Object.keys(ROLE_ALIASES) as ColumnRole[]).find(
      (r) => roles[r] === undefined && !explicitlyNamed(options, r) && ROLE_ALIASES[r].includes(key),
    );
    if (role !== undefined) roles[role] = col;
    else rest.push(col);
  }
  return rest;
}

/** Wide or long: as asked, else long when indicator and value columns exist and no input column does. */
function tableShape(roles: { readonly [R in ColumnRole]?: number }, inputs: ReadonlyMap<number, string>, options: ResolveOptions): "wide" | "long" {
  if (options.shape === "wide" || options.shape === "long") return options.shape;
  return roles.indicator !== undefined && roles.value !== undefined && inputs.size === 0 ? "long" : "wide";
}

/** Reports the columns that are no role nor input: a computed score (a warning), else unknown (with the closest input's name). */
function unknownColumnIssues(headers: readonly string[], rest: number[], framework: Framework, computed: ReadonlyMap<string, string>, inputs: ReadonlyMap<number, string>, options: ResolveOptions, issues: Issue[]): void {
  // Built once (not per unknown column): thousands of unknown headers must stay cheap.
  let findNear: ((name: string) => string | undefined) | undefined;
  for (const col of rest.sort((a, b) => a - b)) {
    const header = headers[col] as string;
    const node = computed.get(normalizeKey(header));
    if (node !== undefined && node !== AMBIGUOUS) {
      issues.push(
        warning("DATA_UNKNOWN_COLUMN", `column ${showValue(header)} holds a computed score (node ${showValue(node)}); it is not read: scores are computed from the indicators`, {
          column: header,
          row: 1,
        }),
      );
      continue;
    }
    const make = options.unknownColumns === "warn" ? warning : error;
    findNear ??= closestNameFinder(unmatchedInputNames(framework, new Set(inputs.values())));
    const near = findNear(header);
    const hint = near === undefined ? "" : `; did you mean ${showValue(near)}?`;
    const { message, hints } = hinted(
      (o) =>
        `column ${showValue(header)} is not an indicator of framework ${showValue(framework.id)} nor a unit, code, group or year column${options.unknownColumns === "warn" ? `; it is not read${hint}` : `${hint} (leave it out with ${o("ignoreColumns", header)}, or use ${o("unknownColumns", "warn")})`}`,
    );
    issues.push(make("DATA_UNKNOWN_COLUMN", message, { column: header, row: 1, ...(hints.length > 0 ? { hints } : {}) }));
  }
}

/** The unit column, and in long form the indicator and value columns, are required. */
function missingRoleIssues(roles: { readonly [R in ColumnRole]?: number }, shape: "wide" | "long", issues: Issue[]): void {
  if (roles.unit === undefined) {
    const { message, hints } = hinted((o) => `no unit column: name one of ${ROLE_ALIASES.unit.slice(0, 6).map((a) => JSON.stringify(a)).join(", ")} …, or name it with ${o("columns.unit")}`);
    issues.push(error("DATA_NO_UNIT_COLUMN", message, { row: 1, hints }));
  }
  if (shape === "long") {
    if (roles.indicator === undefined) issues.push(error("DATA_NO_UNIT_COLUMN", `long-form data needs an indicator column ("indicator", "chỉ số")`, { row: 1 }));
    if (roles.value === undefined) issues.push(error("DATA_NO_UNIT_COLUMN", `long-form data needs a value column ("value", "giá trị")`, { row: 1 }));
  }
}

function explicitlyNamed(options: ResolveOptions, role: ColumnRole): boolean {
  return options.columns?.[role] !== undefined;
}
