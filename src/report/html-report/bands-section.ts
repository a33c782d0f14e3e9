/**
 * The HTML report's maturity bands: a badge per unit and the distribution of the units over the
 * bands (a stacked bar and a legend with each band's range and count).
 *
 * @module
 */
import type { Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";
import { span, type Inline } from "../document/model.ts";
import { bandClass, type ReportBands } from "./extras.ts";
import { localName } from "../../text/local-name.ts";

const label = localName;

/** Band ids in order (best first), from the counts. */
function order(bands: ReportBands): string[] {
  return [...new Set(bands.counts.map((c) => c.band))];
}

/**
 * A function giving a unit's band as a badge of the document model (`span`: in HTML
 * `<span class="band band-N">label</span>`), or undefined for a unit without a band.
 */
export function bandBadge(bands: ReportBands, language: Language): (unit: string, year: number | undefined) => Inline | undefined {
  const ids = order(bands);
  const byUnit = new Map(bands.units.map((u) => [`${u.unit}\u0000${u.year ?? ""}`, u]));
  return (unit, year) => {
    const u = byUnit.get(`${unit}\u0000${year ?? ""}`);
    if (u === undefined || u.band === null || u.label === null) return undefined;
    return span(label(u.label, language), `band ${bandClass(ids.indexOf(u.band), ids.length)}`);
  };
}

/**
 * The distribution of the units of `year` over the bands: a stacked bar (widths proportional to
 * the counts) and a legend with range and count per band.
 */
export function bandDistribution(bands: ReportBands, year: number | undefined, language: Language): string {
  const ids = order(bands);
  const counts = bands.counts.filter((c) => c.year === year);
  const total = counts.reduce((s, c) => s + c.count, 0);
  const banded = bands.units.filter((u) => u.year === year);
  const none = banded.filter((u) => u.band === null).length;
  const bar = counts
    .filter((c) => c.count > 0)
    .map((c) => {
      const width = (100 * c.count) / Math.max(1, total);
      return `<span class="band-seg ${bandClass(ids.indexOf(c.band), ids.length)}" style="width:${Math.round(width * 100) / 100}%" title="${e(label(c.label, language))}: ${c.count}">${width >= 6 ? c.count : ""}</span>`;
    });
  const legend = counts.map((c) => {
    const range = bands.ranges?.[c.band];
    return `<li><span class="band ${bandClass(ids.indexOf(c.band), ids.length)}">${e(label(c.label, language))}</span> <strong>${c.count}</strong>${range === undefined ? "" : ` <span class="meta">${e(range)}</span>`}</li>`;
  });
  const en = language === "en";
  const unplaced = none === 0 ? "" : `<p class="meta">${en ? `${none} units without a band (no value).` : `${none} đơn vị không có mức (thiếu giá trị).`}</p>`;
  return [
    `<div class="bands">`,
    `<h3>${e(label(bands.set.name, language))}</h3>`,
    total > 0 ? `<div class="band-bar" role="img" aria-label="${e(counts.map((c) => `${label(c.label, language)} ${c.count}`).join(", "))}">${bar.join("")}</div>` : "",
    `<ul class="band-legend">${legend.join("")}</ul>`,
    unplaced,
    bands.set.note === undefined ? "" : `<p class="meta">${e(bands.set.note)}</p>`,
    "</div>",
  ].join("\n");
}
