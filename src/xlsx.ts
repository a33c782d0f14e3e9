/**
 * The `dti/xlsx` sub-path: Excel workbooks (.xlsx) in and out. Reading gives the same raw table
 * as `dti/csv`; writing makes the ranking workbook and data-entry templates. A separate entry so
 * that the core bundle carries no zip code (fflate) nor spreadsheet writer; no Node built-ins, so
 * it runs in Node, Deno and browsers alike. Bytes in, bytes out: the caller reads and writes files.
 *
 * @example
 * ```ts
 * import { readXlsx } from "dti/xlsx";
 * const table = readXlsx(bytes, { sheet: "Dữ liệu" });
 * ```
 *
 * @module dti/xlsx
 */
export { readXlsx } from "./xlsx/read-xlsx.ts";
export type { XlsxReadOptions } from "./xlsx/read-xlsx.ts";
export { listSheets } from "./xlsx/read-workbook.ts";
export type { SheetEntry } from "./xlsx/read-workbook.ts";
export { toXLSX, resultSheets } from "./xlsx/result-workbook.ts";
export type { XlsxReportOptions } from "./xlsx/result-workbook.ts";
export { sheetName, writeWorkbook } from "./xlsx/write-workbook.ts";
export type { CellStyle, Validation, WriteCell, WriteSheet } from "./xlsx/write-workbook.ts";
export { templateSheets, toTemplateXLSX, TEMPLATE_SHEETS } from "./xlsx/template-workbook.ts";
export type { TemplateOptions } from "./xlsx/template-workbook.ts";
export { templateCriteria } from "./input/template-columns.ts";
export type { TemplateCriterion, TemplateUnit } from "./input/template-columns.ts";
export { templateCSV } from "./report/template-csv.ts";
export type { TemplateCsvOptions } from "./report/template-csv.ts";
