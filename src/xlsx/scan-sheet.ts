/**
 * A worksheet's XML read into its cells, merged ranges and formulas saved without a value, tag by
 * tag (no tree is built: a sheet can hold a million cells).
 *
 * @module
 */
import { error, showValue, type Issue } from "../errors.ts";
import { cellRef, parseCellRef } from "./cell-ref.ts";
import { attributes, scanXml } from "./xml.ts";

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
}

/** A `<mergeCell ref="A1:C2">` range; undefined when the reference cannot be read. */
function mergedRange(ref: string): MergedRange | undefined {
  const [a, b] = ref.split(":");
  const from = a === undefined ? undefined : parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  if (from === undefined || to === undefined) return undefined;
  return { top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.col, to.col), right: Math.max(from.col, to.col) };
}

/** An opening tag of the worksheet: a row or a cell starts, a value, formula or inline text begins, a range is merged. */
function openTag(at: SheetCursor, name: string, attrText: string, merges: MergedRange[]): void {
  switch (name) {
    case "row": {
      const r = attributes(attrText)["r"];
      at.row = r !== undefined && /^\d+$/u.test(r) ? Number(r) : at.row + 1;
      at.cells = [];
      at.col = -1;
      break;
    }
    case "c": {
      const attrs = attributes(attrText);
      const ref = attrs["r"] === undefined ? undefined : parseCellRef(attrs["r"]);
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
      const range = mergedRange(attributes(attrText)["ref"] ?? "");
      if (range !== undefined) merges.push(range);
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
  const at: SheetCursor = { row: 0, cells: [], col: -1, type: "n", value: undefined, formula: undefined, inline: undefined, reading: undefined, phonetic: 0 };
  scanXml(xml, {
    open: (name, attrText) => openTag(at, name, attrText, merges),
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
          const v = cellValue(at.type, at.value, at.inline, strings, sheet, at.col, at.row, issues);
          if (v !== undefined) at.cells[at.col] = v;
          else if (at.formula !== undefined && (at.value ?? "").trim() === "" && at.inline === undefined) uncached.push({ row: at.row, col: at.col, formula: at.formula });
          break;
        }
        case "row":
          if (at.cells.length > 0) rows.set(at.row, at.cells);
          break;
      }
    },
  });
  return { rows, merges, uncached, issues };
}

/** A cell's value by its type (`t`): shared string, inline string, formula text, boolean, error, number. */
function cellValue(type: string, v: string | undefined, inline: string | undefined, strings: readonly string[], sheet: string, col: number, row: number, issues: Issue[]): SheetValue | undefined {
  if (type === "inlineStr") return inline;
  if (v === undefined) return undefined;
  switch (type) {
    case "s": {
      const s = strings[Number(v)];
      if (s === undefined) issues.push(error("DATA_PARSE", `sheet ${showValue(sheet)}, cell ${cellRef(col, row)}: shared string ${showValue(v)} does not exist`, { row }));
      return s;
    }
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "str":
    case "e":
    case "d":
      return v;
    default: {
      if (v.trim() === "") return undefined;
      const n = Number(v);
      // Stored numbers are written with a dot and no grouping: read as typed, never by locale.
      return Number.isFinite(n) ? (n === 0 ? 0 : n) : v;
    }
  }
}
