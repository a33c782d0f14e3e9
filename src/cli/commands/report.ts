/**
 * `dti report`: score a data file and write the self-contained HTML report.
 *
 * @module
 */
import { showValue } from "../../errors.ts";
import type { ReportDocument } from "../../report/html-report/document-header.ts";
import { reportCards, toHTMLReport, type HtmlReportOptions } from "../../report/html-report/to-html-report.ts";
import { EXIT_NO_BROWSER, findBrowser, printPdf } from "../print-pdf.ts";
import { loadBands } from "../analysis-options.ts";
import type { Command, OptionValues } from "../command.ts";
import type { CliIO } from "../io.ts";
import type { ScoreResult, UnitResult } from "../../pipeline/types.ts";
import { MAX_UNCERTAINTY_RUNS } from "../../uncertainty/uncertainty-options.ts";
import { reportBands, reportLevers, reportUncertainty } from "../report-extras.ts";
import { parseFraction } from "./uncertainty.ts";
import { UsageError } from "../usage-error.ts";
import { DATA_HELP, DATA_OPTIONS, inputFile, integerOption, localeOption, oneOf, OUTPUT_OPTIONS, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { scoreBefore, scoreFile, writeOutput } from "../score-file.ts";
import { formatOrWorkbook, writeRankingWorkbook } from "../workbook-output.ts";

export const reportCommand: Command = {
  name: "report",
  usage: "dti report <file> --framework <id|file.json> [options]",
  summary: "write a self-contained HTML report (charts, ranking, unit cards), or print it to PDF",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    ...OUTPUT_OPTIONS,
    format: { type: "string" },
    title: { type: "string" },
    before: { type: "string" },
    "before-label": { type: "string" },
    "after-label": { type: "string" },
    featured: { type: "string" },
    cards: { type: "string" },
    bands: { type: "string" },
    "uncertainty-runs": { type: "string" },
    "uncertainty-weights": { type: "string" },
    seed: { type: "string" },
    levers: { type: "string" },
    "unit-pages": { type: "boolean" },
    issuer: { type: "string", multiple: true },
    "doc-number": { type: "string" },
    place: { type: "string" },
    date: { type: "string" },
    signer: { type: "string", multiple: true },
    pdf: { type: "string" },
    chromium: { type: "string" },
  },
  help: `${DATA_HELP}${RANK_HELP}      --format html|xlsx      html (default) | xlsx: the ranking workbook (ranking with points,
                              a sheet per group, every indicator, --bands as a level column);
                              default when --out is .xlsx (for md, csv, json, svg use \`dti score\`)
  -o, --out <file>            write the report to a file (default standard output)
      --lang <vi|en>          language of the report (default vi)
      --locale <bcp47>        number format (default vi-VN for vi: 0,8002; en-US for en)
      --title <text>          report title
      --before <file>         earlier data (same framework and options, no merge) to compare
                              with; without it, data with a year column compares its last two years
      --before-label <text>   label of the earlier data (default Trước / Before, or its year)
      --after-label <text>    label of this data (default Sau / After, or its year)
      --featured <unit>       unit whose radar chart is shown with the charts (default the leader)
      --cards <n>             at most n unit cards, in rank order (default every unit up to
                              100, of more the top and bottom 50)
      --bands <preset|file>   maturity bands: dti-2020-map | egdi |
                              hcmc-79-2023-departments | a band-set JSON file (a band
                              column, a badge per card, the distribution in the summary)
      --uncertainty-runs <n>  add the robustness of the ranking: n Monte Carlo runs (e.g. 1000)
                              with every weight varied (median rank, 5–95 % interval per unit)
      --uncertainty-weights <±f>  how much the weights vary (default ±25%)
      --seed <n>              seed of those runs (default 42): same seed, same report
      --levers <n>            per card, the n indicators whose +0.1 adds most to the index
                              (default 2; 0 for none)
      --unit-pages            one printed page per unit: its scores against the others and its
                              group, strongest and weakest indicators, gap to the next rank
      --issuer <text>         administrative header: the issuing body, one line each (repeat:
                              superior body first), e.g. --issuer "UBND THÀNH PHỐ ĐÀ NẴNG"
                              --issuer "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
      --doc-number <text>     the document's number, e.g. 123/BC-SKHCN
      --place <text>          place of issue (with the date under the national motto)
      --date <YYYY-MM-DD>     date of issue (default left blank, to fill in by hand)
      --signer <text>         signature block, one line each (repeat): positions first, the
                              name last, e.g. --signer "GIÁM ĐỐC" --signer "Nguyễn Văn A"
      --pdf <file>            print the report to a PDF (A4) with a local headless Chromium,
                              Chrome or Edge (with --out, the HTML too); none found: exit
                              code 4 and how to get one
      --chromium <path>       the browser for --pdf (default DTI_CHROMIUM, else chromium,
                              google-chrome … on the PATH)
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const format = oneOf("format", formatOrWorkbook(values), ["html", "xlsx"] as const) ?? "html";
    if (format === "xlsx") {
      const htmlOnly = ["title", "before", "before-label", "after-label", "featured", "cards", "uncertainty-runs", "uncertainty-weights", "seed", "levers", "locale"].find((o) => values[o] !== undefined);
      if (htmlOnly !== undefined) throw new UsageError(`--${htmlOnly} is an option of the HTML report, not of --format xlsx`);
    }
    const language = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const locale = localeOption(values);
    const n = reportNumbers(values);
    const pdf = stringOption(values, "pdf");
    // Before the scoring: without a browser there is nothing to wait for.
    const browser = pdf === undefined ? undefined : findBrowser(stringOption(values, "chromium"));
    if (pdf === undefined && values["chromium"] !== undefined) throw new UsageError("--chromium is the browser of --pdf: add --pdf <file>");
    if (browser !== undefined && !browser.found) {
      io.stderr(`dti: ${browser.message}\n`);
      return EXIT_NO_BROWSER;
    }
    const bandSet = await loadBands(io, stringOption(values, "bands"));
    const beforeFile = stringOption(values, "before");
    const bar = progress(io, (beforeFile === undefined ? 3 : 4) + (n.runs === undefined ? 0 : 1));
    const scored = await scoreFile(io, file, values, bar);
    if (beforeFile !== undefined) bar.step(`scoring ${beforeFile}`);
    const before = beforeFile === undefined ? undefined : await scoreBefore(io, beforeFile, values, scored);
    const { result, framework } = scored;
    if (format === "xlsx") return writeRankingWorkbook(io, values, result, framework, bandSet, language, bar);
    const years = result.units.map((u) => u.year).filter((y): y is number => y !== undefined);
    const latest = years.length === 0 ? undefined : years.reduce((m, y) => Math.max(m, y), -Infinity);
    if (n.runs !== undefined) bar.step(`${n.runs} uncertainty runs`);
    const ua = n.runs === undefined ? undefined : reportUncertainty(framework, scored.table, scored.options, n.runs, n.seed, n.weights, latest);
    const unitPages = values["unit-pages"] === true;
    const levers = n.leverCount === 0 ? undefined : reportLevers(framework, result, leverUnits(result, n.cards, unitPages), n.leverCount);
    bar.step(`drawing charts for ${result.units.length} units`);
    const text = (k: string) => stringOption(values, k);
    const doc = reportDocument(values, n.date);
    const options: HtmlReportOptions = {
      language,
      framework,
      dataSource: file === "-" ? "standard input" : file,
      ...(locale !== undefined ? { locale } : {}),
      ...(text("title") !== undefined ? { title: text("title") as string } : {}),
      ...(before !== undefined ? { before } : {}),
      ...(text("before-label") !== undefined ? { beforeLabel: text("before-label") as string } : {}),
      ...(text("after-label") !== undefined ? { afterLabel: text("after-label") as string } : {}),
      ...(text("featured") !== undefined ? { featured: text("featured") as string } : {}),
      ...(n.cards !== undefined ? { cards: n.cards } : {}),
      ...(bandSet !== undefined ? { bands: reportBands(result, bandSet, language) } : {}),
      ...(ua !== undefined ? { uncertainty: ua } : {}),
      ...(levers !== undefined ? { levers } : {}),
      ...(unitPages ? { unitPages } : {}),
      ...(doc !== undefined ? { document: doc } : {}),
    };
    const html = toHTMLReport(result, options);
    bar.done();
    printIssues(io, ua === undefined ? result.warnings : [...result.warnings, ...ua.warnings]);
    if (pdf === undefined || stringOption(values, "out") !== undefined) await writeOutput(io, values, html, `the report of ${result.units.length} units`);
    return pdf !== undefined && browser?.found === true ? writePdf(io, html, pdf, browser.path, result.units.length) : 0;
  },
};

/** The numbers and the date of the options, checked: cards, uncertainty runs, seed, weights, levers. */
function reportNumbers(values: OptionValues) {
  const cards = integerOption(values, "cards");
  const runs = integerOption(values, "uncertainty-runs", 1, MAX_UNCERTAINTY_RUNS);
  const seed = integerOption(values, "seed");
  const leverCount = integerOption(values, "levers") ?? 2;
  const weightsText = stringOption(values, "uncertainty-weights");
  const weights = weightsText === undefined ? undefined : parseFraction(weightsText);
  if (runs === undefined && (seed !== undefined || weights !== undefined)) throw new UsageError("--seed and --uncertainty-weights need --uncertainty-runs");
  if (runs !== undefined && values["merge"] !== undefined) throw new UsageError("--uncertainty-runs is not supported with --merge: merge the data first");
  const date = stringOption(values, "date");
  if (date !== undefined && !isCalendarDate(date)) throw new UsageError(`--date must be a day of the calendar, YYYY-MM-DD (got ${showValue(date)})`);
  return { cards, runs, seed, leverCount, weights, date };
}

/** A YYYY-MM-DD date that exists: 2024-02-29 does, 2024-02-30 and 2023-02-29 do not (a signed document carries it). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The units whose levers are computed: those that get a card (the first --cards in rank order; by
 * default every unit, or the top and bottom 50 of many), or with unit pages every unit of the latest year.
 */
function leverUnits(result: ScoreResult, cards: number | undefined, unitPages: boolean): UnitResult[] {
  const window = reportCards(result, cards);
  return (unitPages ? reportCards(result, Number.MAX_SAFE_INTEGER).top : [...window.top, ...window.bottom]).filter((u) => u.value !== null);
}

/** The administrative header and signature of --issuer, --doc-number, --place, --date, --signer (undefined without any). */
function reportDocument(values: OptionValues, date: string | undefined): ReportDocument | undefined {
  const text = (k: string) => stringOption(values, k);
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  const fields: ReportDocument = {
    ...(list("issuer").length > 0 ? { issuer: list("issuer") } : {}),
    ...(text("doc-number") !== undefined ? { number: text("doc-number") as string } : {}),
    ...(text("place") !== undefined ? { place: text("place") as string } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(list("signer").length > 0 ? { signer: list("signer") } : {}),
  };
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** Prints the report to a PDF with the browser found; exit code 4 when printing fails. */
async function writePdf(io: CliIO, html: string, pdf: string, browser: string, units: number): Promise<number> {
  try {
    await printPdf(html, pdf, browser);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr(`dti: cannot print ${pdf}: ${(e as Error).message}; write the HTML with --out report.html and print it from a browser (Ctrl+P, A4)\n`);
    return EXIT_NO_BROWSER;
  }
  io.stderr(`dti: wrote the PDF of the report of ${units} units to ${pdf}\n`);
  return 0;
}
