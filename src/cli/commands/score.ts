/**
 * `dti score`: score and rank units, print the ranking (Markdown, CSV or JSON).
 *
 * @module
 */
import { score } from "../../pipeline/score.ts";
import { applyBands } from "../../analysis/apply-bands.ts";
import { bandsToMarkdown } from "../../analysis/bands-markdown.ts";
import { csvCell, toCSV } from "../../report/to-csv.ts";
import { toJSON } from "../../report/to-json.ts";
import { toMarkdown } from "../../report/to-markdown.ts";
import { loadBands } from "../analysis-options.ts";
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
    bands: { type: "string" },
  },
  help: `${DATA_HELP}${RANK_HELP}      --format <fmt>          md (default) | csv | json
  -o, --out <file>            write the output to a file instead of standard output
      --lang <vi|en>          labels in Markdown output (default vi)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)
      --bands <preset|file>   maturity bands: dti-2020-map | egdi | a band-set JSON file
                              (md: a band table after the ranking; csv: a band column; json: "bands")
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const format = oneOf("format", stringOption(values, "format"), ["md", "markdown", "csv", "json"] as const) ?? "md";
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const delimiter = delimiterOption(values);
    const framework = await loadFramework(io, stringOption(values, "framework"));
    const options = await buildScoreOptions(values, io, true);
    const table = await loadTable(io, file, delimiter);
    const bandSet = await loadBands(io, stringOption(values, "bands"));
    const result = score(framework, table, options);
    const decimalComma = values["decimal-comma"] === true;
    const csvDelimiter = decimalComma ? ";" : ",";
    const banded = bandSet === undefined ? undefined : applyBands(result, bandSet);
    let text =
      format === "json"
        ? banded === undefined
          ? `${toJSON(result)}\n`
          : `${JSON.stringify({ ...JSON.parse(toJSON(result)), bands: banded }, null, 2)}\n`
        : format === "csv"
          ? toCSV(result, { decimalComma, bom: values["bom"] === true, delimiter: csvDelimiter })
          : toMarkdown(result, { language: lang, decimalComma });
    if (banded !== undefined && bandSet !== undefined && format === "csv") {
      // One more column: the band label of each unit (rows are in result.units order).
      const lines = text.split("\r\n");
      text = lines
        .map((line, i) => (line === "" ? line : `${line}${csvDelimiter}${i === 0 ? "band" : csvCell(banded.units[i - 1]?.label?.[lang] ?? banded.units[i - 1]?.label?.vi ?? "", csvDelimiter)}`))
        .join("\r\n");
    } else if (banded !== undefined && bandSet !== undefined && format !== "json") {
      text += `\n${bandsToMarkdown(banded, bandSet, { language: lang })}`;
    }
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
