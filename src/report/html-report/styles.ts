/**
 * The inline stylesheet of the HTML report (no external fonts or files).
 *
 * @module
 */
import { FONT_STACK } from "../chart/svg.ts";

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
@media print {
  body { background: #fff; font-size: 12px; }
  header.report { background: #fff; color: var(--text); border-bottom: 2px solid var(--text); }
  nav.toc { display: none; }
  .chart h3 { margin: 8px 8px 10px; }
table.dti-ranking.indicators th, table.dti-ranking.indicators td { white-space: normal; vertical-align: top; }
table.indicators .who { color: var(--muted); font-size: 12.5px; }
table.indicators td .who { display: block; line-height: 1.3; }
table.indicators td .num { font-variant-numeric: tabular-nums; font-weight: 600; }
.table-wrap { max-height: none; overflow: visible; }
  .card details { display: none; }
  section { break-inside: auto; }
}
`;
