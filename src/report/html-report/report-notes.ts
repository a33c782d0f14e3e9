/**
 * The notes of the HTML report: the framework's source and method, the data's coverage, warnings
 * and imputed values.
 *
 * @module
 */

import type { Language } from "../columns.ts";
import { formatNumber, formatPercent, localeStyle } from "../format-number.ts";
import { formatIssue } from "../../errors.ts";
import { escapeXml as e } from "../escape.ts";
import type { ScoreResult } from "../../pipeline/types.ts";
import { localName } from "../../text/local-name.ts";
import type { ReportTexts } from "./report-texts.ts";
import type { ReportFrameworkInfo } from "./report-options.ts";

function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s"'<>]+$/iu.test(url) ? url : undefined;
}

/** The framework's source, references, uncertain facts and the method of the result. */
export function frameworkNotes(result: ScoreResult, info: ReportFrameworkInfo | undefined, t: ReportTexts, language: Language): string {
  const title = localName(result.framework.title, language);
  const s = info?.source;
  const rows: [string, string | undefined][] = [
    [t.decision, s?.decision],
    [t.date, s?.date],
    [t.issuer, s?.issuer],
    [t.appliesTo, s?.appliesTo],
  ];
  const dl = rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`);
  const refs = (s?.references ?? []).map((url) => {
    const href = safeHref(url);
    return `<li>${href === undefined ? e(url) : `<a href="${e(href)}" rel="noreferrer noopener">${e(url)}</a>`}</li>`;
  });
  const uncertain = (info?.uncertain ?? []).map(
    (u) => `<li><span class="badge ${e(u.confidence)}">${e(t.confidence[u.confidence] ?? u.confidence)}</span> ${e(u.fact)}${u.nodes !== undefined && u.nodes.length > 0 ? ` <span class="meta">(${e(u.nodes.join(", "))})</span>` : ""}</li>`,
  );
  const o = result.options;
  const method = [t.missing[o.missing], t.rankingMethod[o.ranking], t.ties[o.ties], t.decimals(result.framework.decimals)];
  return [
    `<div class="notes">`,
    `<h3>${e(title)} <span class="meta">(${e(result.framework.id)} ${e(result.framework.version)})</span></h3>`,
    dl.length > 0 ? `<dl>${dl.join("")}</dl>` : `<p>${e(t.noSource)}</p>`,
    refs.length > 0 ? `<h3>${e(t.references)}</h3><ul>${refs.join("")}</ul>` : "",
    `<h3>${e(t.uncertain)}</h3>`,
    uncertain.length > 0 ? `<ul>${uncertain.join("")}</ul>` : `<p>${e(t.noUncertain)}</p>`,
    `<h3>${e(t.method)}</h3><p>${e(method.join("; "))}.</p>`,
    "</div>",
  ].join("\n");
}

/** The imputed cells (`result.imputed`) as a table, or "" when nothing was imputed. */
export function imputedTable(result: ScoreResult, t: ReportTexts, language: Language, locale: string): string {
  const cells = result.imputed ?? [];
  if (cells.length === 0) return "";
  const names = new Map(result.nodes.map((n) => [n.id, localName(n.name, language)]));
  // An imputed value is an estimate, not a published value: shown to 6 significant digits.
  const style = localeStyle(locale);
  const rows = cells.map(
    (c) =>
      `<tr><th scope="row" class="unit">${e(c.unit)}</th><td class="year">${c.year ?? ""}</td><td>${e(names.get(c.node) ?? c.node)}</td><td class="num">${e(formatNumber(c.value, style, { significant: 6 }))}</td><td>${e(c.method)}</td><td>${e(c.from)}</td></tr>`,
  );
  return `<h3>${e(t.imputed)} (${cells.length})</h3>\n<div class="table-wrap"><table class="dti-ranking"><thead><tr>${t.imputedHead.map((h) => `<th scope="col" class="unit">${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** Where the data came from, its coverage, every warning and every imputed value. */
export function dataNotes(result: ScoreResult, dataSource: string | undefined, t: ReportTexts, language: Language, locale: string): string {
  const cov = result.coverage;
  const warnings = result.warnings.map((w) => `<li>${e(formatIssue(w, language))}</li>`);
  return [
    `<div class="notes">`,
    dataSource === undefined ? "" : `<p><strong>${e(t.source)}:</strong> ${e(dataSource)}</p>`,
    `<p><strong>${e(t.coverage)}:</strong> ${e(t.coverageText(cov.complete, cov.units, formatPercent(cov.mean, locale)))}</p>`,
    `<h3>${e(t.warnings)} (${result.warnings.length})</h3>`,
    warnings.length > 0 ? `<ul class="warnings">${warnings.join("")}</ul>` : `<p class="ok">${e(t.noWarnings)}</p>`,
    imputedTable(result, t, language, locale),
    "</div>",
  ].join("\n");
}
