/**
 * `dti score`: score and rank units, print the ranking (Markdown, CSV, JSON, an HTML table or an
 * SVG bar chart).
 *
 * @module
 */
import { applyBands } from "../../analysis/apply-bands.ts";
import { bandsToMarkdown } from "../../analysis/bands-markdown.ts";
import { rankingBarChart } from "../../report/chart/ranking-bar.ts";
import { csvCell, toCSV } from "../../report/to-csv.ts";
import { toHTML } from "../../report/to-html.ts";
import { toJSON } from "../../report/to-json.ts";
import { toMarkdown } from "../../report/to-markdown.ts";
import { loadBands } from "../analysis-options.ts";
import type { Command } from "../command.ts";
import { FORMULA_HELP, FORMULA_OPTIONS } from "../formulas.ts";
import { DATA_HELP, DATA_OPTIONS, inputFile, localeOption, oneOf, OUTPUT_OPTIONS, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { UsageError } from "../usage-error.ts";
import { scoreFile, writeOutput } from "../score-file.ts";

export const scoreCommand: Command = {
  name: "score",
  usage: "dti score <file> --framework <id|file.json> [options]",
  summary: "score and rank units",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...FORMULA_OPTIONS,
    format: { type: "string" },
    "decimal-comma": { type: "boolean" },
    bom: { type: "boolean" },
    bands: { type: "string" },
  },
  help: `${DATA_HELP}${FORMULA_HELP}${RANK_HELP}      --format <fmt>          md (default) | csv | json | html (a <table> fragment) |
                              svg (ranking bar chart; see \`dti chart\` for more)
  -o, --out <file>            write the output to a file instead of standard output
      --lang <vi|en>          labels of md, html and svg output (default vi)
      --locale <bcp47>        number format of md, html and svg (vi-VN writes 0,8002; html and
                              svg default to vi-VN for --lang vi, en-US for --lang en)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)
      --bands <preset|file>   maturity bands: dti-2020-map | egdi | a band-set JSON file
                              (md: a band table after the ranking; csv: a band column; json: "bands")
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const format = oneOf("format", stringOption(values, "format"), ["md", "markdown", "csv", "json", "html", "svg"] as const) ?? "md";
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const locale = localeOption(values);
    const bandSet = await loadBands(io, stringOption(values, "bands"));
    if (bandSet !== undefined && (format === "html" || format === "svg")) {
      throw new UsageError("--bands works with --format md, csv or json");
    }
    const bar = progress(io, 3);
    const { result } = await scoreFile(io, file, values, bar);
    bar.step(`writing ${format}`);
    const decimalComma = values["decimal-comma"] === true;
    const csvDelimiter = decimalComma ? ";" : ",";
    const loc = locale !== undefined ? { locale } : {};
    const banded = bandSet === undefined ? undefined : applyBands(result, bandSet);
    let text =
      format === "json"
        ? banded === undefined
          ? `${toJSON(result)}\n`
          : `${JSON.stringify({ ...JSON.parse(toJSON(result)), bands: banded }, null, 2)}\n`
        : format === "csv"
          ? toCSV(result, { decimalComma, bom: values["bom"] === true, delimiter: csvDelimiter })
          : format === "html"
            ? toHTML(result, { language: lang, ...loc })
            : format === "svg"
              ? rankingBarChart(result, { language: lang, ...loc })
              : toMarkdown(result, { language: lang, decimalComma, ...loc });
    if (banded !== undefined && format === "csv") {
      // One more column: the band label of each unit (rows are in result.units order).
      const lines = text.split("\r\n");
      text = lines
        .map((line, i) => (line === "" ? line : `${line}${csvDelimiter}${i === 0 ? "band" : csvCell(banded.units[i - 1]?.label?.[lang] ?? banded.units[i - 1]?.label?.vi ?? "", csvDelimiter)}`))
        .join("\r\n");
    } else if (banded !== undefined && bandSet !== undefined && (format === "md" || format === "markdown")) {
      text += `\n${bandsToMarkdown(banded, bandSet, { language: lang })}`;
    }
    bar.done();
    if (format !== "json") printIssues(io, result.warnings);
    await writeOutput(io, values, text, `${result.units.length} units`);
    return 0;
  },
};
