/**
 * The raw table every input format is read into before validation: column headers as written,
 * and rows of cells with the line (CSV, header = line 1) or record number (JSON, 1-based) they
 * came from, so every problem can name its row and column.
 *
 * @module
 */
import { error, showValue, type Issue } from "../errors.ts";

/** A cell as read: text from CSV, or a JSON scalar. `null`/`undefined` mean blank. */
export type RawCell = string | number | boolean | null | undefined;

/** One row of a {@link RawTable}. */
export interface RawRow {
  /** CSV line number (header is line 1) or JSON record number (1-based). */
  readonly line: number;
  /** Cells in column order; shorter rows are padded with `undefined`. */
  readonly cells: readonly RawCell[];
}

/** A table of raw cells with their provenance. */
export interface RawTable {
  /** Headers as written (NFC-normalised and trimmed). */
  readonly columns: readonly string[];
  readonly rows: readonly RawRow[];
  /** Where the table came from, for messages ("csv", "json"). */
  readonly format: "csv" | "json";
  /** Problems met while reading (e.g. a non-object JSON record). */
  readonly issues: readonly Issue[];
}

/**
 * Reads an array of JSON records (objects) into a {@link RawTable}. Columns are the union of the
 * records' keys in first-seen order; keys are read with `Object.keys`, so `__proto__` or
 * `constructor` are plain column names. A record that is not an object is reported, not dropped.
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
  const index = new Map<string, number>();
  const columns: string[] = [];
  const issues: Issue[] = [];
  const objects: { line: number; record: Record<string, unknown> }[] = [];
  records.forEach((record, i) => {
    const line = i + 1;
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      issues.push(error("DATA_NOT_A_ROW", `record ${line} is ${showValue(record)}, not an object`, { row: line }));
      return;
    }
    const obj = record as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const name = key.normalize("NFC").trim();
      if (!index.has(name)) {
        index.set(name, columns.length);
        columns.push(name);
      }
    }
    objects.push({ line, record: obj });
  });
  const rows: RawRow[] = objects.map(({ line, record }) => {
    const cells: RawCell[] = new Array<RawCell>(columns.length).fill(undefined);
    for (const key of Object.keys(record)) {
      const value = record[key];
      const col = index.get(key.normalize("NFC").trim()) as number;
      if (value === null || value === undefined || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        cells[col] = value;
      } else {
        issues.push(error("DATA_NOT_A_ROW", `record ${line}, key ${showValue(key)}: a cell must be a string, number, boolean or null`, { row: line, column: key }));
      }
    }
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
