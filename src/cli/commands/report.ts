/**
 * `dti report`: score a data file and write the self-contained HTML report.
 *
 * @module
 */
import { toHTMLReport, type HtmlReportOptions } from "../../report/html-report/to-html-report.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../usage-error.ts";
import { DATA_HELP, DATA_OPTIONS, inputFile, localeOption, oneOf, OUTPUT_OPTIONS, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { scoreBefore, scoreFile, writeOutput } from "../score-file.ts";

export const reportCommand: Command = {
  name: "report",
  usage: "dti report <file> --framework <id|file.json> [options]",
  summary: "write a self-contained HTML report (charts, ranking, unit cards)",
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
  },
  help: `${DATA_HELP}${RANK_HELP}      --format html           the only report format (for md, csv, json, svg use \`dti score\`)
  -o, --out <file>            write the report to a file (default standard output)
      --lang <vi|en>          language of the report (default vi)
      --locale <bcp47>        number format (default vi-VN for vi: 0,8002; en-US for en)
      --title <text>          report title
      --before <file>         earlier data (same framework and options, no merge) to compare
                              with; without it, data with a year column compares its last two years
      --before-label <text>   label of the earlier data (default Trước / Before, or its year)
      --after-label <text>    label of this data (default Sau / After, or its year)
      --featured <unit>       unit whose radar chart is shown with the charts (default the leader)
      --cards <n>             at most n unit cards, in rank order (default every unit)
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    oneOf("format", stringOption(values, "format"), ["html"] as const);
    const language = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const locale = localeOption(values);
    const cardsText = stringOption(values, "cards");
    if (cardsText !== undefined && !/^\d+$/u.test(cardsText)) throw new UsageError(`--cards must be a whole number (got "${cardsText}")`);
    const beforeFile = stringOption(values, "before");
    const bar = progress(io, beforeFile === undefined ? 3 : 4);
    const scored = await scoreFile(io, file, values, bar);
    if (beforeFile !== undefined) bar.step(`scoring ${beforeFile}`);
    const before = beforeFile === undefined ? undefined : await scoreBefore(io, beforeFile, values, scored);
    const { result, framework } = scored;
    bar.step(`drawing charts for ${result.units.length} units`);
    const text = (k: string) => stringOption(values, k);
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
      ...(cardsText !== undefined ? { cards: Number(cardsText) } : {}),
    };
    const html = toHTMLReport(result, options);
    bar.done();
    printIssues(io, result.warnings);
    await writeOutput(io, values, html, `the report of ${result.units.length} units`);
    return 0;
  },
};
