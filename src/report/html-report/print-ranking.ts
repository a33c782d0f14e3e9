/**
 * The ranking on paper: a table wider than an A4 page is split into tables of columns that fit,
 * each repeating the rank, unit (group, year) and index columns, so that no column is ever lost
 * in print; its header row repeats on every page.
 *
 * @module
 */
import type { NodeInfo, ScoreResult } from "../../pipeline/types.ts";
import { reportColumns, type Language } from "../columns.ts";
import { toHTML, type HtmlExtraColumn } from "../to-html.ts";

/** Widths (CSS px) of the printed table's columns at its 8 pt type, measured on Chromium's print. */
const WIDTH = { rank: 30, unit: 150, group: 100, groupRank: 40, year: 36, value: 48, extra: 80 } as const;
/** Content widths (CSS px) of an A4 page with the report's margins: portrait 186 mm, landscape 277 mm. */
export const PAGE_WIDTH = { portrait: 700, landscape: 1040 } as const;

/** How the ranking prints: on which page orientation, and its columns in tables that fit. */
export interface PrintLayout {
  /** "portrait" when the whole table fits a portrait page, else "landscape". */
  readonly orientation: "portrait" | "landscape";
  /** The node and view columns of each printed table (one table when they all fit). */
  readonly chunks: readonly (readonly NodeInfo[])[];
}

/**
 * Splits the ranking's columns into tables that fit an A4 page: the width of the columns every
 * table repeats (rank, unit, group and group rank, year, index, `extras` extra columns on the
 * first) is subtracted from a landscape page and the rest is filled with node columns. Columns stay
 * in tree order; a main indicator and its sub-indicators stay together when they fit in one table.
 *
 * @example
 * ```ts
 * printLayout(result).chunks.length; // => 1  (the top five's 13 columns fit one landscape page)
 * printLayout(score(fw, table), 3).chunks.map((c) => c[0]?.id); // => ["foundation", "activity"]  (3 extra columns: split by main indicator)
 * ```
 */
export function printLayout(result: ScoreResult, extras = 0, columns: readonly NodeInfo[] = reportColumns(result)): PrintLayout {
  const withGroup = result.units.some((u) => u.group !== undefined);
  const withYear = result.units.some((u) => u.year !== undefined);
  const fixed = WIDTH.rank + WIDTH.unit + WIDTH.value + (withGroup ? WIDTH.group + WIDTH.groupRank : 0) + (withYear ? WIDTH.year : 0);
  const whole = fixed + extras * WIDTH.extra + columns.length * WIDTH.value;
  if (whole <= PAGE_WIDTH.portrait) return { orientation: "portrait", chunks: [columns] };
  if (whole <= PAGE_WIDTH.landscape) return { orientation: "landscape", chunks: [columns] };
  const first = Math.max(1, Math.floor((PAGE_WIDTH.landscape - fixed - extras * WIDTH.extra) / WIDTH.value));
  const rest = Math.max(1, Math.floor((PAGE_WIDTH.landscape - fixed) / WIDTH.value));
  // Blocks: a child of the root with everything under it; the views together.
  const blocks: NodeInfo[][] = [];
  for (const c of columns) {
    const starts = blocks.length === 0 || c.parent === result.root || (c.kind === "view" && blocks.at(-1)?.[0]?.kind !== "view");
    if (starts) blocks.push([c]);
    else blocks.at(-1)?.push(c);
  }
  const chunks: NodeInfo[][] = [];
  let current: NodeInfo[] = [];
  const room = () => (chunks.length === 0 ? first : rest);
  for (const block of blocks) {
    if (current.length > 0 && current.length + block.length > room()) {
      chunks.push(current);
      current = [];
    }
    for (const c of block) {
      if (current.length >= room()) {
        chunks.push(current);
        current = [];
      }
      current.push(c);
    }
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return { orientation: "landscape", chunks };
}

/** Options of {@link rankingSection}. */
export interface RankingSectionOptions {
  readonly language: Language;
  readonly locale: string;
  readonly extraColumns: readonly HtmlExtraColumn[];
}

/**
 * The ranking section's content: the full table (on screen it scrolls; in print it is the table
 * when it fits a page) and, when it does not fit, the printed tables of {@link printLayout} (shown
 * in print only, "Bảng xếp hạng (phần 2/3)"); and whether it prints on landscape pages.
 */
export function rankingSection(result: ScoreResult, options: RankingSectionOptions): { readonly html: string; readonly landscape: boolean } {
  const { language, locale, extraColumns } = options;
  const layout = printLayout(result, extraColumns.length);
  const full = toHTML(result, { language, locale, extraColumns });
  if (layout.chunks.length === 1) return { html: `<div class="table-wrap">${full}</div>`, landscape: layout.orientation === "landscape" };
  const n = layout.chunks.length;
  const parts = layout.chunks.map((chunk, i) =>
    `<div class="print-chunk">${toHTML(result, {
      language,
      locale,
      columns: chunk.map((c) => c.id),
      extraColumns: i === 0 ? extraColumns : [],
      caption: language === "en" ? `Ranking (part ${i + 1} of ${n})` : `Bảng xếp hạng (phần ${i + 1}/${n})`,
    })}</div>`,
  );
  return { html: `<div class="table-wrap screen-only">${full}</div>\n<div class="print-only">\n${parts.join("\n")}</div>`, landscape: true };
}
