/**
 * Checks the options of `score()` / `validate()` before any work: every value of the wrong kind is
 * an `OPTION_INVALID` issue (a malformed merge entry `DATA_MERGE_INVALID`), never a `TypeError`
 * deep inside a stage, and never silently ignored.
 *
 * @module
 */
import { error, isObject, showValue, type Issue } from "../errors.ts";
import { ROLE_ALIASES } from "../input/resolve-columns.ts";
import { IMPUTE_METHODS } from "../methods/impute/imputer.ts";
import type { ScoreOptions } from "./types.ts";

const isPlainObject = (v: unknown): v is Record<string, unknown> => isObject(v) && !(v instanceof Map);

/**
 * Returns every problem with `options` (an empty list when they are fine).
 *
 * @example
 * ```ts
 * checkOptions({ missing: "zero" }); // => []
 * checkOptions({ ranking: "olympic" as never })[0]?.code; // => "OPTION_INVALID"
 * ```
 */
export function checkOptions(options: ScoreOptions): Issue[] {
  const issues: Issue[] = [];
  if (!isPlainObject(options as unknown)) return [error("OPTION_INVALID", `options must be an object (got ${showValue(options)})`)];
  const bad = (message: string) => issues.push(error("OPTION_INVALID", message));
  const oneOf = (name: string, value: unknown, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value as string)) bad(`option ${name} must be one of ${allowed.join(", ")} (got ${showValue(value)})`);
  };
  oneOf("missing", options.missing, ["error", "zero", "reweight"]);
  oneOf("ranking", options.ranking, ["competition", "dense", "ordinal"]);
  oneOf("ties", options.ties, ["published", "exact"]);
  oneOf("shape", options.shape, ["auto", "wide", "long"]);
  oneOf("unknownColumns", options.unknownColumns, ["error", "warn"]);
  oneOf("arithmetic", options.arithmetic, ["exact", "float"]);
  const impute: unknown = options.impute;
  if (impute !== undefined) {
    const methods = typeof impute === "string" ? [impute] : Array.isArray(impute) ? impute : undefined;
    if (methods === undefined) bad(`option impute must be a method or a list of methods (${IMPUTE_METHODS.join(", ")}; got ${showValue(impute)})`);
    else for (const m of methods) oneOf("impute", m, IMPUTE_METHODS);
  }
  if (options.minCoverage !== undefined && !(typeof options.minCoverage === "number" && options.minCoverage >= 0 && options.minCoverage <= 1)) {
    bad(`option minCoverage must be a number from 0 to 1 (got ${showValue(options.minCoverage)})`);
  }
  if (options.decimals !== undefined && !(Number.isInteger(options.decimals) && options.decimals >= 0 && options.decimals <= 12)) {
    bad(`option decimals must be a whole number from 0 to 12 (got ${showValue(options.decimals)})`);
  }
  const columns: unknown = options.columns;
  if (columns !== undefined) {
    if (!isPlainObject(columns)) bad(`option columns must be an object such as { unit: "Tỉnh" } (got ${showValue(columns)})`);
    else {
      for (const role of Object.keys(columns)) {
        const name = columns[role];
        if (!Object.hasOwn(ROLE_ALIASES, role)) bad(`option columns: ${showValue(role)} is not a column role (${Object.keys(ROLE_ALIASES).join(", ")})`);
        else if (name !== undefined && (typeof name !== "string" || name.trim() === "")) bad(`option columns.${role} must be a column name (got ${showValue(name)})`);
      }
    }
  }
  const ignore: unknown = options.ignoreColumns;
  if (ignore !== undefined && !(Array.isArray(ignore) && ignore.every((c) => typeof c === "string"))) {
    bad(`option ignoreColumns must be an array of column names (got ${showValue(ignore)})`);
  }
  if (options.headerRow !== undefined && !(Number.isInteger(options.headerRow) && options.headerRow >= 1)) {
    bad(`option headerRow must be a line number, 1 or more (got ${showValue(options.headerRow)})`);
  }
  if (options.keepSummaryRows !== undefined && typeof options.keepSummaryRows !== "boolean") {
    bad(`option keepSummaryRows must be true or false (got ${showValue(options.keepSummaryRows)})`);
  }
  const unranked: unknown = options.unranked;
  if (
    unranked !== undefined &&
    !(Array.isArray(unranked) ? unranked.every((n) => typeof n === "string") : isPlainObject(unranked) && Object.values(unranked).every((r) => typeof r === "string"))
  ) {
    bad(`option unranked must be a list of unit names, or an object of unit name → reason (got ${showValue(unranked)})`);
  }
  if (options.merge !== undefined) for (const issue of checkMerge(options.merge)) issues.push(issue);
  return issues;
}

function checkMerge(merge: unknown): Issue[] {
  const text = (v: unknown) => typeof v === "string" && v.trim() !== "";
  if (merge instanceof Map) {
    const ok = [...merge].every(([unit, into]) => text(unit) && text(into));
    return ok ? [] : [error("DATA_MERGE_INVALID", "option merge: a Map must map unit names (text) to merged unit names (text)")];
  }
  if (Array.isArray(merge)) {
    const issues: Issue[] = [];
    merge.forEach((entry: unknown, i) => {
      const e = entry as Record<string, unknown> | null;
      const optionalText = (v: unknown) => v === undefined || typeof v === "string";
      if (!isPlainObject(e) || !text(e["unit"]) || !text(e["into"]) || !optionalText(e["code"]) || !optionalText(e["group"])) {
        issues.push(error("DATA_MERGE_INVALID", `option merge, entry ${i + 1}: must be { unit: "…", into: "…" } with optional code and group (got ${showValue(entry)})`));
      }
    });
    return issues;
  }
  if (isPlainObject(merge)) {
    const bad = Object.keys(merge).filter((k) => !text(k) || !text(merge[k]));
    return bad.length === 0 ? [] : [error("DATA_MERGE_INVALID", `option merge: ${showValue(bad[0])} must map to a merged unit name (text)`)];
  }
  return [error("OPTION_INVALID", `option merge must be an array of { unit, into }, a Map or an object of unit → merged unit (got ${showValue(merge)})`)];
}
