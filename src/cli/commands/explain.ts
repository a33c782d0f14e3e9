/**
 * `dti explain`: why a unit has its score and rank: contributions, gaps, strengths, a summary.
 *
 * @module
 */
import { explain } from "../../analysis/explain.ts";
import { explainToMarkdown } from "../../analysis/explain-markdown.ts";
import { score } from "../../pipeline/score.ts";
import { emit, integerOption, loadBands, numberOption, OUTPUT_HELP, OUTPUT_OPTIONS, outputOptions, requiredOption } from "../analysis-options.ts";
import type { Command } from "../command.ts";
import { loadFramework, loadTable } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, delimiterOption, inputFile, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";

export const explainCommand: Command = {
  name: "explain",
  usage: "dti explain <file> --framework <id|file.json> --unit <name> [options]",
  summary: "explain one unit: contributions, gaps, strengths, weaknesses",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    ...OUTPUT_OPTIONS,
    unit: { type: "string", short: "u" },
    year: { type: "string" },
    target: { type: "string" },
    bands: { type: "string" },
    top: { type: "string" },
  },
  help: `      --unit <name>           the unit to explain (name or code)
      --year <year>           its year (default: the latest)
      --target <score>        a target for the index (e.g. 0.85): gaps to it
      --bands <preset|file>   place the unit in a band: dti-2020-map | egdi | a band-set JSON file
      --top <n>               strongest and weakest indicators to list (default 3)
${OUTPUT_HELP}${DATA_HELP}${RANK_HELP}`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const unit = requiredOption(values, "unit", "the unit to explain");
    const { format, language } = outputOptions(values);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const options = await buildScoreOptions(values, io, true);
    const bands = await loadBands(io, stringOption(values, "bands"));
    const year = integerOption(values, "year");
    const target = numberOption(values, "target");
    const top = integerOption(values, "top", 1);
    const result = score(framework, await loadTable(io, file, delimiterOption(values)), options);
    const ex = explain(framework, result, unit, {
      ...(year !== undefined ? { year } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(bands !== undefined ? { bands } : {}),
      ...(top !== undefined ? { top } : {}),
    });
    if (format !== "json") printIssues(io, result.warnings);
    await emit(io, values, format === "json" ? `${JSON.stringify(ex, null, 2)}\n` : explainToMarkdown(ex, { language }));
    return 0;
  },
};
