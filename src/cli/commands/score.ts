/**
 * `dti score`: score and rank units, print the ranking (Markdown, CSV or JSON).
 *
 * @module
 */
import { score } from "../../pipeline/score.ts";
import { toCSV } from "../../report/to-csv.ts";
import { toJSON } from "../../report/to-json.ts";
import { toMarkdown } from "../../report/to-markdown.ts";
import type { Command } from "../command.ts";
import { loadFramework, loadTable } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, delimiterOption, inputFile, oneOf, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";

export const scoreCommand: Command = {
  name: "score",
  usage: "dti score <file> --framework <id|file.json> [options]",
  summary: "score and rank units",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    format: { type: "string" },
    out: { type: "string", short: "o" },
    lang: { type: "string" },
    "decimal-comma": { type: "boolean" },
    bom: { type: "boolean" },
  },
  help: `${DATA_HELP}${RANK_HELP}      --format <fmt>          md (default) | csv | json
  -o, --out <file>            write the output to a file instead of standard output
      --lang <vi|en>          labels in Markdown output (default vi)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const format = oneOf("format", stringOption(values, "format"), ["md", "markdown", "csv", "json"] as const) ?? "md";
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const delimiter = delimiterOption(values);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const options = await buildScoreOptions(values, io, true);
    const table = await loadTable(io, file, delimiter);
    const result = score(framework, table, options);
    const decimalComma = values["decimal-comma"] === true;
    const text =
      format === "json"
        ? `${toJSON(result)}\n`
        : format === "csv"
          ? toCSV(result, { decimalComma, bom: values["bom"] === true, delimiter: decimalComma ? ";" : "," })
          : toMarkdown(result, { language: lang, decimalComma });
    if (format !== "json") printIssues(io, result.warnings);
    const out = stringOption(values, "out");
    if (out !== undefined) {
      await io.writeFile(out, text);
      io.stderr(`dti: wrote ${result.units.length} units to ${out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};
