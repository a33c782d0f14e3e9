/**
 * The `dti` command line: `score`, `validate`, `frameworks`, `schema`. Exit codes: 0 success,
 * 1 the data or framework has errors (all printed, one a line), 2 a usage error, 3 an internal
 * error (a bug: please report it; set DTI_DEBUG=1 for the stack).
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatIssue, isDtiError, type Issue } from "../errors.ts";
import { listFrameworks } from "../framework/builtin/index.ts";
import { frameworkJsonSchema } from "../framework/json-schema.ts";
import type { ColumnNames } from "../input/resolve-columns.ts";
import { score, validate } from "../pipeline/score.ts";
import type { ScoreOptions } from "../pipeline/types.ts";
import { toCSV } from "../report/to-csv.ts";
import { toJSON } from "../report/to-json.ts";
import { toMarkdown } from "../report/to-markdown.ts";
import { VERSION } from "../version.ts";
import type { CliIO } from "./io.ts";
import { loadFramework, loadMerge, loadTable } from "./load.ts";
import { UsageError } from "./usage-error.ts";

const HELP = `dti ${VERSION}: digital-transformation index scores and rankings

Usage:
  dti score <file> --framework <id|file.json> [options]   score and rank units
  dti validate <file> --framework <id|file.json> [options] check data, print every problem
  dti frameworks [--json]                                  list built-in frameworks
  dti schema                                               print the framework JSON Schema
  dti --help | --version

<file> is CSV (, ; or tab; UTF-8, BOM ok; "0,6789" ok) or JSON (an array of records,
wide or long), or - for standard input.

Options for score and validate:
  -f, --framework <id|file>   built-in id (see \`dti frameworks\`) or a framework JSON file
      --missing <policy>      error (default) | zero | reweight
      --group-by <column>     column holding the ranking group (ranks within each group too)
      --merge <file>          merge map (CSV/JSON with unit and merged columns): merged units
                              score the unweighted mean of their members' indicator values
      --unit-column <name>    column holding the unit name (default: recognised names such as
                              unit, đơn vị, tỉnh, tên)
      --code-column <name>    column holding the unit code
      --year-column <name>    column holding the year (ranks are per year)
      --shape <shape>         auto (default) | wide | long
      --ignore-column <name>  a column to leave unread (repeatable)
      --unknown-columns <m>   error (default) | warn
      --delimiter <d>         auto (default) | , | ; | tab
Options for score:
      --format <fmt>          md (default) | csv | json
  -o, --out <file>            write the output to a file instead of standard output
      --ranking <method>      competition (default, 1224) | dense | ordinal
      --ties <mode>           published (default: ties on the rounded value) | exact
      --decimals <n>          decimals of published values (default 4)
      --lang <vi|en>          labels in Markdown output (default vi)
      --decimal-comma         write 0,8002 instead of 0.8002 (md and csv)
      --bom                   start CSV output with a UTF-8 BOM (for Excel)

Exit codes: 0 ok, 1 errors in the data or framework, 2 usage error.
`;

const OPTIONS = {
  framework: { type: "string", short: "f" },
  format: { type: "string" },
  out: { type: "string", short: "o" },
  missing: { type: "string" },
  "group-by": { type: "string" },
  merge: { type: "string" },
  "unit-column": { type: "string" },
  "code-column": { type: "string" },
  "year-column": { type: "string" },
  shape: { type: "string" },
  "ignore-column": { type: "string", multiple: true },
  "unknown-columns": { type: "string" },
  delimiter: { type: "string" },
  ranking: { type: "string" },
  ties: { type: "string" },
  decimals: { type: "string" },
  lang: { type: "string" },
  "decimal-comma": { type: "boolean" },
  bom: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const satisfies ParseArgsConfig["options"];

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: "boolean" } ? boolean : string };

/**
 * Runs the CLI with arguments (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await run(["score", "data.csv", "--framework", "vn-dti-2022-province"], nodeIO());
 * ```
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`dti: ${e.message}\nRun \`dti --help\` for usage.\n`);
      return 2;
    }
    if (isDtiError(e)) {
      printIssues(io, e.issues);
      const usage = e.issues.every((i) => i.code === "OPTION_INVALID" || i.code === "USAGE");
      return usage ? 2 : 1;
    }
    io.stderr(`dti: internal error: ${(e as Error)?.message ?? String(e)}\nThis is a bug in dti; please report it with the command you ran.\n`);
    if (typeof process !== "undefined" && process.env["DTI_DEBUG"]) io.stderr(`${(e as Error)?.stack ?? ""}\n`);
    return 3;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/su, ""));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === "help") {
    io.stdout(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case "score":
      return commandScore(rest, values, io);
    case "validate":
      return commandValidate(rest, values, io);
    case "frameworks":
      return commandFrameworks(values, io);
    case "schema":
      io.stdout(`${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}" (score, validate, frameworks, schema)`);
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value as T;
}

function inputFile(rest: readonly string[]): string {
  if (rest.length === 0) throw new UsageError("give the data file to read (CSV or JSON, or - for standard input)");
  if (rest.length > 1) throw new UsageError(`one data file at a time (got ${rest.map((r) => JSON.stringify(r)).join(", ")})`);
  return rest[0] as string;
}

async function buildOptions(values: Values, io: CliIO, withRanking: boolean): Promise<ScoreOptions> {
  const columns: { -readonly [K in keyof ColumnNames]: string } = {};
  if (values["unit-column"] !== undefined) columns.unit = values["unit-column"];
  if (values["code-column"] !== undefined) columns.code = values["code-column"];
  if (values["year-column"] !== undefined) columns.year = values["year-column"];
  if (values["group-by"] !== undefined) columns.group = values["group-by"];
  const missing = oneOf("missing", values.missing, ["error", "zero", "reweight"] as const);
  const shape = oneOf("shape", values.shape, ["auto", "wide", "long"] as const);
  const unknownColumns = oneOf("unknown-columns", values["unknown-columns"], ["error", "warn"] as const);
  const ranking = withRanking ? oneOf("ranking", values.ranking, ["competition", "dense", "ordinal"] as const) : undefined;
  const ties = withRanking ? oneOf("ties", values.ties, ["published", "exact"] as const) : undefined;
  let decimals: number | undefined;
  if (withRanking && values.decimals !== undefined) {
    decimals = Number(values.decimals);
    if (!/^\d+$/u.test(values.decimals) || decimals > 12) throw new UsageError(`--decimals must be a whole number from 0 to 12 (got "${values.decimals}")`);
  }
  const merge = values.merge === undefined ? undefined : await loadMerge(io, values.merge);
  return {
    columns,
    ...(missing !== undefined ? { missing } : {}),
    ...(shape !== undefined ? { shape } : {}),
    ...(unknownColumns !== undefined ? { unknownColumns } : {}),
    ...(values["ignore-column"] !== undefined ? { ignoreColumns: values["ignore-column"] } : {}),
    ...(ranking !== undefined ? { ranking } : {}),
    ...(ties !== undefined ? { ties } : {}),
    ...(decimals !== undefined ? { decimals } : {}),
    ...(merge !== undefined ? { merge } : {}),
  };
}

function delimiterOption(values: Values): "," | ";" | "\t" | "auto" | undefined {
  const d = values.delimiter;
  if (d === undefined) return undefined;
  if (d === "tab" || d === "\\t" || d === "\t") return "\t";
  return oneOf("delimiter", d, ["auto", ",", ";"] as const);
}

async function commandScore(rest: readonly string[], values: Values, io: CliIO): Promise<number> {
  const file = inputFile(rest);
  const format = oneOf("format", values.format, ["md", "markdown", "csv", "json"] as const) ?? "md";
  const lang = oneOf("lang", values.lang, ["vi", "en"] as const) ?? "vi";
  const delimiter = delimiterOption(values);
  const framework = await loadFramework(io, values.framework);
  const options = await buildOptions(values, io, true);
  const table = await loadTable(io, file, delimiter);
  const result = score(framework, table, options);
  const decimalComma = values["decimal-comma"] === true;
  const text =
    format === "json"
      ? `${toJSON(result)}\n`
      : format === "csv"
        ? toCSV(result, { decimalComma, bom: values.bom === true, delimiter: decimalComma ? ";" : "," })
        : toMarkdown(result, { language: lang, decimalComma });
  if (format !== "json") printIssues(io, result.warnings);
  if (values.out !== undefined) {
    await io.writeFile(values.out, text);
    io.stderr(`dti: wrote ${result.units.length} units to ${values.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

async function commandValidate(rest: readonly string[], values: Values, io: CliIO): Promise<number> {
  const file = inputFile(rest);
  const framework = await loadFramework(io, values.framework);
  const options = await buildOptions(values, io, false);
  const table = await loadTable(io, file, delimiterOption(values));
  const report = validate(framework, table, options);
  printIssues(io, [...report.errors, ...report.warnings]);
  if (report.ok) {
    io.stdout(`ok: ${report.units} units, no errors${report.warnings.length > 0 ? `, ${report.warnings.length} warning(s)` : ""}\n`);
    return 0;
  }
  io.stderr(`${report.errors.length} error(s) in ${file}\n`);
  return report.errors.every((i) => i.code === "OPTION_INVALID") ? 2 : 1;
}

function commandFrameworks(values: Values, io: CliIO): number {
  const list = listFrameworks();
  if (values.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  for (const f of list) {
    io.stdout(`${f.id}  (v${f.version})  ${f.title.vi}${f.title.en ? ` / ${f.title.en}` : ""}\n`);
    const src = f.source;
    if (src !== undefined) io.stdout(`    source: ${[src.decision, src.date, src.appliesTo].filter(Boolean).join(", ")}\n`);
    for (const u of f.uncertain ?? []) io.stdout(`    uncertain (${u.confidence}): ${u.fact}\n`);
  }
  return 0;
}

function printIssues(io: CliIO, issues: readonly Issue[]): void {
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
}
