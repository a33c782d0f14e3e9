/**
 * What the sections of one HTML report share: the result, the options, the language's labels and
 * the facts of the latest year.
 *
 * @module
 */

import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { columnLabel, type Language } from "../columns.ts";
import { defaultLocale, valueFormatter, type ValueFormatter } from "../format-number.ts";
import { latestYear } from "../unit-stats.ts";
import { localName } from "../../text/local-name.ts";
import { REPORT_TEXTS, type ReportTexts } from "./report-texts.ts";
import type { HtmlReportOptions } from "./report-options.ts";

/** What every section of one report reads: the result, the options and the facts of its latest year. */
export interface ReportContext {
  readonly result: ScoreResult;
  readonly options: HtmlReportOptions;
  readonly language: Language;
  readonly t: ReportTexts;
  readonly locale: string;
  readonly fmt: ValueFormatter;
  readonly year: number | undefined;
  /** The units of the latest year, and those of them ranked. */
  readonly current: readonly UnitResult[];
  readonly ranked: readonly UnitResult[];
  readonly fwTitle: string;
  readonly indexLabel: string;
  readonly chartOpts: { readonly language: Language; readonly locale?: string };
}

/** The facts every section reads, computed once. */
export function reportContext(result: ScoreResult, options: HtmlReportOptions): ReportContext {
  const language = options.language ?? "vi";
  const locale = options.locale ?? defaultLocale(language);
  const year = latestYear(result);
  const current = result.units.filter((u) => u.year === year);
  const rootInfo = result.nodes.find((n) => n.id === result.root);
  return {
    result,
    options,
    language,
    t: REPORT_TEXTS[language],
    locale,
    fmt: valueFormatter(locale),
    year,
    current,
    ranked: current.filter((u) => u.rank !== null),
    fwTitle: localName(result.framework.title, language),
    indexLabel: rootInfo === undefined ? result.root : columnLabel(rootInfo, language),
    chartOpts: { language, ...(options.locale !== undefined ? { locale: options.locale } : {}) },
  };
}
