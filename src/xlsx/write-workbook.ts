/**
 * Writes an .xlsx workbook (Office Open XML) from sheets of typed cells: numbers as numbers with a
 * number format, text as inline strings (so nothing from the data can become a formula), bold
 * header rows, frozen panes, column widths, merged cells and data validation (drop-down lists,
 * number ranges). Bytes out, no I/O; zipped with fflate.
 *
 * @module
 */
import { zipSync, strToU8 } from "fflate";
import { escapeXml } from "../report/escape.ts";
import { cellRef, columnLetter } from "./cell-ref.ts";

/** How a cell looks: each name is one fixed cell format of the workbook's style sheet. */
export type CellStyle = "plain" | "header" | "decimal4" | "integer" | "wrap" | "points" | "title";

const STYLE_INDEX: Readonly<Record<CellStyle, number>> = { plain: 0, header: 1, decimal4: 2, integer: 3, wrap: 4, points: 5, title: 6 };

/** A cell to write: a value (null or undefined for blank) and how it looks. */
export interface WriteCell {
  readonly value: string | number | boolean | null | undefined;
  readonly style?: CellStyle;
}

/** Data validation on a range: a drop-down list, or a number range. */
export interface Validation {
  /** The cells, e.g. `C3:C500`. */
  readonly range: string;
  readonly type: "list" | "decimal" | "whole";
  /** A list's choices (written into the rule when they fit, else give `source`). */
  readonly choices?: readonly string[];
  /** A list's choices as a range of another sheet, e.g. `'Danh mục'!$A$1:$A$4`. */
  readonly source?: string;
  readonly min?: number;
  readonly max?: number;
  /** Shown when the cell is selected. */
  readonly prompt?: string;
  /** Shown when a wrong value is typed. */
  readonly error?: string;
}

/** One sheet of a workbook to write. */
export interface WriteSheet {
  /** The tab name (at most 31 characters, none of `[]:*?/\`; see {@link sheetName}). */
  readonly name: string;
  /** Rows from Excel row 1; a row's cells from column A. */
  readonly rows: readonly (readonly (WriteCell | undefined)[])[];
  /** Column widths in characters, from column A. */
  readonly widths?: readonly number[];
  /** Rows and columns kept in view when scrolling (e.g. the header row and the unit column). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly validations?: readonly Validation[];
  /** Merged ranges, e.g. `A1:F1`. */
  readonly merges?: readonly string[];
  /** A sheet Excel does not show (lists behind drop-downs). */
  readonly hidden?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A valid, unique tab name: characters Excel refuses replaced, cut to 31 characters, a number added
 * when `taken` (compared without case) already has it.
 *
 * @example
 * ```ts
 * sheetName("Nhóm 1/2", new Set()); // => "Nhóm 1-2"
 * ```
 */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.normalize("NFC").replace(/[[\]:*?/\\]/gu, "-").replace(/^'+|'+$/gu, "").trim() || "Sheet";
  const cut = (n: number) => [...base].slice(0, n).join("").trimEnd();
  let candidate = cut(31);
  for (let k = 2; taken.has(candidate.toLocaleLowerCase("vi")); k++) {
    const suffix = ` (${k})`;
    candidate = cut(31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLocaleLowerCase("vi"));
  return candidate;
}

function cellXml(cell: WriteCell, ref: string): string {
  const s = STYLE_INDEX[cell.style ?? "plain"];
  const style = s === 0 ? "" : ` s="${s}"`;
  const v = cell.value;
  if (v === null || v === undefined || v === "") return s === 0 ? "" : `<c r="${ref}"${style}/>`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`cell ${ref}: ${v} cannot be written to a workbook`);
    return `<c r="${ref}"${style}><v>${v === 0 ? 0 : v}</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Excel holds at most 32,767 characters in a cell.
  const text = v.length > 32767 ? v.slice(0, 32767) : v;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Attribute text for Excel's limits: prompts at most 255 characters, titles 32. */
const attr = (text: string, max: number) => escapeXml([...text].slice(0, max).join(""));

function validationXml(v: Validation): string {
  const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1"${v.prompt === undefined ? "" : ` prompt="${attr(v.prompt, 255)}"`}${v.error === undefined ? "" : ` error="${attr(v.error, 225)}"`} sqref="${escapeXml(v.range)}"`;
  if (v.type === "list") {
    const formula = v.source ?? `"${(v.choices ?? []).join(",").replace(/"/gu, '""')}"`;
    return `<dataValidation type="list" ${common}><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
  }
  const { min, max } = v;
  if (min !== undefined && max !== undefined) {
    return `<dataValidation type="${v.type}" operator="between" ${common}><formula1>${min}</formula1><formula2>${max}</formula2></dataValidation>`;
  }
  const op = min !== undefined ? "greaterThanOrEqual" : "lessThanOrEqual";
  return `<dataValidation type="${v.type}" operator="${op}" ${common}><formula1>${min ?? max ?? 0}</formula1></dataValidation>`;
}

/** Whether `choices` can be written into a list rule: Excel's limit is 255 characters, commas separate. */
export function listFitsInline(choices: readonly string[]): boolean {
  return choices.every((c) => !c.includes(",") && !c.includes('"')) && choices.join(",").length <= 255;
}

function sheetXml(sheet: WriteSheet): string {
  const parts: string[] = [`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`];
  const freeze = sheet.freeze;
  if (freeze !== undefined && (freeze.rows > 0 || freeze.columns > 0)) {
    const pane = freeze.rows > 0 && freeze.columns > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
    const split = `${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""}`;
    parts.push(`<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${cellRef(freeze.columns, freeze.rows + 1)}" activePane="${pane}" state="frozen"/></sheetView></sheetViews>`);
  }
  if (sheet.widths !== undefined && sheet.widths.length > 0) {
    parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`).join("")}</cols>`);
  }
  parts.push("<sheetData>");
  sheet.rows.forEach((row, r) => {
    const cells = row.map((cell, c) => (cell === undefined ? "" : cellXml(cell, cellRef(c, r + 1)))).join("");
    if (cells !== "") parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push("</sheetData>");
  if (sheet.merges !== undefined && sheet.merges.length > 0) {
    parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join("")}</mergeCells>`);
  }
  if (sheet.validations !== undefined && sheet.validations.length > 0) {
    parts.push(`<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join("")}</dataValidations>`);
  }
  parts.push("</worksheet>");
  return parts.join("");
}

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0000"/><numFmt numFmtId="165" formatCode="0.00##"/></numFmts>\
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="7">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

// A fixed time stamp for every part: the same sheets always give the same bytes.
const MTIME = new Date(Date.UTC(2000, 0, 1));

/**
 * Writes sheets into the bytes of an .xlsx workbook. The first visible sheet is the one Excel
 * opens on.
 *
 * @example
 * ```ts
 * const bytes = writeWorkbook([{ name: "Xếp hạng", rows: [[{ value: "Đơn vị", style: "header" }], [{ value: "Huế" }]] }]);
 * ```
 */
export function writeWorkbook(sheets: readonly WriteSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError("a workbook needs at least one sheet");
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => (files[name] = strToU8(xml));
  const active = Math.max(0, sheets.findIndex((s) => s.hidden !== true));
  put(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  put("_rels/.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden === true ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  put("xl/styles.xml", STYLES);
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  return zipSync(files, { level: 6, mtime: MTIME });
}

/** The range of column `col` (0-based) from row `from` to row `to`: `rangeOf(2, 3, 500)` is "C3:C500". */
export function rangeOf(col: number, from: number, to: number): string {
  return `${columnLetter(col)}${from}:${columnLetter(col)}${to}`;
}
