/**
 * `dti years`: year-over-year change of every unit's value and rank.
 *
 * @module
 */
import { compareYears } from "../../analysis/compare-years.ts";
import { yearsToMarkdown } from "../../analysis/years-markdown.ts";
import { score } from "../../pipeline/score.ts";
import { emit, loadAnalysisInputs, OUTPUT_HELP, OUTPUT_OPTIONS } from "../analysis-options.ts";
import type { Command } from "../command.ts";
import { resultYears } from "../../analysis/result-years.ts";
import { DATA_HELP, DATA_OPTIONS, integerOption, printIssues, RANK_HELP, RANK_OPTIONS } from "../options.ts";
import { UsageError } from "../usage-error.ts";

export const yearsCommand: Command = {
  name: "years",
  usage: "dti years <file> --framework <id|file.json> [options]",
  summary: "year-over-year changes, most improved units",
  options: { ...DATA_OPTIONS, ...RANK_OPTIONS, ...OUTPUT_OPTIONS, from: { type: "string" }, to: { type: "string" }, top: { type: "string" } },
  help: `      --from <year>           the earlier year (default: the second latest in the data)
      --to <year>             the later year (default: the latest)
      --top <n>               length of the most-improved lists (default 5)
${OUTPUT_HELP}${DATA_HELP}${RANK_HELP}`,
  async run(rest, values, io) {
    const { format, language, framework, options, table } = await loadAnalysisInputs(rest, values, io);
    const result = score(framework, table, options);
    const years = resultYears(result);
    const to = integerOption(values, "to") ?? years[years.length - 1];
    const from = integerOption(values, "from") ?? years.filter((y) => to === undefined || y < to).pop();
    if (from === undefined || to === undefined) throw new UsageError("the data needs a year column with at least two years (see --year-column)");
    const top = integerOption(values, "top", 1);
    const cmp = compareYears(result, { from, to, ...(top !== undefined ? { top } : {}) });
    if (format !== "json") printIssues(io, result.warnings);
    await emit(io, values, format === "json" ? `${JSON.stringify(cmp, null, 2)}\n` : yearsToMarkdown(cmp, { language }));
    return 0;
  },
};
