/**
 * Pieces the report's unit cards and unit pages share: a key figure, a unit's strengths and
 * weaknesses against the average, and its levers.
 *
 * @module
 */
import { ratFromNumber, ratScaledHalfUp, scaledText } from "../../number/rational.ts";
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import type { Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";
import { formatNumber, localeStyle, type ValueFormatter } from "../format-number.ts";
import { unitStrengths, type IndicatorDifference } from "../strengths.ts";
import type { ReportLever } from "./extras.ts";
import { localName } from "../../text/local-name.ts";

/** The words of {@link strengthLists} and {@link leverItems}, in the report's language. */
export interface UnitItemTexts {
  readonly vsAverage: string;
  readonly strengths: string;
  readonly weaknesses: string;
  readonly relativeStrengths: string;
  readonly relativeStrengthsNote: string;
  readonly relativeWeaknesses: string;
  readonly relativeWeaknessesNote: string;
  readonly noneAbove: string;
  readonly noneBelow: string;
  readonly levers: string;
  readonly lever: (name: string, now: string, step: string, index: string, gain: string) => string;
}

/** A key figure: a label, a big value and an optional line under it. */
export function figure(key: string, value: string, sub?: string): string {
  return `<div class="figure"><div class="k">${e(key)}</div><div class="v">${e(value)}</div>${sub === undefined ? "" : `<div class="s">${e(sub)}</div>`}</div>`;
}

function gapItem(g: IndicatorDifference, fmt: ValueFormatter, t: UnitItemTexts, language: Language): string {
  const name = localName(g.node.name, language);
  const up = !g.difference.startsWith("-");
  return `<li>${e(name)} <strong>${e(fmt(g.value))}</strong> <span class="gap ${up ? "up" : "down"}">(${up ? "+" : ""}${e(fmt(g.difference))} ${e(t.vsAverage)})</span></li>`;
}

/**
 * A unit's strengths and weaknesses ({@link unitStrengths}) as two labelled lists, each indicator
 * with its value and its gap to the average; `wrap` puts each side in its own element.
 */
export function strengthLists(result: ScoreResult, u: UnitResult, fmt: ValueFormatter, t: UnitItemTexts, language: Language, wrap = false): string {
  const { strengths, weaknesses, relativeStrengths, relativeWeaknesses } = unitStrengths(result, u.unit, u.year === undefined ? {} : { year: u.year });
  const up = [
    `<div class="label up">${relativeStrengths ? `${e(t.relativeStrengths)} <span class="note">(${e(t.relativeStrengthsNote)})</span>` : e(t.strengths)}</div>`,
    strengths.length > 0 ? `<ul>${strengths.map((g) => gapItem(g, fmt, t, language)).join("")}</ul>` : `<p class="meta">${e(t.noneAbove)}</p>`,
  ].join("\n");
  const down = [
    `<div class="label down">${relativeWeaknesses ? `${e(t.relativeWeaknesses)} <span class="note">(${e(t.relativeWeaknessesNote)})</span>` : e(t.weaknesses)}</div>`,
    weaknesses.length > 0 ? `<ul>${weaknesses.map((g) => gapItem(g, fmt, t, language)).join("")}</ul>` : `<p class="meta">${e(t.noneBelow)}</p>`,
  ].join("\n");
  return wrap ? `<div class="sides"><div>${up}</div><div>${down}</div></div>` : `${up}\n${down}`;
}

/** A unit's levers as a labelled list ("Hoạt động chính quyền số (0,9209) thêm 0,1 → DTI +0,0158"); "" when none. */
export function leverItems(result: ScoreResult, levers: readonly ReportLever[], fmt: ValueFormatter, t: UnitItemTexts, indexLabel: string, locale: string, language: Language): string {
  const style = localeStyle(locale);
  const items = levers.map((l) => {
    const gain = fmt(scaledText(ratScaledHalfUp(ratFromNumber(l.gain), result.framework.decimals), result.framework.decimals));
    const name = localName(l.name, language);
    const now = l.value === undefined || l.value === null ? "" : ` (${fmt(l.value)})`;
    return `<li>${e(t.lever(name, now, formatNumber(l.step, style, { places: 4, trim: true }), indexLabel, `+${gain}`))}</li>`;
  });
  return items.length === 0 ? "" : `<div class="label lever">${e(t.levers)}</div><ul>${items.join("")}</ul>`;
}
