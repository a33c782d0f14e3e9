/**
 * `dti score`: score and rank units, print the ranking (Markdown, CSV, JSON, an HTML table or an
 * SVG bar chart).
 *
 * @module
 */
import { rankingBarChart } from "../../report/chart/ranking-bar.ts";
import { toCSV } from "../../report/to-csv.ts";
import { toHTML } from "../../report/to-html.ts";
import { toJSON } from "../../report/to-json.ts";
import { toMarkdown } from "../../report/to-markdown.ts";
import type { Command } from "../command.ts";
import { DATA_HELP, DATA_OPTIONS, inputFile, localeOption, oneOf, OUTPUT_OPTIONS, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { scoreFile, writeOutput } from "../score-file.ts";

export const scoreCommand: Command = {
  name: "score",
  usage: "dti score <file> --framework <id|file.json> [options]",
  summary: "score and rank units",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    ...OUTPUT_OPTIONS,
    format: { type: "string" },
    "decimal-comma": { type: "boolean" },
    bom: { type: "boolean" },
  },
  help: `${DATA_HELP}${RANK_HELP}      --format <fmt>          md (default) | csv | json | html (a <table> fragment) |
                              svg (ranking bar chart; see \`dti chart\` for more)
  -o, --out <file>            write the output to a file instead of standard output
      --lang <vi|en>          labels of md, html and svg output (default vi)
      --locale <bcp47>        number format of md, html and svg (vi-VN writes 0,8002; html and
                              svg default to vi-VN for --lang vi, en-US for --lang en)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)
`,
  async run(rest, values, io) {
    const file = inputFile(rest);
    const format = oneOf("format", stringOption(values, "format"), ["md", "markdown", "csv", "json", "html", "svg"] as const) ?? "md";
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const locale = localeOption(values);
    const bar = progress(io, 3);
    const { result } = await scoreFile(io, file, values, bar);
    bar.step(`writing ${format}`);
    const decimalComma = values["decimal-comma"] === true;
    const loc = locale !== undefined ? { locale } : {};
    const text =
      format === "json"
        ? `${toJSON(result)}\n`
        : format === "csv"
          ? toCSV(result, { decimalComma, bom: values["bom"] === true, delimiter: decimalComma ? ";" : "," })
          : format === "html"
            ? toHTML(result, { language: lang, ...loc })
            : format === "svg"
              ? rankingBarChart(result, { language: lang, ...loc })
              : toMarkdown(result, { language: lang, decimalComma, ...loc });
    bar.done();
    if (format !== "json") printIssues(io, result.warnings);
    await writeOutput(io, values, text, `${result.units.length} units`);
    return 0;
  },
};
