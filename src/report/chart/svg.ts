/**
 * Small helpers shared by the SVG charts: fonts, colours, coordinates, text width, the document.
 *
 * @module
 */
import { escapeXml } from "../escape.ts";

/** A font stack with Vietnamese glyphs on every common system. */
export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** Colours: the unit, the average, the leader, before/after, and a colour-blind-safe palette for groups. */
export const COLORS = {
  unit: "#1d4ed8",
  average: "#6b7280",
  leader: "#d97706",
  before: "#94a3b8",
  after: "#1d4ed8",
  up: "#15803d",
  down: "#b91c1c",
  text: "#1f2937",
  muted: "#4b5563",
  grid: "#e5e7eb",
  axis: "#9ca3af",
  bar: "#2563eb",
} as const;

/** Okabe–Ito-like palette (distinguishable with colour-vision deficiencies), for groups. */
export const GROUP_PALETTE: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D31", "#6A3D9A", "#999999"];

/** A coordinate as short, deterministic text (at most 2 decimals, no "-0"). */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Rough width of one character in em (0 for a combining mark). */
function charEm(ch: string): number {
  if (/[\p{M}]/u.test(ch)) return 0;
  // Generous widths (DejaVu Sans, a common Linux fallback, is wider than Arial).
  if (/[iljI.,:;'!|()[\]\s]/u.test(ch)) return 0.34;
  if (/[mwMW]/u.test(ch)) return 0.92;
  if (/[\p{Lu}]/u.test(ch)) return 0.72;
  if (/\d/u.test(ch)) return 0.64;
  return 0.62;
}

/** Rough width in pixels of a text in a sans-serif font (for layout only). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += charEm(ch);
  return em * fontSize;
}

/** Cuts a text to fit `width` pixels, ending with "…". */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  // One pass over the characters (not one measure per character dropped: a 500,000-character
  // unit name would take minutes). The widths add up in the order textWidth adds them.
  const ellipsis = charEm("…");
  let em = 0;
  let end = 0;
  let kept = 0;
  for (const ch of text.normalize("NFC")) {
    em += charEm(ch);
    if (kept >= 1 && (em + ellipsis) * fontSize > width) break;
    end += ch.length;
    kept++;
  }
  return `${text.normalize("NFC").slice(0, end).trimEnd()}…`;
}

/** Splits a label longer than `max` characters into two lines at the space that balances them best. */
export function wrapLabel(text: string, max: number): string[] {
  const words = text.split(/\s+/u);
  if (text.length <= max || words.length < 2) return [text];
  let best: [string, string] = [text, ""];
  let bestLongest = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(" ");
    const b = words.slice(i).join(" ");
    const longest = Math.max(a.length, b.length);
    if (longest < bestLongest) {
      best = [a, b];
      bestLongest = longest;
    }
  }
  return best;
}

/** A `<text>` element with escaped content and the given attributes. */
export function text(x: number, y: number, content: string, attrs: Record<string, string | number | undefined> = {}): string {
  return `<text x="${num(x)}" y="${num(y)}"${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** Attributes as text (escaped; undefined values left out). */
export function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? num(v) : escapeXml(v)}"`)
    .join("");
}

/** The chart's title and subtitle lines at the top; returns the SVG and the height used. */
export function heading(title: string, subtitle: string | undefined, x: number, width: number): { svg: string; height: number } {
  const parts = [text(x, 28, fitText(title, width, 17), { class: "title", "font-size": 17, "font-weight": 600, fill: COLORS.text })];
  if (subtitle !== undefined) parts.push(text(x, 48, fitText(subtitle, width, 12), { class: "subtitle", "font-size": 12, fill: COLORS.muted }));
  return { svg: parts.join("\n"), height: subtitle === undefined ? 40 : 60 };
}

/** A complete, standalone SVG document with a `<title>` and `<desc>` for screen readers. */
export function svgDocument(doc: { width: number; height: number; title: string; desc: string; id: string; lang: string }, body: readonly string[]): string {
  const { width, height, id } = doc;
  const safeId = id.replace(/[^A-Za-z0-9_-]/gu, "-");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-labelledby="${safeId}-title ${safeId}-desc" lang="${escapeXml(doc.lang)}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title id="${safeId}-title">${escapeXml(doc.title)}</title>`,
    `<desc id="${safeId}-desc">${escapeXml(doc.desc)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

/** Tick values from 0 to `max` as exact decimal texts ("0", "0.2", …, "1"). */
export function ticks(max: number, count = 5): string[] {
  const out: string[] = [];
  for (let i = 0; i <= count; i++) out.push(String(Math.round((max * i * 1e6) / count) / 1e6));
  return out;
}

/** The row between the top and the bottom of a partial chart: the note, centred, on a dashed rule. */
export function gapRow(note: string, y: number, rowHeight: number, width: number): string {
  const mid = y + rowHeight / 2;
  return `<g class="window-gap"><line x1="16" y1="${num(mid)}" x2="${num(width - 16)}" y2="${num(mid)}" stroke="${COLORS.axis}" stroke-dasharray="4 4"/>${text(width / 2, mid + 4, `⋯ ${note} ⋯`, { "text-anchor": "middle", "font-size": 12, "font-style": "italic", fill: COLORS.text, stroke: "#ffffff", "stroke-width": 6, "paint-order": "stroke" })}</g>`;
}
