/**
 * Reading the CLI's inputs: data files (CSV, JSON or an .xlsx workbook), framework files or
 * built-in ids, merge maps.
 *
 * @module
 */
import { extname } from "node:path";
import { parseCsv } from "../csv.ts";
import { readCsvRows } from "../input/csv/parse-csv.ts";
import { frameworkFromTable } from "../framework/framework-table.ts";
import { cutText, DtiError } from "../errors.ts";
import { getFramework } from "../framework/builtin/index.ts";
import type { Framework } from "../framework/types.ts";
import { parseFramework } from "../framework/validate-framework.ts";
import { readMergeTable } from "../input/read-merge-map.ts";
import { readJsonRecords } from "../input/read-json.ts";
import type { RawTable } from "../input/table.ts";
import { readSheetTable } from "../xlsx/read-xlsx.ts";
import type { MergeEntry } from "../score/merge-units.ts";
import type { CliIO } from "./io.ts";
import { fileErrorMessage } from "./file-error.ts";
import { rememberSheet } from "./sheet-cells.ts";
import { UsageError } from "./usage-error.ts";

async function readText(io: CliIO, path: string): Promise<string> {
  if (path === "-") return io.readStdin();
  try {
    return await io.readFile(path);
  } catch (e) {
    if (e instanceof DtiError) throw e;
    const code = (e as { code?: string }).code;
    throw new UsageError(code === "ENOENT" ? `file not found: ${cutText(path)}` : (fileErrorMessage(e, "read", path) ?? `cannot read ${path}: ${(e as Error).message}`));
  }
}

/** Looks like JSON (by extension, or by its first character for stdin and unknown extensions). */
function isJson(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return true;
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return false;
  return /^\s*[[{]/u.test(text.replace(/^\uFEFF/u, ""));
}

/** How to read a data file: the CSV delimiter, the workbook's sheet. */
export interface TableOptions {
  readonly delimiter?: "," | ";" | "\t" | "auto";
  /** A workbook's sheet: its name or 1-based tab number (`--sheet`). */
  readonly sheet?: string;
}

/** An Excel workbook by its extension: .xlsx (or .xlsm, the same format with macros, which are not run). */
export function isWorkbook(path: string): boolean {
  return /\.(xlsx|xlsm)$/iu.test(path);
}

/**
 * Reads a data file into a raw table: an .xlsx workbook's sheet by readXlsx, CSV/TSV by parseCsv,
 * JSON as an array of records (or `{ "units": [...] }`).
 */
export async function loadTable(io: CliIO, path: string, options: TableOptions = {}): Promise<RawTable> {
  if (isWorkbook(path)) return loadWorkbook(io, path, options.sheet);
  if (/\.(xls|ods)$/iu.test(path)) {
    throw new UsageError(`${cutText(path)}: dti reads .xlsx workbooks, CSV and JSON; save this file from Excel or LibreOffice as "Excel Workbook (.xlsx)" or "CSV UTF-8"`);
  }
  if (options.sheet !== undefined) throw new UsageError(`--sheet picks a sheet of an .xlsx workbook; ${cutText(path)} is not one`);
  const text = await readText(io, path);
  // A zip's signature: a workbook given by another extension or on standard input, read as text.
  if (text.startsWith("PK\u0003\u0004")) {
    throw new UsageError(`${path === "-" ? "standard input" : cutText(path)} is a zip file (an .xlsx workbook?): give it as a file named *.xlsx`);
  }
  if (!isJson(path, text)) return parseCsv(text, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  return readJsonRecords(text, path === "-" ? "standard input" : path);
}

async function loadWorkbook(io: CliIO, path: string, sheet: string | undefined): Promise<RawTable> {
  if (io.readBytes === undefined) throw new UsageError(`cannot read the workbook ${cutText(path)} here (no binary file reading)`);
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === "ENOENT" ? `file not found: ${cutText(path)}` : (fileErrorMessage(e, "read", path) ?? `cannot read ${path}: ${(e as Error).message}`));
  }
  const { table, sheet: name } = readSheetTable(bytes, sheet === undefined ? {} : { sheet });
  if (name !== undefined) rememberSheet(io, name, table.columns);
  // A missing sheet is a usage error (exit 2), as a misspelt option is.
  const wrongSheet = table.issues.find((i) => i.code === "OPTION_INVALID");
  if (wrongSheet !== undefined) throw new UsageError(`${cutText(path)}: ${wrongSheet.message}`);
  return table;
}

/** A framework's criteria table (CSV): read by rows, then as a table (see `frameworkFromTable`). */
async function loadFrameworkTable(io: CliIO, path: string, delimiter?: "," | ";" | "\t" | "auto"): Promise<Framework> {
  const rows = readCsvRows(await readText(io, path), delimiter === undefined ? {} : { delimiter });
  const { framework, issues } = frameworkFromTable(rows);
  if (framework === undefined) throw new DtiError(issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
  return framework;
}

/** A built-in framework id, or a path to a framework JSON file or criteria table (CSV). */
export async function loadFramework(io: CliIO, spec: string | undefined, delimiter?: "," | ";" | "\t" | "auto"): Promise<Framework> {
  if (spec === undefined) throw new UsageError("--framework is required (a built-in id from `dti frameworks`, or a framework JSON file)");
  if (/\.(csv|tsv)$/iu.test(spec)) return loadFrameworkTable(io, spec, delimiter);
  if (!spec.toLowerCase().endsWith(".json")) {
    try {
      return getFramework(spec);
    } catch (e) {
      if (e instanceof DtiError && e.code === "FRAMEWORK_UNKNOWN") {
        // A path that is not a built-in id: a framework file must be named *.json.
        const hint = /[/\\.]/u.test(spec) ? `; a framework file must end in .json (or .csv for a criteria table)` : "";
        throw new UsageError(`${e.issues[0]?.message ?? e.message}${hint}`);
      }
      throw e;
    }
  }
  const text = await readText(io, spec);
  try {
    return parseFramework(text);
  } catch (e) {
    // Say which file: the command line may name several (data, framework, merge map).
    if (e instanceof DtiError) throw new DtiError(e.issues.map((i) => ({ ...i, message: `${spec}: ${i.message}` })));
    throw e;
  }
}

/** Reads a merge mapping file (CSV or JSON records with unit and merged columns). */
export async function loadMerge(io: CliIO, path: string): Promise<MergeEntry[]> {
  const { entries, issues } = readMergeTable(await loadTable(io, path));
  if (issues.some((i) => i.severity === "error")) throw new DtiError(issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
  return entries;
}
