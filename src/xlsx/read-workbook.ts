/**
 * Reads the cells of one sheet of an .xlsx workbook (Office Open XML, ECMA-376) from its bytes:
 * typed values as Excel stores them (numbers as numbers, so no locale is guessed; a percent cell
 * is its value, 0.85 for 85%), formula cells by the value Excel saved with them, merged ranges.
 * No I/O: bytes in, cells out. The zip is read with fflate; the XML with the small reader beside.
 *
 * @module
 */
import { unzipSync, type Unzipped } from "fflate";
import { checkArgument, error, type Issue, showList, showValue } from "../errors.ts";
import { cellRef, parseCellRef } from "./cell-ref.ts";
import { attributes, child, childrenNamed, parseXml, textOf, type XmlElement } from "./xml.ts";
import { scanSheet, SheetXmlError } from "./scan-sheet.ts";
import { centralCrcs, crc32 } from "./zip-crc.ts";

export type { MergedRange, SheetCells, SheetValue, UncachedFormula } from "./scan-sheet.ts";
import type { SheetCells } from "./scan-sheet.ts";

/** A sheet of the workbook, as listed in it. */
export interface SheetEntry {
  readonly name: string;
  /** False for a sheet hidden in Excel. */
  readonly visible: boolean;
  /** The part holding the sheet, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
}

/** Largest uncompressed part read, and largest total: a small zip must not unpack into gigabytes. */
const MAX_PART_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

const decoder = new TextDecoder("utf-8");

/** A problem that stops reading the workbook. */
export class WorkbookError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
    this.name = "WorkbookError";
  }
}

function fail(message: string, code: "DATA_PARSE" | "DATA_TOO_LARGE" | "OPTION_INVALID" = "DATA_PARSE", row?: number): never {
  throw new WorkbookError(error(code, message, row === undefined ? {} : { row }));
}

/** Unzips the parts `wanted` picks, refusing parts (and totals) past the size limits. */
function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const xls = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    fail(xls ? "this is an old Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) or as CSV UTF-8" : "this is not an .xlsx workbook (no zip signature): save it from Excel as .xlsx, or as CSV UTF-8");
  }
  let total = 0;
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          fail(`the workbook part ${showValue(file.name)} unpacks to ${file.originalSize} bytes, more than the ${MAX_PART_BYTES} bytes read from one part (${MAX_TOTAL_BYTES} in all)`, "DATA_TOO_LARGE");
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    return fail(`the workbook cannot be unzipped (${(e as Error).message}): is the file complete?`);
  }
  // fflate does not check CRC-32s: a damaged part, stored or deflated, would be read as other values.
  const crcs = centralCrcs(bytes);
  for (const [name, data] of Object.entries(parts)) {
    const expected = crcs?.get(name);
    if (expected === undefined || crc32(data) !== expected) {
      fail(`the workbook cannot be unzipped (the part ${showValue(name)} is damaged: its CRC-32 check fails): is the file complete? Copy or download it again`);
    }
  }
  return parts;
}

function xmlPart(parts: Unzipped, name: string): XmlElement | undefined {
  const data = parts[name];
  if (data === undefined) return undefined;
  try {
    return parseXml(decoder.decode(data));
  } catch (e) {
    return fail(`the workbook part ${showValue(name)} is not well-formed XML (${(e as Error).message})`);
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationships. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter((p) => p !== "");
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * The sheets of a workbook, in tab order.
 *
 * @example
 * ```ts
 * import { toXLSX } from "dti/xlsx";
 * listSheets(toXLSX(result)).map((s) => s.name); // => ["Xếp hạng", "Chỉ số thành phần", "Thông tin"]
 * ```
 */
export function listSheets(bytes: Uint8Array): SheetEntry[] {
  checkArgument(bytes instanceof Uint8Array, "listSheets", "the workbook's bytes, a Uint8Array (e.g. readFileSync(path))", bytes);
  return workbookSheets(unzipParts(bytes, (n) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels"));
}

function workbookSheets(parts: Unzipped): SheetEntry[] {
  const workbook = xmlPart(parts, "xl/workbook.xml");
  if (workbook === undefined) fail("the workbook has no xl/workbook.xml: is it an Excel workbook (.xlsx)?");
  const rels = xmlPart(parts, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const rel of rels === undefined ? [] : childrenNamed(rels, "Relationship")) {
    if (rel.attrs["Id"] !== undefined && rel.attrs["Target"] !== undefined) targets.set(rel.attrs["Id"], resolveTarget("xl", rel.attrs["Target"]));
  }
  const sheets = child(workbook, "sheets");
  const out: SheetEntry[] = [];
  for (const sheet of sheets === undefined ? [] : childrenNamed(sheets, "sheet")) {
    const id = Object.entries(sheet.attrs).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (part === undefined) continue;
    out.push({ name: sheet.attrs["name"] ?? `Sheet${out.length + 1}`, visible: (sheet.attrs["state"] ?? "visible") === "visible", part });
  }
  if (out.length === 0) fail("the workbook lists no worksheet");
  return out;
}

/** Which sheet `sheet` names: a name (case and spacing ignored) or a 1-based tab number; default the first visible sheet. */
function pickSheet(sheets: readonly SheetEntry[], sheet: string | number | undefined): SheetEntry {
  if (sheet === undefined) return sheets.find((s) => s.visible) ?? (sheets[0] as SheetEntry);
  const names = sheets.map((s) => s.name);
  if (typeof sheet === "number" || /^\d+$/u.test(sheet.trim())) {
    const k = Number(sheet);
    const byName = typeof sheet === "string" ? sheets.find((s) => s.name.trim() === sheet.trim()) : undefined;
    if (byName !== undefined) return byName;
    const found = sheets[k - 1];
    if (found === undefined || k < 1) fail(`the workbook has ${sheets.length} sheet${sheets.length === 1 ? "" : "s"} (${showList(names)}), no sheet ${k}`, "OPTION_INVALID");
    return found;
  }
  const key = (s: string) => s.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("vi");
  const found = sheets.find((s) => key(s.name) === key(sheet));
  if (found === undefined) fail(`the workbook has no sheet ${showValue(sheet)} (sheets: ${showList(names)})`, "OPTION_INVALID");
  return found;
}

/** The text of a shared string or inline string: plain `<t>`, or the runs' `<t>` (phonetic guides left out). */
function stringItem(si: XmlElement): string {
  let out = "";
  for (const c of si.children) {
    if (typeof c === "string") continue;
    if (c.name === "t") out += textOf(c);
    else if (c.name === "r") for (const t of childrenNamed(c, "t")) out += textOf(t);
  }
  return out;
}

/**
 * Reads one sheet's cells: `sheet` is a name or a 1-based tab number (default the first visible
 * sheet). Throws a {@link WorkbookError} for a file that is not an .xlsx workbook or a sheet that
 * does not exist.
 *
 * @example
 * ```ts
 * import { writeWorkbook } from "dti/xlsx";
 * const bytes = writeWorkbook([{ name: "Dữ liệu", rows: [[{ value: "Đơn vị" }, { value: "Nhận thức số" }], [{ value: "Huế" }, { value: 0.85 }]] }]);
 * const cells = readSheetCells(bytes, "Dữ liệu");
 * cells.rows.get(2); // => ["Huế", 0.85]  (by Excel row number; a cell showing 85% reads 0.85 too)
 * ```
 */
export function readSheetCells(bytes: Uint8Array, sheet?: string | number): SheetCells {
  const base = unzipParts(bytes, (n) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels");
  const entry = pickSheet(workbookSheets(base), sheet);
  const parts = unzipParts(bytes, (n) => n === entry.part || n === "xl/sharedStrings.xml");
  const shared = xmlPart(parts, "xl/sharedStrings.xml");
  const strings = shared === undefined ? [] : childrenNamed(shared, "si").map(stringItem);
  const data = parts[entry.part];
  if (data === undefined) fail(`the sheet ${showValue(entry.name)} is listed but its part ${showValue(entry.part)} is missing`);
  try {
    return { name: entry.name, ...scanSheet(decoder.decode(data), strings, entry.name) };
  } catch (e) {
    if (e instanceof SheetXmlError) return fail(e.message, "DATA_PARSE", e.row);
    throw e;
  }
}
