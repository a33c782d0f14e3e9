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

/** Which units are not ranked, and why (the note given, if any). */
export interface Unranked {
  /** Per unit: 1 when it is not ranked. */
  readonly flags: Uint8Array;
  /** Per unit: the reason given, if any. */
  readonly notes: readonly (string | undefined)[];
  /** A warning naming the units left out of ranks; an error for an option name no unit has. */
  readonly issues: readonly Issue[];
}

/**
 * Marks the units not ranked: those whose data says so (`ranked: false`) and those the option
 * names (by unit name, matched as names are, or by code).
 *
 * @example
 * ```ts
 * const u = unrankedUnits([{ unit: "Sở A", row: 2, values: new Map() }, { unit: "Sở B", row: 3, values: new Map() }], { "Sở B": "không có dịch vụ công" });
 * Array.from(u.flags); // => [0, 1]
 * u.notes[1]; // => "không có dịch vụ công"
 * ```
 */
export function unrankedUnits(units: readonly Pick<UnitInput, "unit" | "code" | "ranked" | "rankNote" | "year">[], option: UnrankedOption | undefined): Unranked {
  const flags = new Uint8Array(units.length);
  const notes: (string | undefined)[] = units.map((u) => u.rankNote);
  const issues: Issue[] = [];
  const named = new Map<string, { name: string; reason: string | undefined }>();
  if (option !== undefined) {
    const entries: [string, string | undefined][] = Array.isArray(option) ? (option as readonly string[]).map((n) => [n, undefined]) : Object.entries(option);
    for (const [name, reason] of entries) named.set(normalizeKey(name), { name, reason });
  }
  const used = new Set<string>();
  units.forEach((u, i) => {
    const key = [normalizeKey(u.unit), u.code === undefined ? undefined : normalizeKey(u.code)].find((k) => k !== undefined && named.has(k));
    if (key !== undefined) {
      used.add(key);
      flags[i] = 1;
      notes[i] = named.get(key)!.reason ?? notes[i];
    }
    if (u.ranked === false) flags[i] = 1;
  });
  const unknown = [...named].filter(([k]) => !used.has(k)).map(([, v]) => v.name);
  if (unknown.length > 0) {
    issues.push(error("DATA_NOT_RANKED", `option unranked names ${showList(unknown)}, which the data has no unit (or code) for: write the names as the unit column does`));
  }
  const left = units.flatMap((u, i) => (flags[i] === 1 ? [notes[i] === undefined ? u.unit : `${u.unit} (${notes[i]})`] : []));
  if (left.length > 0) {
    issues.push(
      warning("DATA_NOT_RANKED", `${left.length} unit(s) scored but not ranked: ${left.slice(0, 10).join(", ")}${left.length > 10 ? ` and ${left.length - 10} more` : ""}; they get no rank and take no place in the others' ranks`, {
        messageVi: `${left.length} đơn vị được đánh giá nhưng không xếp hạng: ${left.slice(0, 10).join(", ")}${left.length > 10 ? ` và ${left.length - 10} đơn vị khác` : ""}`,
      }),
    );
  }
  return { flags, notes, issues };
}
