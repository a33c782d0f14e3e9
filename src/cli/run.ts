/**
 * The `dti` command line. Commands live one a file in `commands/` (see `commands/index.ts`).
 * Exit codes: 0 success, 1 the data or framework has errors (all printed, one a line), 2 a usage
 * error, 3 an internal error (a bug: please report it; set DTI_DEBUG=1 for the stack), 4 `dti report
 * --pdf` found no browser to print with (or the browser failed).
 *
 * @module
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isDtiError, showValue } from "../errors.ts";
import { VERSION } from "../version.ts";
import type { Command, OptionValues } from "./command.ts";
import { COMMANDS } from "./commands/index.ts";
import type { CliIO } from "./io.ts";
import { COMMON_OPTIONS, printIssues } from "./options.ts";
import { fileErrorMessage } from "./file-error.ts";
import { textLimitMessage } from "./limit-error.ts";
import { UsageError } from "./usage-error.ts";

/** The general help text: every command's usage and summary. */
export function helpText(): string {
  // Each usage on its own line with its summary indented below it: a long usage never widens the
  // others into a table wider than the terminal.
  const line = (usage: string, summary: string) => `  ${usage}\n      ${summary}`;
  const lines = [...COMMANDS.map((c) => line(c.usage, c.summary)), line("dti <command> --help", "the options of one command"), line("dti --help | --version", "this help, the version")];
  return `dti ${VERSION}: digital-transformation index scores and rankings

Usage:
${lines.join("\n")}

<file> is CSV (, ; or tab; UTF-8, BOM ok; "0,6789" ok), JSON (an array of records,
wide or long), an Excel workbook (.xlsx; --sheet picks the sheet), or - for standard input.
Title rows above the header, empty columns and totals/averages rows are handled (a warning says
what was left out). score and validate also read a folder of files, or several files: one form
per unit.

Exit codes: 0 ok, 1 errors in the data or framework, 2 usage error, 4 no browser for --pdf.
`;
}

function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}.\n${command.help ? `\nOptions:\n${command.help}` : ""}`;
}

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
    const limit = textLimitMessage(e);
    if (limit !== undefined) {
      io.stderr(`dti: ${limit}\n`);
      return 2;
    }
    const fileProblem = fileErrorMessage(e, "open");
    if (fileProblem !== undefined) {
      io.stderr(`dti: ${fileProblem}\n`);
      return 2;
    }
    io.stderr(`dti: internal error: ${(e as Error)?.message ?? String(e)}\nThis is a bug in dti; please report it with the command you ran.\n`);
    if (typeof process !== "undefined" && process.env["DTI_DEBUG"]) io.stderr(`${(e as Error)?.stack ?? ""}\n`);
    return 3;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const name = argv.find((a) => !a.startsWith("-"));
  const command = COMMANDS.find((c) => c.name === name);
  if (name !== undefined && name !== "help" && command === undefined) {
    throw new UsageError(`unknown command ${showValue(name)} (${COMMANDS.map((c) => c.name).join(", ")})`);
  }
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...command?.options }, allowPositionals: true, strict: true }) as {
      values: OptionValues;
      positionals: string[];
    };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/su, ""));
  }
  const { values, positionals } = parsed;
  if (values["version"] === true) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command === undefined) {
    io.stdout(helpText());
    return name === undefined && values["help"] !== true ? 2 : 0;
  }
  if (values["help"] === true) {
    io.stdout(commandHelp(command));
    return 0;
  }
  await refuseOutOverInput([...positionals.slice(1), ...INPUT_FILE_FLAGS.flatMap((f) => values[f] ?? [])].filter((v) => typeof v === "string"), values["out"]);
  return command.run(positionals.slice(1), values, io);
}

/** Flags whose value is a file the command reads (a framework given by id is no file, and never the same path as --out). */
const INPUT_FILE_FLAGS = ["framework", "before", "merge", "bands", "formulas", "units"] as const;

/**
 * `dti score data.csv -o data.csv` would replace the data with its results (the output is renamed
 * over the target once complete): refused before any work, whatever the spelling of the two paths.
 */
async function refuseOutOverInput(files: readonly string[], out: OptionValues[string]): Promise<void> {
  if (typeof out !== "string" || out === "-") return;
  const target = await stat(out).catch(() => undefined);
  for (const file of files) {
    if (file === "-") continue;
    let same = resolve(file) === resolve(out);
    if (!same && target !== undefined && target.isFile()) {
      const input = await stat(file).catch(() => undefined);
      same = input !== undefined && input.dev === target.dev && input.ino === target.ino;
    }
    if (same) throw new UsageError(`--out ${showValue(out)} is the input file ${showValue(file)}: the results would replace it; write them to another file`);
  }
}
