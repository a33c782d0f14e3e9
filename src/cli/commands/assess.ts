/**
 * `dti assess`: total self-assessed, appraised and final points, and flag the differences.
 *
 * @module
 */
import { assessment } from "../../analysis/assessment.ts";
import { assessmentToMarkdown } from "../../analysis/assessment-markdown.ts";
import { emit, OUTPUT_HELP, OUTPUT_OPTIONS, outputOptions } from "../analysis-options.ts";
import type { Command } from "../command.ts";
import { loadFramework, loadTable } from "../load.ts";
import { tableOptions, inputFile, numberOption, printIssues, stringOption } from "../options.ts";

export const assessCommand: Command = {
  name: "assess",
  usage: "dti assess <file> --framework <id|file.json> [options]",
  summary: "self-assessed, appraised, final points: totals, flags",
  options: {
    ...OUTPUT_OPTIONS,
    framework: { type: "string", short: "f" },
    delimiter: { type: "string" },
    sheet: { type: "string" },
    tolerance: { type: "string" },
    "no-evidence-check": { type: "boolean" },
  },
  help: `  -f, --framework <id|file>   built-in id or a framework JSON file
      --tolerance <points>    self and appraised points may differ this much unflagged (default 0)
      --no-evidence-check     do not flag points given without evidence
      --delimiter <d>         auto (default) | , | ; | tab
      --sheet <name|n>        the sheet of an .xlsx workbook to read (default the first)
${OUTPUT_HELP}
The file is long: one row per unit and indicator with columns unit, indicator, self, appraised,
final, evidence, note (Vietnamese headers accepted: Tự đánh giá, Thẩm định, Chính thức,
Minh chứng, Ghi chú). Exit code 1 when a row has errors (points out of range, unknown indicator …).
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const { format, language } = outputOptions(values);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const tolerance = numberOption(values, "tolerance", { min: 0 });
    const result = assessment(framework, await loadTable(io, file, tableOptions(values)), {
      ...(tolerance !== undefined ? { tolerance } : {}),
      requireEvidence: values["no-evidence-check"] !== true,
    });
    if (format !== "json") printIssues(io, result.issues);
    const { results: _omit, ...plain } = result;
    await emit(io, values, format === "json" ? `${JSON.stringify(plain, null, 2)}\n` : assessmentToMarkdown(result, { language }));
    return result.ok ? 0 : 1;
  },
};
