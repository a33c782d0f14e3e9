/**
 * `dti validate`: read the data against a framework and print every problem, one a line.
 *
 * @module
 */
import { validate } from "../../pipeline/score.ts";
import type { Command } from "../command.ts";
import { applyFormulaOption, FORMULA_HELP, FORMULA_OPTIONS } from "../formulas.ts";
import { loadFramework, loadTable } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, tableOptions, printIssues, stringOption } from "../options.ts";
import { dataFiles, loadForms } from "../load-forms.ts";
import type { Issue } from "../../errors.ts";

export const validateCommand: Command = {
  name: "validate",
  usage: "dti validate <file|folder>… --framework <id|file> [options]",
  summary: "check data, print every problem",
  options: { ...DATA_OPTIONS, ...FORMULA_OPTIONS },
  help: `${DATA_HELP}${FORMULA_HELP}`,
  async run(rest, values, io) {
    const files = await dataFiles(rest);
    const file = files.length === 1 ? (files[0] as string) : `${files.length} files`;
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const options = await buildScoreOptions(values, io, false);
    const stacked = files.length === 1 ? undefined : await loadForms(io, files, framework, options, tableOptions(values));
    const table = await applyFormulaOption(values, io, stacked?.table ?? (await loadTable(io, file, tableOptions(values))));
    const report = validate(framework, table, options);
    const locate = stacked?.locate ?? ((i: Issue) => i);
    printIssues(io, [...report.errors, ...report.warnings].map(locate));
    if (report.ok) {
      io.stdout(`ok: ${report.units} units, no errors${report.warnings.length > 0 ? `, ${report.warnings.length} warning(s)` : ""}\n`);
      return 0;
    }
    io.stderr(`${report.errors.length} error(s) in ${file}\n`);
    return report.errors.every((i) => i.code === "OPTION_INVALID") ? 2 : 1;
  },
};
