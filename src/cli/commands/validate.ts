/**
 * `dti validate`: read the data against a framework and print every problem, one a line.
 *
 * @module
 */
import { validate } from "../../pipeline/score.ts";
import type { Command } from "../command.ts";
import { applyFormulaOption, FORMULA_HELP, FORMULA_OPTIONS } from "../formulas.ts";
import { loadFramework, loadTable } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, tableOptions, inputFile, printIssues, stringOption } from "../options.ts";

export const validateCommand: Command = {
  name: "validate",
  usage: "dti validate <file> --framework <id|file.json> [options]",
  summary: "check data, print every problem",
  options: { ...DATA_OPTIONS, ...FORMULA_OPTIONS },
  help: `${DATA_HELP}${FORMULA_HELP}`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const options = await buildScoreOptions(values, io, false);
    const table = await applyFormulaOption(values, io, await loadTable(io, file, tableOptions(values)));
    const report = validate(framework, table, options);
    printIssues(io, [...report.errors, ...report.warnings]);
    if (report.ok) {
      io.stdout(`ok: ${report.units} units, no errors${report.warnings.length > 0 ? `, ${report.warnings.length} warning(s)` : ""}\n`);
      return 0;
    }
    io.stderr(`${report.errors.length} error(s) in ${file}\n`);
    return report.errors.every((i) => i.code === "OPTION_INVALID") ? 2 : 1;
  },
};
