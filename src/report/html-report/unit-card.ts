/**
 * A unit's card in the HTML report: its score and rank, band, rank interval, strengths and
 * weaknesses, levers and radar.
 *
 * @module
 */

import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { radarChart } from "../chart/radar.ts";
import { escapeXml as e } from "../escape.ts";
import { formatNumber, localeStyle, type ValueFormatter } from "../format-number.ts";
import type { ReportTexts } from "./report-texts.ts";
import type { HtmlReportOptions } from "./report-options.ts";
import { intervalChart, intervalText } from "./uncertainty-section.ts";
import { leverItems, strengthLists } from "./unit-items.ts";

/** Per-card extras: the band badge, the levers, the rank interval. */
export interface CardExtras {
  readonly badge?: (unit: string, year: number | undefined) => string;
  readonly indexLabel: string;
  readonly locale: string;
}

/** The card of unit `u` (the `index`-th card, of `peers` units of its year). */
export function unitCard(result: ScoreResult, u: UnitResult, peers: number, index: number, fmt: ValueFormatter, t: ReportTexts, options: HtmlReportOptions, x: CardExtras): string {
  const language = options.language ?? "vi";
  const ua = options.uncertainty?.units.find((v) => v.unit === u.unit && options.uncertainty?.year === u.year);
  const levers = options.levers?.get(u.unit);
  const meta = [u.group, u.groupRank === null ? undefined : `${t.groupRank} ${u.groupRank}`, u.members === undefined ? undefined : u.members.join(" + ")].filter((x): x is string => x !== undefined);
  const radar = radarChart(result, u.unit, { language, ...(options.locale !== undefined ? { locale: options.locale } : {}), ...(u.year !== undefined ? { year: u.year } : {}), id: `card-radar-${index}`, width: 380, labels: "short" });
  return [
    `<article class="card" id="unit-${index}">`,
    `<header><h3>${e(u.unit)}</h3><span class="rank">${e(t.rank)} ${u.rank === null ? "–" : u.rank}${e(t.of)}${peers}</span></header>`,
    `<div class="score">${e(fmt(u.value))}${x.badge === undefined ? "" : ` ${x.badge(u.unit, u.year)}`}</div>`,
    ua === undefined || options.uncertainty === undefined
      ? ""
      : `<div class="meta interval-line"><span>${e(t.rankInterval(formatNumber(ua.medianRank, localeStyle(x.locale), { places: 1, trim: true }), intervalText(ua, x.locale)))}</span>${intervalChart(ua, options.uncertainty.units.length, intervalText(ua, x.locale))}</div>`,
    meta.length > 0 ? `<div class="meta">${e(meta.join(" · "))}</div>` : "",
    strengthLists(result, u, fmt, t, language),
    levers === undefined ? "" : leverItems(result, levers, fmt, t, x.indexLabel, x.locale, language),
    `<details><summary>${e(t.radar)}</summary>${radar}</details>`,
    "</article>",
  ].join("\n");
}
