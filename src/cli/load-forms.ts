/**
 * Reading several data files as one: a folder of filled forms (one per unit) or files named on
 * the command line, stacked into one table whose problems name their file.
 *
 * @module
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { DtiError, showValue } from "../errors.ts";
import type { Framework } from "../framework/types.ts";
import type { ResolveOptions } from "../input/resolve-columns.ts";
import { stackTables, type StackedTables } from "../input/stack-tables.ts";
import { compareVi } from "../text/collator.ts";
import type { CliIO } from "./io.ts";
import { loadTable, type TableOptions } from "./load.ts";
import { UsageError } from "./usage-error.ts";

/** The data files a folder holds: CSV, TSV and JSON, in name order. */
const DATA_FILE = /\.(csv|tsv|json)$/iu;

/**
 * The data files the arguments name: a folder stands for the data files in it (not its sub-folders).
 * One plain file is returned as it is.
 */
export async function dataFiles(args: readonly string[]): Promise<string[]> {
  if (args.length === 0) throw new UsageError("give the data file to read (CSV or JSON, a folder of them, or - for standard input)");
  const files: string[] = [];
  for (const arg of args) {
    const info = arg === "-" ? undefined : await stat(arg).catch(() => undefined);
    if (info?.isDirectory() === true) {
      const names = (await readdir(arg)).filter((n) => DATA_FILE.test(n) && !n.startsWith(".") && !n.startsWith("~$")).sort(compareVi);
      if (names.length === 0) throw new UsageError(`the folder ${showValue(arg)} holds no .csv, .tsv or .json files`);
      for (const n of names) files.push(join(arg, n));
    } else {
      if (arg === "-" && args.length > 1) throw new UsageError("standard input (-) is read alone, not with other files");
      files.push(arg);
    }
  }
  return files;
}

/** Reads and stacks several data files (see `stackTables`). */
export async function loadForms(io: CliIO, files: readonly string[], framework: Framework, options: ResolveOptions, tableOptions: TableOptions = {}): Promise<StackedTables> {
  const parts = [];
  for (const file of files) {
    try {
      parts.push({ name: file, table: await loadTable(io, file, tableOptions) });
    } catch (e) {
      if (e instanceof DtiError) throw new DtiError(e.issues.map((i) => ({ ...i, file })));
      throw e;
    }
  }
  return stackTables(parts, framework, options);
}
