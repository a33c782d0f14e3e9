/**
 * What a CLI command is: a name, a line of help, its own options and a function to run it.
 * Every command also accepts the common options of `options.ts`.
 *
 * @module
 */
import type { ParseArgsConfig } from "node:util";
import type { CliIO } from "./io.ts";

/** Parsed option values: strings, booleans, or string lists for repeatable options. */
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** A `dti` sub-command. */
export interface Command {
  /** The word after `dti`. */
  readonly name: string;
  /** Usage line(s) for `dti --help`, e.g. `dti score <file> --framework <id|file.json> [options]`. */
  readonly usage: string;
  /** One-line summary. */
  readonly summary: string;
  /** Options of this command only (merged with the common ones). */
  readonly options?: NonNullable<ParseArgsConfig["options"]>;
  /** Help text for this command's own options (indented lines), shown by `dti <command> --help`. */
  readonly help?: string;
  /** Runs the command; returns the exit code. Throws UsageError or DtiError for user mistakes. */
  readonly run: (positionals: readonly string[], values: OptionValues, io: CliIO) => Promise<number> | number;
}
