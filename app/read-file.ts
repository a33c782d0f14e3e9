/**
 * Files the user opens, read by the library's readers as the command line reads them: CSV with
 * `parseCsv`, JSON records with `readJsonRecords`, an .xlsx sheet with `readXlsx` (the workbook
 * code is imported only when a workbook is opened), a framework from JSON with `parseFramework` or
 * from its criteria table with `frameworkFromTable`.
 *
 * @module
 */
import { DtiError, error } from "../src/errors.ts";
import { frameworkFromTable } from "../src/framework/framework-table.ts";
import type { Framework } from "../src/framework/types.ts";
import { parseFramework } from "../src/framework/validate-framework.ts";
import { parseCsv, readCsvRows } from "../src/input/csv/parse-csv.ts";
import { readJsonRecords } from "../src/input/read-json.ts";
import type { RawRow, RawTable } from "../src/input/table.ts";
import { decodeText } from "../src/cli/decode-text.ts";

/** An .xlsx or .xlsm workbook, by its name. */
export const isWorkbook = (name: string): boolean => /\.(xlsx|xlsm)$/iu.test(name);

/** The workbook reader, loaded on first use. */
const workbook = () => import("../src/xlsx.ts");

/** The sheets of a workbook (visible ones), to choose from. */
export async function workbookSheets(bytes: Uint8Array): Promise<string[]> {
  const { listSheets } = await workbook();
  try {
    return listSheets(bytes).filter((s) => s.visible).map((s) => s.name);
  } catch {
    return [];
  }
}

/** A data file's table (CSV, JSON or a workbook's sheet: the first visible one unless `sheet`). */
export async function readDataFile(name: string, bytes: Uint8Array, sheet?: string): Promise<RawTable> {
  if (isWorkbook(name)) {
    const { readXlsx } = await workbook();
    return readXlsx(bytes, sheet === undefined ? {} : { sheet });
  }
  if (/\.(xls|ods)$/iu.test(name)) {
    throw new DtiError([error("DATA_PARSE", `${name}: save this file from Excel or LibreOffice as "Excel Workbook (.xlsx)" or "CSV UTF-8" and open that`)]);
  }
  const text = decodeText(bytes, name);
  const json = /\.json$/iu.test(name) || (!/\.(csv|tsv|txt)$/iu.test(name) && /^\s*[[{]/u.test(text.replace(/^\uFEFF/u, "")));
  return json ? readJsonRecords(text, name) : parseCsv(text);
}

/** A framework file: JSON, or a criteria table as CSV or an .xlsx workbook (its first sheet). */
export async function readFrameworkFile(name: string, bytes: Uint8Array): Promise<Framework> {
  if (/\.json$/iu.test(name)) {
    try {
      return parseFramework(decodeText(bytes, name));
    } catch (e) {
      if (e instanceof DtiError) throw new DtiError(e.issues.map((i) => ({ ...i, message: `${name}: ${i.message}` })));
      throw e;
    }
  }
  let rows: RawRow[];
  if (isWorkbook(name)) {
    // The first sheet as written, row by row (key/value rows stand above the criteria header),
    // numbered as Excel numbers them.
    const { readSheetCells, WorkbookError } = await import("../src/xlsx/read-workbook.ts");
    try {
      rows = [...readSheetCells(bytes).rows].sort(([a], [b]) => a - b).map(([line, cells]) => ({ line, cells: [...cells] }));
    } catch (e) {
      if (e instanceof WorkbookError) throw new DtiError([{ ...e.issue, message: `${name}: ${e.issue.message}` }]);
      throw e;
    }
  } else {
    rows = readCsvRows(decodeText(bytes, name));
  }
  const { framework, issues } = frameworkFromTable(rows);
  if (framework === undefined) throw new DtiError(issues.map((i) => ({ ...i, message: `${name}: ${i.message}` })));
  return framework;
}
