/**
 * Units assessed but not ranked (Hải Dương scores its departments without public services and
 * leaves them out of the ranking): marked by a "no" in the data's ranked column or named in the
 * `unranked` option. They keep every score and value; they get no rank and take no place in the
 * others' ranks.
 *
 * @module
 */
import { error, showList, warning, type Issue } from "../errors.ts";
import type { UnitInput } from "../input/unit-input.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** The `unranked` option: unit names (or codes), or names mapped to the reason they are not ranked. */
export type UnrankedOption = readonly string[] | Readonly<Record<string, string>>;

type UnitId = Pick<UnitInput, "unit" | "code" | "ranked" | "rankNote">;

/** Decides unit by unit (as a stream meets them) which are not ranked, and reports them at the end. */
export interface UnrankedMatcher {
  /** `false` when the unit is ranked; else `{ note }`, the reason given if any. */
  mark(unit: UnitId): false | { readonly note: string | undefined };
  /** A warning naming the units left out of ranks; an error for an option name no unit had. */
  issues(): Issue[];
}

/**
 * A matcher for the `unranked` option (names matched as names are, or codes) and the data's
 * ranked column.
 *
 * @example
 * ```ts
 * const m = unrankedMatcher({ "Sở B": "không có dịch vụ công" });
 * m.mark({ unit: "Sở A" }); // => false
 * m.mark({ unit: "sở b" }); // => { note: "không có dịch vụ công" }
 * ```
 */
export function unrankedMatcher(option: UnrankedOption | undefined): UnrankedMatcher {
  const named = new Map<string, { name: string; reason: string | undefined }>();
  if (option !== undefined) {
    const entries: [string, string | undefined][] = Array.isArray(option) ? (option as readonly string[]).map((n) => [n, undefined]) : Object.entries(option);
    for (const [name, reason] of entries) named.set(normalizeKey(name), { name, reason });
  }
  const used = new Set<string>();
  const left: string[] = [];
  let count = 0;
  // Without names in the option (the usual case) no name is folded: only the data's column marks.
  const namedKey = (u: UnitId): string | undefined => {
    if (named.size === 0) return undefined;
    const name = normalizeKey(u.unit);
    if (named.has(name)) return name;
    const code = u.code === undefined ? undefined : normalizeKey(u.code);
    return code !== undefined && named.has(code) ? code : undefined;
  };
  return {
    mark(u) {
      const key = namedKey(u);
      if (key === undefined && u.ranked !== false) return false;
      if (key !== undefined) used.add(key);
      const note = (key === undefined ? undefined : named.get(key)!.reason) ?? u.rankNote;
      count++;
      if (left.length < 10) left.push(note === undefined ? u.unit : `${u.unit} (${note})`);
      return { note };
    },
    issues() {
      const issues: Issue[] = [];
      const unknown = [...named].filter(([k]) => !used.has(k)).map(([, v]) => v.name);
      if (unknown.length > 0) {
        issues.push(error("DATA_NOT_RANKED", `option unranked names ${showList(unknown)}, which the data has no unit (or code) for: write the names as the unit column does`));
      }
      if (count > 0) {
        const more = count - left.length;
        issues.push(
          warning("DATA_NOT_RANKED", `${count} unit(s) scored but not ranked: ${left.join(", ")}${more > 0 ? ` and ${more} more` : ""}; they get no rank and take no place in the others' ranks`, {
            messageVi: `${count} đơn vị được đánh giá nhưng không xếp hạng: ${left.join(", ")}${more > 0 ? ` và ${more} đơn vị khác` : ""}`,
          }),
        );
      }
      return issues;
    },
  };
}

/** Which units are not ranked, and why. */
export interface Unranked {
  /** Per unit: 1 when it is not ranked. */
  readonly flags: Uint8Array;
  /** Per unit: the reason given, if any. */
  readonly notes: readonly (string | undefined)[];
  readonly issues: readonly Issue[];
}

/**
 * Marks the units not ranked among units read into memory (see {@link unrankedMatcher}).
 *
 * @example
 * ```ts
 * const u = unrankedUnits([{ unit: "Sở A" }, { unit: "Sở B" }], { "Sở B": "không có dịch vụ công" });
 * Array.from(u.flags); // => [0, 1]
 * u.notes[1]; // => "không có dịch vụ công"
 * ```
 */
export function unrankedUnits(units: readonly UnitId[], option: UnrankedOption | undefined): Unranked {
  const matcher = unrankedMatcher(option);
  const flags = new Uint8Array(units.length);
  const notes = units.map((u, i) => {
    const mark = matcher.mark(u);
    if (mark === false) return undefined;
    flags[i] = 1;
    return mark.note;
  });
  return { flags, notes, issues: matcher.issues() };
}
