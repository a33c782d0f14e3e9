/**
 * The raw table every input format is read into before validation: column headers as written,
 * and rows of cells with the line (CSV, header = line 1) or record number (JSON, 1-based) they
 * came from, so every problem can name its row and column.
 *
 * @module
 */
import { checkArgument, error, type Issue, showValue } from "../errors.ts";
import { cleanHeader, MAX_NAME_LENGTH } from "../text/clean-name.ts";

/** A cell as read: text from CSV, or a JSON scalar. `null`/`undefined` mean blank. */
export type RawCell = string | number | boolean | null | undefined;

/** One row of a {@link RawTable}. */
export interface RawRow {
  /** CSV line number (header is line 1), JSON record number (1-based) or Excel row number. */
  readonly line: number;
  /** Cells in column order; shorter rows are padded with `undefined`. */
  readonly cells: readonly RawCell[];
}

/** A table of raw cells with their provenance. */
export interface RawTable {
  /** Headers as written (NFC-normalised, trimmed, invisible characters removed). */
  readonly columns: readonly string[];
  readonly rows: readonly RawRow[];
  /** The line (sheet row) the headers were read from, when not line 1: title rows were above them. */
  readonly headerLine?: number;
  /** The line of the group titles above the header, when the header was read from two rows (see `placeHeader`). */
  readonly groupLine?: number;
  /** Where the table came from, for messages ("csv", "json", "xlsx"). */
  readonly format: "csv" | "json" | "xlsx";
  /** Problems met while reading (e.g. a non-object JSON record). */
  readonly issues: readonly Issue[];
}

/**
 * Reads an array of JSON records (objects) into a {@link RawTable}. Columns are the union of the
 * records' keys in first-seen order (NFC, trimmed, invisible characters removed); keys are read
 * with `Object.keys`, so `__proto__` or `constructor` are plain column names. Two keys of one record
 * naming one column are a DATA_DUPLICATE_COLUMN error (the first is read); a JSON -0 is read as 0. A record that is not an object is reported, not dropped.
 * Nested objects and arrays are reported as DATA_NOT_A_ROW for that cell's record. Text holding
 * U+FFFD (decoded from bytes that were not UTF-8) is a DATA_ENCODING error, as in `parseCsv`.
 *
 * @example
 * ```ts
 * const t = tableFromRecords([{ unit: "Hà Nội", awareness: 0.8 }, { unit: "Huế", awareness: "0,7" }]);
 * t.columns; // => ["unit", "awareness"]
 * t.rows[1].cells; // => ["Huế", "0,7"]
 * ```
 */
export function tableFromRecords(records: readonly unknown[]): RawTable {
  checkArgument(Array.isArray(records), "tableFromRecords", "an array of records, one object per unit (e.g. JSON.parse of a JSON array)", records);
  const index = new Map<string, number>();
  const columns: string[] = [];
  const issues: Issue[] = [];
  const objects: { line: number; record: Record<string, unknown>; keys: (string | undefined)[] }[] = [];
  records.forEach((record, i) => {
    const line = i + 1;
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      issues.push(error("DATA_NOT_A_ROW", `record ${line} is ${showValue(record)}, not an object`, { row: line }));
      return;
    }
    const obj = record as Record<string, unknown>;
    // Each key's column name, or undefined for a key left out (too long).
    const keys = Object.keys(obj).map((key) => {
      if (key.length > MAX_NAME_LENGTH) {
        // Left out before it becomes a key (see MAX_NAME_LENGTH).
        issues.push(error("DATA_TOO_LARGE", `record ${line} has a key of ${key.length} characters, more than the ${MAX_NAME_LENGTH} a column name may have: ${showValue(key)}`, { row: line, column: key }));
        return undefined;
      }
      const name = cleanHeader(key);
      if (!index.has(name)) {
        index.set(name, columns.length);
        columns.push(name);
      }
      return name;
    });
    objects.push({ line, record: obj, keys });
  });
  // The record (by position in `objects`) that last filled each column, and from which key: a
  // stamp instead of a set per record, as records can number millions.
  const filledBy = new Int32Array(columns.length).fill(-1);
  const filledFrom: string[] = new Array<string>(columns.length);
  const rows: RawRow[] = objects.map(({ line, record, keys }, r) => {
    const cells: RawCell[] = new Array<RawCell>(columns.length).fill(undefined);
    Object.keys(record).forEach((key, k) => {
      const name = keys[k];
      if (name === undefined) return;
      const value = record[key];
      const col = index.get(name) as number;
      const first = filledBy[col] === r ? filledFrom[col] : undefined;
      if (first !== undefined) {
        // " unit " and "unit" (or two spellings in NFC and NFD) name one column: one value would be lost.
        issues.push(
          error("DATA_DUPLICATE_COLUMN", `record ${line} has both ${JSON.stringify(first)} and ${JSON.stringify(key)}, which name the same column ${JSON.stringify(name)}; keep one of them (the first is read)`, { row: line, column: name }),
        );
        return;
      }
      filledBy[col] = r;
      filledFrom[col] = key;
      if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") {
        cells[col] = value;
      } else if (typeof value === "number") {
        // JSON -0 is 0, as "-0" in a CSV cell is.
        cells[col] = value === 0 ? 0 : value;
      } else {
        issues.push(error("DATA_NOT_A_ROW", `record ${line}, key ${showValue(key)}: a cell must be a string, number, boolean or null`, { row: line, column: key }));
      }
    });
    return { line, cells };
  });
  const encoding = replacementCharacter(columns, rows);
  if (encoding !== undefined) issues.unshift(encoding);
  return { columns, rows, format: "json", issues };
}

/**
 * U+FFFD in a header or a text cell: the text was decoded from bytes that were not UTF-8 (e.g. a
 * Windows-1258 file read as UTF-8), so names are garbled. Reported once, at the first place.
 */
function replacementCharacter(columns: readonly string[], rows: readonly RawRow[]): Issue | undefined {
  const message = "holds U+FFFD replacement characters: the text was not UTF-8 when it was read (e.g. Windows-1258), so Vietnamese letters are lost";
  const header = columns.find((c) => c.includes("\uFFFD"));
  if (header !== undefined) return error("DATA_ENCODING", `column name ${showValue(header)} ${message}`, { row: 1, column: header });
  for (const row of rows) {
    const col = row.cells.findIndex((c) => typeof c === "string" && c.includes("\uFFFD"));
    if (col >= 0) return error("DATA_ENCODING", `the value ${showValue(row.cells[col])} ${message}`, { row: row.line, column: columns[col] as string });
  }
  return undefined;
}
