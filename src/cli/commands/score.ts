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
import { toHTML } from "../../report/to-html.ts";
import { toJSON, toJSONLines } from "../../report/to-json.ts";
import { toMarkdown } from "../../report/to-markdown.ts";
import { loadBands } from "../analysis-options.ts";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { readCsvStream } from "../../csv.ts";
import type { Framework } from "../../framework/types.ts";
import { resolveColumns } from "../../input/resolve-columns.ts";
import type { ScoreOptions } from "../../pipeline/types.ts";
import type { StreamOptions } from "../../stream/score-stream.ts";
import type { Command, OptionValues } from "../command.ts";
import { FORMULA_HELP, FORMULA_OPTIONS } from "../formulas.ts";
import type { CliIO } from "../io.ts";
import { isWorkbook, loadFramework } from "../load.ts";
import { buildScoreOptions, DATA_HELP, DATA_OPTIONS, delimiterOption, integerOption, localeOption, oneOf, OUTPUT_OPTIONS, pointsOption, printIssues, RANK_HELP, RANK_OPTIONS, stringOption } from "../options.ts";
import { progress } from "../progress.ts";
import { scoreFile, writeOutput } from "../score-file.ts";
import { formatOrWorkbook, writeRankingWorkbook } from "../workbook-output.ts";
import { engineCsvOutput, scoreWithDuckDb } from "../engine-score.ts";
import { streamScoreFile } from "../stream-score.ts";
import { dataFiles } from "../load-forms.ts";
import { UsageError } from "../usage-error.ts";
import { depthOption, resultAtDepth } from "../node-depth.ts";

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
    depth: { type: "string" },
    "max-issues": { type: "string" },
  },
  help: `${DATA_HELP}${FORMULA_HELP}${RANK_HELP}      --format <fmt>          md (default) | csv | json | jsonl (a unit a line) |
                              html (a <table> fragment) |
                              svg (ranking bar chart; see \`dti chart\` for more) |
                              xlsx (a workbook: ranking with points, a sheet per group,
                              every indicator; needs --out, default when --out is .xlsx)
  -o, --out <file>            write the output to a file instead of standard output
      --lang <vi|en>          labels of md, html and svg output (default vi)
      --locale <bcp47>        number format of md, html and svg (vi-VN writes 0,8002; html and
                              svg default to vi-VN for --lang vi, en-US for --lang en)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)
      --depth <n>             write and rank only the nodes down to depth n: 0 the index,
                              1 the index and its pillars (views count as 1); the others
                              are still scored (md, csv, json, jsonl, html)
      --headers <ids|names>   csv headers: node ids (default; reads back unambiguously) or
                              names in --lang ("Hạng", "Đơn vị", "NTS", "NTS - hạng" …)
      --points                csv: a column of the index in points on the framework's total
                              (800.2 of 1000 beside 0.8002), when the framework has points
      --bands <preset|file>   maturity bands: dti-2020-map | egdi |
                              hcmc-79-2023-departments | a band-set JSON file
                              (md: a band table after the ranking; csv: a band column;
                              json: "bands")
      --stream                stream a CSV file: memory bounded by the units, not the file;
                              the same output (md, csv, json, jsonl) as without it. Automatic
                              for CSV files over 8 MiB when no option needs the whole table
                              (--merge, --formulas, --impute, --min-coverage, --bands,
                              --header-row, --ties exact), always over 256 MiB
      --engine <name>         library (default) | duckdb: score a CSV or Parquet file in DuckDB
                              (npm install @duckdb/node-api) with the same values, ranks and
                              coverage (and merges); no warnings, imputation or formulas
                              (docs/scale.md)
      --rank-nodes <ids|all>  --engine duckdb: rank only these nodes (comma-separated ids, or
                              all, the default)
      --max-issues <n>        streaming: errors shown (default 100); the rest are counted
`,
  async run(rest, values, io) {
    const files = await dataFiles(rest);
    const file = files[0] as string;
    if (files.length > 1 && values["stream"] === true) throw new UsageError("--stream reads one file");
    const engine = oneOf("engine", stringOption(values, "engine"), ["library", "duckdb"] as const) ?? "library";
    if (engine === "duckdb" && values["stream"] === true) throw new UsageError("--engine duckdb and --stream are two ways to score a large file: choose one");
    if (engine === "duckdb" && files.length > 1) throw new UsageError("--engine duckdb reads one file");
    if (values["rank-nodes"] !== undefined && engine !== "duckdb") throw new UsageError("--rank-nodes works with --engine duckdb (dti ranks every node)");
    if (values["stream"] === true) return (await runStream(file, values, io, false)) ?? 0;
    const format = oneOf("format", formatOrWorkbook(values), ["md", "markdown", "csv", "json", "jsonl", "html", "svg", "xlsx"] as const) ?? "md";
    const size = files.length === 1 && engine === "library" ? await csvFileSize(file) : 0;
    if (size > STREAM_BYTES) {
      if (!STREAM_FORMATS.includes(format)) throw new UsageError(`${file} is over 256 MiB: it is scored as a stream, which writes --format md, csv, json or jsonl (not ${format})`);
      io.stderr(`dti: ${file} is over 256 MiB: scoring it as a stream (--stream; see docs/performance.md)\n`);
      return (await runStream(file, values, io, false)) ?? 0;
    }
    // A large plain CSV file is streamed (bounded memory, the same output) when nothing asks for the whole table.
    if (size > AUTO_STREAM_BYTES && STREAM_FORMATS.includes(format) && !STREAM_REFUSES.some((o) => values[o] !== undefined) && stringOption(values, "ties") !== "exact") {
      const code = await runStream(file, values, io, true);
      if (code !== undefined) return code;
    }
    const lang = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
    const locale = localeOption(values);
    const bandSet = await loadBands(io, stringOption(values, "bands"));
    if (bandSet !== undefined && (format === "html" || format === "svg" || format === "jsonl")) {
      throw new UsageError("--bands works with --format md, csv or json");
    }
    if (engine === "duckdb" && format === "csv" && bandSet === undefined) return engineCsvOutput(io, file, values);
    const bar = progress(io, 3);
    const headers = oneOf("headers", stringOption(values, "headers"), ["ids", "names"] as const);
    if ((headers !== undefined || values["points"] === true) && format !== "csv") throw new UsageError("--headers and --points work with --format csv");
    const depth = depthOption(values);
    if (depth !== undefined && (format === "svg" || format === "xlsx")) throw new UsageError(`--depth works with --format md, csv, json, jsonl or html (the ${format} output shows its own nodes)`);
    const scored = engine === "duckdb" ? await scoreWithDuckDb(io, file, values, bar) : await scoreFile(io, files, values, bar);
    const { framework } = scored;
    const result = resultAtDepth(scored.result, depth, format === "json" || format === "jsonl");
    const points = pointsOption(values, framework);
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
        : format === "jsonl"
          ? toJSONLines(result)
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
    if (format !== "json" && format !== "jsonl") printIssues(io, result.warnings);
    await writeOutput(io, values, text, `${result.units.length} units`);
    return 0;
  },
};

/** CSV files above this size are streamed even without --stream. */
const STREAM_BYTES = 256 * 1024 * 1024;

/** CSV files above this size are streamed when no option needs the whole table: less memory, the same output. */
const AUTO_STREAM_BYTES = 8 * 1024 * 1024;

/** The formats the stream writes (the others render from a whole result). */
const STREAM_FORMATS: readonly string[] = ["md", "markdown", "csv", "json", "jsonl"];

/** Options that need the whole table (or a second file), which the stream does not read. */
const STREAM_REFUSES = ["merge", "formulas", "bands", "impute", "min-coverage", "header-row", "sheet", "unranked"] as const;

/** The size of a CSV file on disk, 0 for standard input, JSON, workbooks, a UTF-16 file or a missing file. */
async function csvFileSize(file: string): Promise<number> {
  if (file === "-" || /\.(json|xlsx|xlsm|xls|ods)$/iu.test(file)) return 0;
  try {
    const size = (await stat(file)).size;
    const handle = await open(file, "r");
    try {
      const head = new Uint8Array(4);
      await handle.read(head, 0, 4, 0);
      // UTF-16 (a BOM) and JSON are read whole, by the decoder and the JSON reader.
      const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
      const json = /^\s*[[{]/u.test(new TextDecoder().decode(head).replace(/^\uFEFF/u, ""));
      return utf16 || json ? 0 : size;
    } finally {
      await handle.close();
    }
  } catch {
    return 0;
  }
}

/**
 * Scores a CSV file as a stream, writing what `dti score` writes. With `auto` (a large file that
 * was not asked to stream), what the stream does not read as `score()` does (long data, errors,
 * totals rows, thousands separators) is left to `score()`: undefined is returned.
 */
async function runStream(file: string, values: OptionValues, io: CliIO, auto: boolean): Promise<number | undefined> {
  if (file === "-") throw new UsageError("--stream reads a CSV file (not standard input)");
  if (/\.json$/iu.test(file)) throw new UsageError("--stream reads CSV; score JSON without --stream");
  if (isWorkbook(file)) throw new UsageError("--stream reads CSV; score a workbook without --stream");
  for (const option of STREAM_REFUSES) {
    if (values[option] !== undefined) throw new UsageError(`--${option} is not available with --stream`);
  }
  try {
    await stat(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === "ENOENT" ? `file not found: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
  }
  const asked = oneOf("format", formatOrWorkbook(values), ["md", "markdown", "csv", "json", "jsonl", "html", "svg", "xlsx"] as const) ?? "md";
  if (!STREAM_FORMATS.includes(asked)) throw new UsageError(`--stream writes --format md, csv, json or jsonl (not ${asked})`);
  const format = asked === "markdown" ? "md" : (asked as "md" | "csv" | "json" | "jsonl");
  const framework = await loadFramework(io, stringOption(values, "framework"));
  const base = await buildScoreOptions(values, io, true);
  if (base.ties === "exact") throw new UsageError("--ties exact is not available with --stream (ranks use published values)");
  if (auto && (await isLongData(file, framework, base, delimiterOption(values)))) return undefined;
  const maxIssues = integerOption(values, "max-issues");
  const { ties: _ties, merge: _merge, ...rest } = base;
  const options: StreamOptions = { ...rest, ...(maxIssues !== undefined ? { maxIssues } : {}) };
  const decimalComma = values["decimal-comma"] === true;
  const language = oneOf("lang", stringOption(values, "lang"), ["vi", "en"] as const) ?? "vi";
  const headers = oneOf("headers", stringOption(values, "headers"), ["ids", "names"] as const);
  if ((headers !== undefined || values["points"] === true) && format !== "csv") throw new UsageError("--headers and --points work with --format csv");
  const points = pointsOption(values, framework);
  const locale = localeOption(values);
  const depth = depthOption(values);
  return streamScoreFile(
    io,
    file,
    framework,
    options,
    {
      format,
      out: stringOption(values, "out"),
      csv: { decimalComma, bom: values["bom"] === true, delimiter: decimalComma ? ";" : ",", language, ...(headers !== undefined ? { headers } : {}), ...(points !== undefined ? { points } : {}) },
      markdown: { language, decimalComma, ...(locale !== undefined ? { locale } : {}) },
      ...(depth !== undefined ? { depth } : {}),
      auto,
    },
    delimiterOption(values),
  );
}

/** True when the file's header reads as long data (indicator and value columns), which the stream does not read. */
async function isLongData(file: string, framework: Framework, options: ScoreOptions, delimiter: "," | ";" | "\t" | "auto" | undefined): Promise<boolean> {
  try {
    for await (const row of readCsvStream(createReadStream(file, { end: 1 << 20 }), delimiter === undefined ? {} : { delimiter })) {
      return resolveColumns(row.cells.map((c) => String(c ?? "").normalize("NFC").trim()), framework, options).shape === "long";
    }
  } catch {
    // An empty or unreadable file: the stream says what is wrong.
  }
  return false;
}
