/**
 * The report's unit pages: one printed page per unit with its scores against the other units and
 * its group, its strongest and weakest indicators, its distance to the next rank and its radar.
 *
 * @module
 */
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { radarChart } from "../chart/radar.ts";
import { columnLabel, type Language } from "../columns.ts";
import { escapeXml as e } from "../escape.ts";
import { MISSING, type ValueFormatter } from "../format-number.ts";
import { mainIndicators } from "../main-indicators.ts";
import { rankNeighbours } from "../rank-neighbours.ts";
import { ratCmp, ratFromDecimal, ratScaledHalfUp, ratSub, scaledText } from "../../number/rational.ts";
import { averageValue, nodeValue, samePeers } from "../unit-stats.ts";
import type { ReportLever } from "./extras.ts";
import { figure, leverItems, strengthLists, type UnitItemTexts } from "./unit-items.ts";

const T = {
  vi: {
    rankOf: (r: string, n: number) => `Hạng ${r}/${n}`,
    groupRank: (g: string, r: number) => `${g}: hạng ${r} trong nhóm`,
    year: (y: number) => `Năm ${y}`,
    toNext: "Cách hạng trên",
    toNextSub: (rank: number, unit: string, value: string) => `hạng ${rank}: ${unit} (${value})`,
    lead: "Hơn hạng dưới",
    first: "Đứng đầu",
    last: "Cuối bảng",
    scores: "Điểm so với các đơn vị",
    head: (group: boolean) => ["Chỉ số", "Giá trị", "Hạng", "Trung bình", ...(group ? ["TB nhóm"] : []), "Cao nhất", "So với TB"],
  },
  en: {
    rankOf: (r: string, n: number) => `Rank ${r} of ${n}`,
    groupRank: (g: string, r: number) => `${g}: rank ${r} in the group`,
    year: (y: number) => `Year ${y}`,
    toNext: "Behind the next rank",
    toNextSub: (rank: number, unit: string, value: string) => `rank ${rank}: ${unit} (${value})`,
    lead: "Ahead of the next rank down",
    first: "First",
    last: "Last",
    scores: "Scores against the other units",
    head: (group: boolean) => ["Indicator", "Value", "Rank", "Average", ...(group ? ["Group average"] : []), "Highest", "vs average"],
  },
} as const;

/** What {@link unitPages} needs besides the result. */
export interface UnitPageContext {
  readonly language: Language;
  readonly locale: string;
  readonly fmt: ValueFormatter;
  /** The words the cards use for strengths, weaknesses and levers. */
  readonly texts: UnitItemTexts;
  readonly indexLabel: string;
  /** Per unit (by name): its levers, as on the cards. */
  readonly levers?: ReadonlyMap<string, readonly ReportLever[]>;
}

function highest(result: ScoreResult, units: readonly UnitResult[], id: string): string | null {
  let best: string | null = null;
  for (const u of units) {
    const v = nodeValue(result, u, id);
    if (v !== null && (best === null || ratCmp(ratFromDecimal(v)!, ratFromDecimal(best)!) > 0)) best = v;
  }
  return best;
}

function signedGap(a: string | null, b: string | null, places: number): string | null {
  if (a === null || b === null) return null;
  return scaledText(ratScaledHalfUp(ratSub(ratFromDecimal(a)!, ratFromDecimal(b)!), places), places);
}

/**
 * One `<article class="unit-page">` per unit of `units` (in that order), each printed on a page
 * of its own: the index value and rank, the gap to the next rank up ({@link rankNeighbours}) and the
 * lead over the next rank down, a table of the index and every main indicator (value, rank,
 * average of the units of that year, of its group, the highest, and the gap to the average), the
 * strengths and weaknesses ({@link strengthLists}), the levers when given, and the radar.
 *
 * @example
 * ```ts
 * // The report's `unitPages: true` option adds these pages, one per unit:
 * toHTMLReport(result, { unitPages: true }).match(/<article class="unit-page"/gu)?.length; // => 5
 * ```
 */
export function unitPages(result: ScoreResult, units: readonly UnitResult[], ctx: UnitPageContext): string {
  const { language, fmt } = ctx;
  const t = T[language];
  const places = result.framework.decimals;
  const rows = [{ id: result.root, label: ctx.indexLabel }, ...mainIndicators(result).map((n) => ({ id: n.id, label: columnLabel(n, language) }))];
  // Statistics per list of peers (a year) and per group, computed once for every page.
  const stats = new Map<string, { average: string | null; highest: string | null }>();
  const stat = (peers: readonly UnitResult[], key: string, id: string) => {
    const k = `${key}\u0000${id}`;
    let s = stats.get(k);
    if (s === undefined) {
      s = { average: averageValue(result, peers, id), highest: highest(result, peers, id) };
      stats.set(k, s);
    }
    return s;
  };
  const groups = new Map<string, UnitResult[]>();
  for (const u of result.units) {
    if (u.group === undefined) continue;
    const k = `${u.year ?? ""}\u0000${u.group}`;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [u]);
    else list.push(u);
  }
  const withGroup = result.units.some((u) => u.group !== undefined);
  return units
    .map((u, i) => {
      const peers = samePeers(result, u);
      const groupKey = `${u.year ?? ""}\u0000${u.group ?? ""}`;
      const group = u.group === undefined ? undefined : groups.get(groupKey);
      const { above, below } = rankNeighbours(result, u);
      const meta = [
        u.year === undefined ? undefined : t.year(u.year),
        u.group === undefined ? undefined : u.groupRank === null ? u.group : t.groupRank(u.group, u.groupRank),
        u.members === undefined ? undefined : u.members.join(" + "),
      ].filter((x): x is string => x !== undefined);
      const figures = [
        figure(ctx.indexLabel, fmt(u.value), t.rankOf(u.rank === null ? MISSING : String(u.rank), peers.length)),
        above === undefined
          ? figure(t.toNext, MISSING, u.rank === null ? undefined : t.first)
          : figure(t.toNext, fmt(above.distance), t.toNextSub(above.unit.rank as number, above.unit.unit, fmt(above.unit.value))),
        below === undefined
          ? figure(t.lead, MISSING, u.rank === null ? undefined : t.last)
          : figure(t.lead, fmt(below.distance), t.toNextSub(below.unit.rank as number, below.unit.unit, fmt(below.unit.value))),
      ];
      const body = rows.map((r) => {
        const all = stat(peers, `year\u0000${u.year ?? ""}`, r.id);
        const mine = nodeValue(result, u, r.id);
        const rank = r.id === result.root ? u.rank : (u.nodes[r.id]?.rank ?? null);
        const gap = signedGap(mine, all.average, places);
        const gapCell = gap === null ? `<td class="num missing">${MISSING}</td>` : `<td class="num gap ${gap.startsWith("-") ? "down" : "up"}">${gap.startsWith("-") ? "" : "+"}${e(fmt(gap))}</td>`;
        return [
          `<tr><th scope="row" class="unit">${e(r.label)}</th>`,
          `<td class="num">${e(fmt(mine))}</td>`,
          `<td class="rank">${rank === null ? MISSING : String(rank)}</td>`,
          `<td class="num">${e(fmt(all.average))}</td>`,
          withGroup ? `<td class="num">${group === undefined ? MISSING : e(fmt(stat(group, `group\u0000${groupKey}`, r.id).average))}</td>` : "",
          `<td class="num">${e(fmt(all.highest))}</td>`,
          gapCell,
          "</tr>",
        ].join("");
      });
      const levers = ctx.levers?.get(u.unit);
      const radar = radarChart(result, u.unit, { language, locale: ctx.locale, ...(u.year !== undefined ? { year: u.year } : {}), id: `page-radar-${i}`, width: 420, labels: "short" });
      return [
        `<article class="unit-page" id="page-${i}">`,
        `<h3>${e(u.unit)}</h3>`,
        meta.length > 0 ? `<div class="meta">${e(meta.join(" · "))}</div>` : "",
        `<div class="figures">${figures.join("")}</div>`,
        `<table class="dti-ranking unit-scores"><caption>${e(t.scores)}</caption>`,
        `<thead><tr>${t.head(withGroup).map((h, k) => `<th scope="col"${k === 0 ? ' class="unit"' : ""}>${e(h)}</th>`).join("")}</tr></thead>`,
        `<tbody>${body.join("\n")}</tbody></table>`,
        strengthLists(result, u, fmt, ctx.texts, language, true),
        levers === undefined ? "" : leverItems(result, levers, fmt, ctx.texts, ctx.indexLabel, ctx.locale, language),
        `<div class="radar">${radar}</div>`,
        "</article>",
      ].join("\n");
    })
    .join("\n");
}
