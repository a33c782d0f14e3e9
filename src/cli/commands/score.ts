/**
 * `dti score`: score and rank units, print the ranking (Markdown, CSV, JSON, an HTML table or an
 * SVG bar chart).
 *
 * @module
 */
import { showValue } from "../../errors.ts";
import { applyBands } from "../../analysis/apply-bands.ts";
import { bandsToMarkdown } from "../../analysis/bands-markdown.ts";
import { rankingBarChart } from "../../report/chart/ranking-bar.ts";
import { csvCell } from "../../report/escape.ts";
import { toCSV } from "../../report/to-csv.ts";
import { totalPoints } from "../../framework/total-points.ts";
import { toHTML } from "../../report/to-html.ts";
import { toJSON } from "../../report/to-json.ts";
import { toMarkdown } from "../../report/to-markdown.ts";
import { loadBands } from "../analysis-options.ts";
import { stat } from "node:fs/promises";
import type { StreamOptions } from "../../stream/score-stream.ts";
import type { Command, OptionValues } from "../command.ts";
import { FORMULA_HELP, FORMULA_OPTIONS } from "../formulas.ts";
import type { CliIO } from "../io.ts";
import { isWorkbook, loadFramework } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, delimiterOption, localeOption, oneOf, OUTPUT_OPTIONS, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { scoreFile, writeOutput } from "../score-file.ts";
import { formatOrWorkbook, writeRankingWorkbook } from "../workbook-output.ts";
import { engineCsvOutput, scoreWithDuckDb } from "../engine-score.ts";
import { streamScoreFile } from "../stream-score.ts";
import { dataFiles } from "../load-forms.ts";
import { UsageError } from "../usage-error.ts";

export const scoreCommand: Command = {
  name: "score",
  usage: "dti score <file|folder>… --framework <id|file> [options]",
  summary: "score and rank units",
  options: {
    ...DATA_OPTIONS,
    ...RANK_OPTIONS,
    ...OUTPUT_OPTIONS,
    ...FORMULA_OPTIONS,
    format: { type: "string" },
    "decimal-comma": { type: "boolean" },
    bom: { type: "boolean" },
    headers: { type: "string" },
    points: { type: "boolean" },
    bands: { type: "string" },
    stream: { type: "boolean" },
    engine: { type: "string" },
    "rank-nodes": { type: "string" },
    "max-issues": { type: "string" },
    leaves: { type: "boolean" },
  },
  help: `${DATA_HELP}${FORMULA_HELP}${RANK_HELP}      --format <fmt>          md (default) | csv | json | html (a <table> fragment) |
                              svg (ranking bar chart; see \`dti chart\` for more) |
                              xlsx (a workbook: ranking with points, a sheet per group,
                              every indicator; needs --out, default when --out is .xlsx)
  -o, --out <file>            write the output to a file instead of standard output
      --lang <vi|en>          labels of md, html and svg output (default vi)
      --locale <bcp47>        number format of md, html and svg (vi-VN writes 0,8002; html and
                              svg default to vi-VN for --lang vi, en-US for --lang en)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)
      --headers <ids|names>   csv headers: node ids (default; reads back unambiguously) or
                              names in --lang ("Hạng", "Đơn vị", "NTS", "NTS - hạng" …)
      --points                csv: a column of the index in points on the framework's total
                              (800.2 of 1000 beside 0.8002), when the framework has points
      --bands <preset|file>   maturity bands: dti-2020-map | egdi |
                              hcmc-79-2023-departments | a band-set JSON file
                              (md: a band table after the ranking; csv: a band column;
                              json: "bands")
      --stream                stream a large CSV: memory bounded by the units, not the file
                              (automatic for CSV files over 256 MiB); output csv (default) or
                              jsonl, in input order, ranks of the index only unless --rank-nodes
      --engine <name>         library (default) | duckdb: score a CSV or Parquet file in DuckDB
                              (npm install @duckdb/node-api) with the same values, ranks and
                              coverage; no warnings, merges, imputation or formulas (docs/scale.md)
      --rank-nodes <ids|all>  streaming and --engine duckdb: rank these nodes (comma-separated
                              ids, or all; streaming default: the index only, duckdb: all)
      --max-issues <n>        streaming: errors shown (default 100); the rest are counted
      --leaves                streaming: also write each indicator's value (default: the index,
                              groups and views only)
`,
  async run(rest, values, io) {
    const files = await dataFiles(rest);
    const file = files[0] as string;
    if (files.length > 1 && values["stream"] === true) throw new UsageError("--stream reads one file");
    const engine = oneOf("engine", stringOption(values, "engine"), ["library", "duckdb"] as const) ?? "library";
    if (engine === "duckdb" && values["stream"] === true) throw new UsageError("--engine duckdb and --stream are two ways to score a large file: choose one");
    if (engine === "duckdb" && files.length > 1) throw new UsageError("--engine duckdb reads one file");
    if (values["stream"] === true) return runStream(file, values, io);
    if (files.length === 1 && engine === "library" && (await isLargeCsv(file))) {
      const asked = stringOption(values, "format");
      if (asked !== undefined && asked !== "csv" && asked !== "jsonl") {
        throw new UsageError(`${file} is over 256 MiB: it is scored as a stream, which writes --format csv or jsonl (not ${asked})`);
      }
      io.stderr(`dti: ${file} is over 256 MiB: scoring it as a stream (--stream; see docs/performance.md)\n`);
      return runStream(file, values, io);
    }
    const format = oneOf("format", formatOrWorkbook(values), ["md", "markdown", "csv", "json", "html", "svg", "xlsx"] as const) ?? "md";
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const locale = localeOption(values);
    const bandSet = await loadBands(io, stringOption(values, "bands"));
    if (bandSet !== undefined && (format === "html" || format === "svg")) {
      throw new UsageError("--bands works with --format md, csv or json");
    }
    if (engine === "duckdb" && format === "csv" && bandSet === undefined) return engineCsvOutput(io, file, values);
    const bar = progress(io, 3);
    const headers = oneOf("headers", stringOption(values, "headers"), ["ids", "names"] as const);
    if ((headers !== undefined || values["points"] === true) && format !== "csv") throw new UsageError("--headers and --points work with --format csv");
    const { framework, result } = engine === "duckdb" ? await scoreWithDuckDb(io, file, values, bar) : await scoreFile(io, files, values, bar);
    const points = values["points"] === true ? totalPoints(framework) : undefined;
    if (values["points"] === true && points === undefined) throw new UsageError(`--points: framework ${JSON.stringify(framework.id)} has no total points (no maxPoints on its root or on every top-level group)`);
    bar.step(`writing ${format}`);
    const decimalComma = values["decimal-comma"] === true;
    const csvDelimiter = decimalComma ? ";" : ",";
    const loc = locale !== undefined ? { locale } : {};
    const banded = bandSet === undefined ? undefined : applyBands(result, bandSet);
    if (format === "xlsx") return writeRankingWorkbook(io, values, result, framework, bandSet, lang, bar);
    let text =
      format === "json"
        ? banded === undefined
          ? `${toJSON(result)}\n`
          : `${JSON.stringify({ ...JSON.parse(toJSON(result)), bands: banded }, null, 2)}\n`
        : format === "csv"
          ? toCSV(result, { decimalComma, bom: values["bom"] === true, delimiter: csvDelimiter, language: lang, ...(headers !== undefined ? { headers } : {}), ...(points !== undefined ? { points } : {}) })
          : format === "html"
            ? toHTML(result, { language: lang, ...loc })
            : format === "svg"
              ? rankingBarChart(result, { language: lang, ...loc })
              : toMarkdown(result, { language: lang, decimalComma, ...loc });
    if (banded !== undefined && format === "csv") {
      // One more column: the band label of each unit (rows are in result.units order).
      const lines = text.split("\r\n");
      text = lines
        .map((line, i) => (line === "" ? line : `${line}${csvDelimiter}${i === 0 ? (headers === "names" ? (lang === "en" ? "Band" : "Mức") : "band") : csvCell(banded.units[i - 1]?.label?.[lang] ?? banded.units[i - 1]?.label?.vi ?? "", csvDelimiter)}`))
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

/** Files above this size are streamed even without --stream. */
const STREAM_BYTES = 256 * 1024 * 1024;

async function isLargeCsv(file: string): Promise<boolean> {
  if (file === "-" || /\.(json|xlsx|xlsm)$/iu.test(file)) return false;
  try {
    return (await stat(file)).size > STREAM_BYTES;
  } catch {
    return false;
  }
}

async function runStream(file: string, values: OptionValues, io: CliIO): Promise<number> {
  if (file === "-") throw new UsageError("--stream reads a CSV file (not standard input)");
  if (/\.json$/iu.test(file)) throw new UsageError("--stream reads CSV; score JSON without --stream");
  if (isWorkbook(file)) throw new UsageError("--stream reads CSV; score a workbook without --stream");
  for (const option of ["merge", "formulas", "bands", "impute", "min-coverage", "header-row", "headers", "points"]) {
    if (values[option] !== undefined) throw new UsageError(`--${option} is not available with --stream`);
  }
  try {
    await stat(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === "ENOENT" ? `file not found: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
  }
  const format = oneOf("format", stringOption(values, "format"), ["csv", "jsonl"] as const) ?? "csv";
  const framework = await loadFramework(io, stringOption(values, "framework"));
  const base = await buildScoreOptions(values, io, true);
  if (base.ties === "exact") throw new UsageError("--ties exact is not available with --stream (ranks use published values)");
  const rankNodesText = stringOption(values, "rank-nodes");
  const maxText = stringOption(values, "max-issues");
  if (maxText !== undefined && !/^\d+$/u.test(maxText)) throw new UsageError(`--max-issues must be a whole number (got ${showValue(maxText)})`);
  const { ties: _ties, merge: _merge, ...rest } = base;
  const options: StreamOptions = {
    ...rest,
    ...(rankNodesText !== undefined ? { rankNodes: rankNodesText === "all" ? "all" : rankNodesText.split(",").map((s) => s.trim()).filter((s) => s !== "") } : {}),
    ...(maxText !== undefined ? { maxIssues: Number(maxText) } : {}),
  };
  const decimalComma = values["decimal-comma"] === true;
  return streamScoreFile(
    io,
    file,
    framework,
    options,
    { format, out: stringOption(values, "out"), delimiter: decimalComma ? ";" : ",", decimalComma, bom: values["bom"] === true, leaves: values["leaves"] === true },
    delimiterOption(values),
  );
}
