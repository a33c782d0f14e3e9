/**
 * The inline stylesheet of the HTML report (no external fonts or files).
 *
 * @module
 */
import { FONT_STACK } from "../chart/svg.ts";
import type { Language } from "../columns.ts";

/** CSS of the report: readable type, a sticky table header, cards, print rules. */
export const REPORT_CSS = `
:root { --text: #1f2937; --muted: #4b5563; --line: #e5e7eb; --bg: #f8fafc; --card: #ffffff; --accent: #1d4ed8; --up: #15803d; --down: #b91c1c; --warn: #b45309; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: ${FONT_STACK}; color: var(--text); background: var(--bg); line-height: 1.5; font-size: 15px; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 20px 48px; }
header.report { background: linear-gradient(135deg, #1e3a8a, #1d4ed8); color: #fff; }
header.report .inner { max-width: 1120px; margin: 0 auto; padding: 28px 20px 24px; }
header.report h1 { margin: 0 0 6px; font-size: 26px; line-height: 1.25; font-weight: 700; }
header.report p { margin: 0; opacity: .9; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 14px; font-size: 14px; }
nav.toc a { color: #fff; opacity: .92; text-decoration: none; border-bottom: 1px solid rgba(255,255,255,.45); }
section { margin-top: 32px; }
h2 { font-size: 20px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 8px; }
p.lead { font-size: 16px; margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; }
.figure { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.figure .k { font-size: 13px; color: var(--muted); }
.figure .v { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure .s { font-size: 13px; color: var(--muted); }
.chart { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 8px; margin: 0 0 16px; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; min-width: 480px; height: auto; margin: 0 auto; }
.charts-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 16px; margin-bottom: 16px; }
.charts-2 .chart { margin: 0; }
.chart h3 { margin: 8px 8px 10px; }
table.dti-ranking.indicators th, table.dti-ranking.indicators td { white-space: normal; vertical-align: top; }
table.indicators .who { color: var(--muted); font-size: 12.5px; }
table.indicators td .who { display: block; line-height: 1.3; }
table.indicators td .num { font-variant-numeric: tabular-nums; font-weight: 600; }
.table-wrap { overflow: auto; max-height: 80vh; background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
table.dti-ranking { border-collapse: collapse; width: 100%; font-size: 13.5px; }
table.dti-ranking th, table.dti-ranking td { padding: 6px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
table.dti-ranking thead th { position: sticky; top: 0; background: #eef2ff; z-index: 1; font-weight: 600; text-align: right; }
table.dti-ranking thead th.unit, table.dti-ranking thead th.group { text-align: left; }
table.dti-ranking tbody tr:nth-child(even) { background: #f9fafb; }
table.dti-ranking tbody tr:hover { background: #eff6ff; }
table.dti-ranking td.num, table.dti-ranking td.rank, table.dti-ranking td.year { text-align: right; font-variant-numeric: tabular-nums; }
table.dti-ranking th.unit { text-align: left; font-weight: 600; }
table.dti-ranking td.group { color: var(--muted); }
table.dti-ranking td.missing { color: var(--muted); }
table.dti-ranking abbr { text-decoration: none; }
.window-note { color: var(--muted); font-style: italic; margin: 6px 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(320px, 100%), 1fr)); gap: 14px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; break-inside: avoid; }
.card header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.card h3 { margin: 0; font-size: 16px; }
.card .rank { font-size: 13px; color: var(--muted); white-space: nowrap; }
.card .score { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; color: var(--accent); }
.card .meta { font-size: 13px; color: var(--muted); margin-bottom: 6px; }
.card ul { margin: 4px 0 8px; padding-left: 18px; font-size: 13.5px; }
.card li { margin: 2px 0; }
.card .label { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.card .label .note { text-transform: none; letter-spacing: 0; font-weight: 400; color: var(--muted); }
.card .label.up { color: var(--up); }
.card .label.down { color: var(--down); }
.gap { font-variant-numeric: tabular-nums; white-space: nowrap; }
.gap.up { color: var(--up); }
.gap.down { color: var(--down); }
.card details summary { cursor: pointer; font-size: 13px; color: var(--accent); }
.card details svg { max-width: 100%; height: auto; }
.notes { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; }
.notes dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
.notes dt { color: var(--muted); }
.notes dd { margin: 0; }
.notes ul { padding-left: 18px; }
.badge { display: inline-block; font-size: 11.5px; font-weight: 600; padding: 1px 7px; border-radius: 999px; background: #e5e7eb; color: #374151; white-space: nowrap; }
.badge.high { background: #dcfce7; color: #166534; }
.badge.medium { background: #fef9c3; color: #854d0e; }
.badge.low, .badge.unverified { background: #fee2e2; color: #991b1b; }
.warnings li { color: var(--warn); }
.band { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; white-space: nowrap; vertical-align: middle; }
.band-0 { background: #dcfce7; color: #166534; }
.band-1 { background: #ecfccb; color: #3f6212; }
.band-2 { background: #fef9c3; color: #854d0e; }
.band-3 { background: #ffedd5; color: #9a3412; }
.band-4 { background: #fee2e2; color: #991b1b; }
.card .score .band { font-size: 12px; }
.bands { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-top: 14px; }
.band-bar { display: flex; height: 22px; border-radius: 6px; overflow: hidden; margin: 4px 0 8px; }
.band-seg { display: flex; align-items: center; justify-content: center; font-size: 12px; font-weight: 700; border-right: 2px solid #fff; }
.band-seg.band-0 { background: #4ade80; color: #14532d; } .band-seg.band-1 { background: #a3e635; color: #365314; } .band-seg.band-2 { background: #facc15; color: #713f12; }
.band-seg.band-3 { background: #fb923c; color: #7c2d12; } .band-seg.band-4 { background: #f87171; color: #7f1d1d; }
.band-legend { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 0; font-size: 13.5px; }
.bands .meta { font-size: 12.5px; color: var(--muted); margin: 6px 0 0; }
table.dti-ranking td.band-col { text-align: left; }
table.dti-ranking td.chart-cell { padding-top: 2px; padding-bottom: 2px; }
svg.interval { display: inline-block; vertical-align: middle; }
.card .interval-line { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.card .label.lever { color: var(--accent); }
.ok { color: var(--up); }
a { color: var(--accent); overflow-wrap: anywhere; }
footer { margin-top: 40px; font-size: 13px; color: var(--muted); }
.print-only { display: none; }
table.indicator-list td.code { font-weight: 600; white-space: nowrap; }
table.indicator-list td.rule { white-space: normal; min-width: 16em; }
table.indicator-list .name-vi { display: block; color: var(--muted); font-size: .9em; font-weight: 400; }
table.indicator-list tr.depth-0 td { font-weight: 700; }
table.indicator-list tr.depth-1 td.name { padding-left: 18px; }
table.indicator-list tr.depth-2 td.name { padding-left: 30px; }
table.indicator-list tr.depth-3 td.name { padding-left: 42px; }
table.indicator-list tr.depth-4 td.name, table.indicator-list tr.depth-5 td.name { padding-left: 54px; }
table.indicator-list tr.view td { font-style: italic; }
table.dti-ranking.indicator-list th, table.dti-ranking.indicator-list td { white-space: normal; vertical-align: top; text-align: left; }
.source-line { margin: 0 0 10px; }
.doc-header { display: grid; grid-template-columns: 2fr 3fr; gap: 12px; max-width: 1120px; margin: 0 auto; padding: 20px 20px 8px; text-align: center; font-size: 14px; line-height: 1.35; background: #fff; }
.doc-header .issuer .body, .doc-header .nation, .doc-header .motto { font-weight: 700; }
.doc-header .motto { display: inline-block; border-bottom: 1px solid var(--text); padding-bottom: 2px; }
.doc-header .issuer .body { display: inline-block; border-bottom: 1px solid var(--text); padding-bottom: 2px; }
.doc-header .number { margin-top: 8px; }
.doc-header .place-date { margin-top: 10px; font-style: italic; }
.signature { display: grid; grid-template-columns: 2fr 3fr; margin: 32px 0 8px; break-inside: avoid; }
.signature .block { grid-column: 2; text-align: center; }
.signature .position { font-weight: 700; }
.signature .space { height: 24mm; }
.signature .name { font-weight: 700; }
.unit-page { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; margin: 0 0 16px; }
.unit-page h3 { font-size: 18px; margin: 0 0 4px; }
.unit-page .figures { margin: 10px 0 14px; }
.unit-page .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 12px; }
.unit-page ul { margin: 4px 0 8px; padding-left: 18px; }
.unit-page .label { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.unit-page .label.up { color: var(--up); }
.unit-page .label.down { color: var(--down); }
.unit-page .label.lever { color: var(--accent); }
.unit-page .radar svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
@page wide { size: A4 landscape; margin: 10mm 10mm 14mm; }
@media print {
  html, body { background: #fff; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  header.report { background: #fff; color: var(--text); border-bottom: 2px solid var(--text); }
  header.report .inner { max-width: none; padding: 0 0 8px; }
  .doc-header { padding: 0 0 10px; max-width: none; }
  nav.toc { display: none; }
  section { margin-top: 18px; break-inside: auto; }
  h2, h3 { break-after: avoid; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .print-wide { page: wide; }
  .table-wrap { max-height: none; overflow: visible; border: none; border-radius: 0; }
  .chart { overflow: visible; break-inside: avoid; }
  .chart svg { min-width: 0; }
  table.dti-ranking { font-size: 8pt; }
  table.dti-ranking thead { display: table-header-group; }
  table.dti-ranking thead th { position: static; vertical-align: bottom; }
  table.dti-ranking tr { break-inside: avoid; }
  table.dti-ranking th, table.dti-ranking td { padding: 2px 3px; white-space: normal; }
  table.dti-ranking td.num, table.dti-ranking td.rank, table.dti-ranking td.year { white-space: nowrap; }
  table.dti-ranking th.unit, table.dti-ranking td.group { overflow-wrap: anywhere; }
  table.dti-ranking tbody th.unit { min-width: 7em; }
  table.indicator-list { table-layout: fixed; }
  table.indicator-list th:nth-child(1) { width: 12%; } table.indicator-list th:nth-child(2) { width: 26%; }
  table.indicator-list th:nth-child(3) { width: 11%; } table.indicator-list th:nth-child(4) { width: 33%; }
  table.indicator-list td { overflow-wrap: anywhere; }
  table.dti-ranking tbody tr:hover { background: none; }
  table.dti-ranking caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 4px; }
  .print-chunk + .print-chunk { break-before: page; }
  .card details { display: none; }
  .unit-page { break-before: page; border: none; padding: 0; margin: 0; }
  .unit-page:first-of-type { break-before: avoid; }
  .unit-page .radar { break-inside: avoid; }
  .unit-page .radar svg { max-height: 66mm; width: auto; }
  .unit-page .figures { grid-template-columns: repeat(3, 1fr); }
  #appendix, #unit-pages { break-before: page; }
  .signature .space { height: 28mm; }
}
`;

/**
 * The page numbers printed at the foot of every page ("Trang 3/12", "Page 3 of 12"): CSS margin
 * boxes, which the browser's print and a headless Chromium's PDF both honour.
 */
export function pageNumberCss(language: Language): string {
  const content = language === "en" ? `"Page " counter(page) " of " counter(pages)` : `"Trang " counter(page) "/" counter(pages)`;
  return `@page { @bottom-center { content: ${content}; font-family: ${FONT_STACK}; font-size: 8pt; color: #4b5563; } }`;
}
