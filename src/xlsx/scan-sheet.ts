/**
 * A worksheet's XML read into its cells, merged ranges and formulas saved without a value, tag by
 * tag (no tree is built: a sheet can hold a million cells).
 *
 * @module
 */
import { error, showValue, type Issue } from "../errors.ts";
import { INVALID_XML_CHARACTER } from "../report/escape.ts";
import { cellRef, MAX_ROWS, parseCellRef } from "./cell-ref.ts";
import { attributes, scanXml, type XmlHandlers } from "./xml.ts";

/** A cell as stored: text, a number, a boolean; blank cells are absent. */
export type SheetValue = string | number | boolean;

/** A merged range, 0-based columns and 1-based rows, inclusive. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One sheet's cells. */
export interface SheetCells {
  /** The sheet's name as Excel shows it on its tab. */
  readonly name: string;
  /** Excel row number → the row's cells by 0-based column (holes are blank cells). */
  readonly rows: ReadonlyMap<number, readonly (SheetValue | undefined)[]>;
  readonly merges: readonly MergedRange[];
  /** Formula cells saved without their value (read as blank). */
  readonly uncached: readonly UncachedFormula[];
  /** Problems met (unreadable cells). */
  readonly issues: readonly Issue[];
}

/** A formula cell that has no value saved with it: Excel did not calculate before saving. */
export interface UncachedFormula {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** Where the worksheet reader is: the row and cell being read, and which of their text. */
interface SheetCursor {
  row: number;
  cells: (SheetValue | undefined)[];
  col: number;
  type: string;
  value: string | undefined;
  formula: string | undefined;
  inline: string | undefined;
  /** Which text is being read: a value, a formula, an inline string's text (not its phonetic guide). */
  reading: "v" | "f" | "t" | undefined;
  phonetic: number;
  /** The row or cell being read is not read (its reference was reported). */
  skipRow: boolean;
  skipCell: boolean;
}

/**
 * The issue of one cell: the message after "sheet …, cell B2" (`rest` begins with its own ": " or
 * " "), located by its row and its cell. Built only when there is something to say: a sheet can
 * hold a million cells.
 */
function cellIssue(code: "DATA_PARSE" | "DATA_ENCODING", sheet: string, col: number, row: number, rest: string): Issue {
  const cell = cellRef(col, row);
  return error(code, `sheet ${showValue(sheet)}, cell ${cell}${rest}`, { row, cell });
}

/** A worksheet that is not well-formed XML, at the row being read when the reading stopped. */
export class SheetXmlError extends Error {
  constructor(
    message: string,
    readonly row: number | undefined,
  ) {
    super(message);
    this.name = "SheetXmlError";
  }
}

const LIMITS = `columns go from A to XFD, rows from 1 to ${MAX_ROWS.toLocaleString("en")}`;

/** A `<mergeCell ref="A1:C2">` range; undefined when the reference cannot be read. */
function mergedRange(ref: string): MergedRange | undefined {
  const [a, b] = ref.split(":");
  const from = a === undefined ? undefined : parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  if (from === undefined || to === undefined) return undefined;
  return { top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.col, to.col), right: Math.max(from.col, to.col) };
}

/**
 * An opening tag of the worksheet: a row or a cell starts, a value, formula or inline text begins,
 * a range is merged. A row or cell reference that names no cell of a sheet, or a cell inside
 * another row than its reference says, is reported and not read: where its value belongs is
 * unknown. A row written twice is read as one, so a cell written twice in it is found.
 */
function openTag(at: SheetCursor, name: string, attrText: string, rows: Map<number, (SheetValue | undefined)[]>, merges: MergedRange[], report: (message: string, row?: number) => void): void {
  switch (name) {
    case "row": {
      const r = attributes(attrText)["r"];
      const row = r === undefined ? at.row + 1 : /^\d{1,7}$/u.test(r.trim()) ? Number(r) : 0;
      at.skipRow = row < 1 || row > MAX_ROWS;
      if (at.skipRow) {
        report(`the row number ${showValue(r)} (after row ${at.row}) is not a row of a sheet (${LIMITS}); the row is not read`);
        break;
      }
      at.row = row;
      at.cells = rows.get(row) ?? [];
      at.col = -1;
      break;
    }
    case "c": {
      const attrs = attributes(attrText);
      const r = attrs["r"];
      const ref = r === undefined ? undefined : parseCellRef(r);
      at.skipCell = at.skipRow || (r !== undefined && (ref === undefined || ref.row !== at.row));
      if (!at.skipRow && ref === undefined && r !== undefined) report(`the cell reference ${showValue(r)} in row ${at.row} is not a cell of a sheet (${LIMITS}); the cell is not read`, at.row);
      else if (!at.skipRow && ref !== undefined && ref.row !== at.row) report(`the cell ${showValue(r)} is written inside row ${at.row}, so which row it belongs to is unknown; the cell is not read`, at.row);
      at.col = ref?.col ?? at.col + 1;
      at.type = attrs["t"] ?? "n";
      at.value = at.formula = at.inline = undefined;
      break;
    }
    case "v":
      at.value = "";
      at.reading = "v";
      break;
    case "f":
      at.formula = "";
      at.reading = "f";
      break;
    case "is":
      at.inline = "";
      break;
    case "rPh":
      at.phonetic++;
      break;
    case "t":
      if (at.inline !== undefined && at.phonetic === 0) at.reading = "t";
      break;
    case "mergeCell": {
      const ref = attributes(attrText)["ref"] ?? "";
      const range = mergedRange(ref);
      if (range !== undefined) merges.push(range);
      else report(`the merged range ${showValue(ref)} is not a range of cells (${LIMITS}); it is not read, so its value is not filled into the cells it covers`);
      break;
    }
  }
}

/**
 * The cells, merged ranges and uncalculated formulas of a worksheet's XML, read tag by tag (see
 * `scanXml`): `<row r>` holds `<c r t>` cells, each with a value `<v>`, a formula `<f>` or an
 * inline string `<is>`; `<mergeCell ref>` names a merged range.
 */
export function scanSheet(xml: string, strings: readonly string[], sheet: string): Omit<SheetCells, "name"> {
  const issues: Issue[] = [];
  const uncached: UncachedFormula[] = [];
  const rows = new Map<number, (SheetValue | undefined)[]>();
  const merges: MergedRange[] = [];
  const at: SheetCursor = { row: 0, cells: [], col: -1, type: "n", value: undefined, formula: undefined, inline: undefined, reading: undefined, phonetic: 0, skipRow: false, skipCell: false };
  const report = (message: string, row?: number) => issues.push(error("DATA_PARSE", `sheet ${showValue(sheet)}: ${message}`, row === undefined ? {} : { row }));
  const handlers: XmlHandlers = {
    open: (name, attrText) => openTag(at, name, attrText, rows, merges, report),
    text(text) {
      if (at.reading === "v") at.value += text;
      else if (at.reading === "f") at.formula += text;
      else if (at.reading === "t") at.inline += text;
    },
    close(name) {
      switch (name) {
        case "v":
        case "f":
        case "t":
          at.reading = undefined;
          break;
        case "rPh":
          at.phonetic--;
          break;
        case "c": {
          if (at.skipCell) break;
          const v = cellValue(at.type, at.value, at.inline, strings, sheet, at.col, at.row, issues);
          if (v !== undefined && at.cells[at.col] !== undefined) {
            issues.push(cellIssue("DATA_PARSE", sheet, at.col, at.row, ` is written twice (${showValue(at.cells[at.col])}, then ${showValue(v)}), so which value is meant is unknown; keep one of them (the first is read)`));
          } else if (typeof v === "string" && INVALID_XML_CHARACTER.test(v)) {
            // A NUL or other control character XML does not allow (written as &#0; or as a byte):
            // it would end up in a unit or column name. Reported as CSV reports a NUL.
            issues.push(cellIssue("DATA_ENCODING", sheet, at.col, at.row, `: the text ${showValue(v)} holds a NUL or another control character a workbook cannot hold; retype the cell (the cell is not read)`));
          } else if (v !== undefined) at.cells[at.col] = v;
          else if (at.formula !== undefined && (at.value ?? "").trim() === "" && at.inline === undefined) uncached.push({ row: at.row, col: at.col, formula: at.formula });
          break;
        }
        case "row":
          if (!at.skipRow && at.cells.length > 0) rows.set(at.row, at.cells);
          at.skipRow = false;
          break;
      }
    },
  };
  try {
    scanXml(xml, handlers);
  } catch (e) {
    // Where the reading stopped: the cell being read (an entity XML does not define, a tag not closed …).
    const where = at.row === 0 ? "" : ` at ${at.col >= 0 ? `cell ${cellRef(at.col, at.row)}` : `row ${at.row}`}`;
    throw new SheetXmlError(`the sheet ${showValue(sheet)} is not well-formed XML${where} (${(e as Error).message})`, at.row === 0 ? undefined : at.row);
  }
  return { rows, merges, uncached, issues };
}

/** A cell's value by its type (`t`): shared string, inline string, formula text, boolean, error, number. */
function cellValue(type: string, v: string | undefined, inline: string | undefined, strings: readonly string[], sheet: string, col: number, row: number, issues: Issue[]): SheetValue | undefined {
  if (type === "inlineStr") return inline;
  if (v === undefined) return undefined;
  switch (type) {
    case "s": {
      const s = strings[Number(v)];
      if (s === undefined) issues.push(cellIssue("DATA_PARSE", sheet, col, row, `: shared string ${showValue(v)} does not exist`));
      return s;
    }
    case "b": {
      const b = v.trim().toLowerCase();
      if (b === "1" || b === "true") return true;
      if (b === "0" || b === "false") return false;
      issues.push(cellIssue("DATA_PARSE", sheet, col, row, `: ${showValue(v)} is not a stored TRUE or FALSE (1 or 0); the cell is not read`));
      return undefined;
    }
    case "str":
    case "e":
    case "d":
      return v;
    case "n":
    case "": {
      if (v.trim() === "") return undefined;
      const n = Number(v);
      // Stored numbers are written with a dot and no grouping: read as typed, never by locale.
      return Number.isFinite(n) ? (n === 0 ? 0 : n) : v;
    }
    default:
      // Not a type Excel writes: reading it as a number (or as text) would be a guess.
      issues.push(cellIssue("DATA_PARSE", sheet, col, row, `: the cell type t=${showValue(type)} is not one of Excel's (n, s, str, inlineStr, b, e, d), so the value ${showValue(v)} is not read; save the workbook from Excel or LibreOffice again`));
      return undefined;
  }
}
