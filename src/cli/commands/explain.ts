/**
 * `dti explain`: why a unit has its score and rank: contributions, gaps, strengths, a summary.
 *
 * @module
 */
import { explain } from "../../analysis/explain.ts";
import { explainToMarkdown } from "../../analysis/explain-markdown.ts";
import { score } from "../../pipeline/score.ts";
import { emit, loadAnalysisInputs, loadBands, OUTPUT_HELP, requiredOption, UNIT_OPTIONS } from "../analysis-options.ts";
import type { Command } from "../command.ts";
import { DATA_HELP, integerOption, numberOption, printIssues, RANK_HELP, stringOption } from "../options.ts";

export const explainCommand: Command = {
  name: "explain",
  usage: "dti explain <file> --framework <id|file.json> --unit <name> [options]",
  summary: "explain a unit: contributions, gaps, strengths",
  options: {
    ...UNIT_OPTIONS,
    target: { type: "string" },
    bands: { type: "string" },
    top: { type: "string" },
  },
  help: `      --unit <name>           the unit to explain (name or code)
      --year <year>           its year (default: the latest)
      --target <score>        a target for the index (e.g. 0.85): gaps to it
      --bands <preset|file>   place the unit in a band: dti-2020-map | egdi |
                              hcmc-79-2023-departments | a band-set JSON file
      --top <n>               strongest and weakest indicators to list (default 3)
${OUTPUT_HELP}${DATA_HELP}${RANK_HELP}`,
  async run(rest, values, io) {
    const unit = requiredOption(values, "unit", "the unit to explain");
    const { format, language, framework, options, table } = await loadAnalysisInputs(rest, values, io);
    const bands = await loadBands(io, stringOption(values, "bands"));
    const year = integerOption(values, "year");
    const target = numberOption(values, "target");
    const top = integerOption(values, "top", 1);
    const result = score(framework, table, options);
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
