/**
 * The note a report shows for a unit assessed but not ranked (its rank cells are blank): why it
 * has no rank, in the report's language, with the reason the data or the `unranked` option gave.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import type { Language } from "../text/language.ts";

/** The words: "không xếp hạng" (vi), "not ranked" (en). */
export const NOT_RANKED: { readonly [L in Language]: string } = { vi: "không xếp hạng", en: "not ranked" };

/** The header of the note column: "Ghi chú xếp hạng" (vi), "Ranking note" (en). */
export const RANK_NOTE_HEADER: { readonly [L in Language]: string } = { vi: "Ghi chú xếp hạng", en: "Ranking note" };

/**
 * The note of a unit not ranked ("không xếp hạng: không có dịch vụ công"), undefined for a ranked one.
 *
 * @example
 * ```ts
 * rankNoteText({ ranked: false, rankNote: "không có dịch vụ công" }); // => "không xếp hạng: không có dịch vụ công"
 * rankNoteText({}, "en"); // => undefined
 * ```
 */
export function rankNoteText(unit: Pick<UnitResult, "ranked" | "rankNote">, language: Language = "vi"): string | undefined {
  if (unit.ranked !== false) return undefined;
  return unit.rankNote === undefined ? NOT_RANKED[language] : `${NOT_RANKED[language]}: ${unit.rankNote}`;
}

/** True when some unit of the result is not ranked (reports then add a note column). */
export function hasUnranked(result: Pick<ScoreResult, "units">): boolean {
  return result.units.some((u) => u.ranked === false);
}
