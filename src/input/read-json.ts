/**
 * JSON text of unit data → a {@link RawTable}, saying what `JSON.parse` alone would hide: where a
 * syntax error is, keys a record writes twice (the last value would win silently: a second
 * `"unit"` renames the unit), and keys beside `"units"` that are not read.
 *
 * @module
 */
import { DtiError, error, isObject, warning, type Issue } from "../errors.ts";
import { scanJson, whereJsonFails } from "../text/scan-json.ts";
import { tableFromRecords, type RawTable } from "./table.ts";

/** The keys of a top-level object that may hold the records, in the order they are looked for. */
const RECORD_KEYS = ["units", "data"] as const;

/**
 * Reads JSON text holding an array of records, or an object with a `"units"` (or `"data"`) array
 * of records. `name` (a file name) starts the messages. Throws a {@link DtiError} when the text is
 * not JSON (with the line and column) or holds no records; otherwise problems are in the table's
 * issues: a key written twice in a record is DATA_DUPLICATE_COLUMN (an error), a top-level key
 * written twice is DATA_PARSE, and keys beside the records are a DATA_UNKNOWN_COLUMN warning.
 *
 * @example
 * ```ts
 * readJsonRecords('[{"unit": "Huế", "unit": "Hà Nội"}]', "data.json").issues[0]?.message;
 * // => 'data.json: record 1 has the key "unit" twice (line 1, column 18); JSON keeps only the last value: keep one of them'
 * ```
 */
export function readJsonRecords(text: string, name: string): RawTable {
  const body = text.replace(/^\uFEFF/u, "");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    if (e instanceof RangeError) throw new DtiError([error("DATA_PARSE", `${name} is nested too deeply to read (${e.message})`)]);
    throw new DtiError([error("DATA_PARSE", `${name} is not valid JSON${whereJsonFails(body, e)}`)]);
  }
  const top = isObject(data) ? data : undefined;
  const recordsKey = top === undefined ? undefined : RECORD_KEYS.find((k) => Array.isArray(top[k]));
  const records = Array.isArray(data) ? data : recordsKey === undefined ? undefined : (top?.[recordsKey] as unknown[]);
  if (records === undefined) {
    throw new DtiError([error("DATA_NOT_A_ROW", `${name} must hold an array of records, or an object with a "units" array`)]);
  }
  const issues: Issue[] = [];
  for (const d of scanJson(body).duplicates) {
    const where = `line ${d.line}, column ${d.column}`;
    const inRecord = recordsKey === undefined ? d.path.length === 1 : d.path.length === 2 && d.path[0] === recordsKey;
    const index = d.path[d.path.length - 1];
    if (inRecord && typeof index === "number") {
      const row = index + 1;
      issues.push(
        error("DATA_DUPLICATE_COLUMN", `${name}: record ${row} has the key ${JSON.stringify(d.key)} twice (${where}); JSON keeps only the last value: keep one of them`, {
          row,
          column: d.key,
        }),
      );
    } else if (d.path.length === 0) {
      issues.push(error("DATA_PARSE", `${name}: the key ${JSON.stringify(d.key)} is written twice at the top level (${where}); JSON keeps only the last one: keep one of them`));
    }
    // Repeats deeper down are inside a cell (already not a row) or beside the records (not read).
  }
  if (top !== undefined) {
    const unread = Object.keys(top).filter((k) => k !== recordsKey);
    if (unread.length > 0) {
      issues.push(
        warning(
          "DATA_UNKNOWN_COLUMN",
          `${name}: ${unread.length === 1 ? "the key" : "the keys"} ${unread.map((k) => JSON.stringify(k)).join(", ")} beside "${recordsKey}" ${unread.length === 1 ? "is" : "are"} not read: only the records in "${recordsKey}" are (put a value every unit shares, such as the year, in each record)`,
        ),
      );
    }
  }
  const table = tableFromRecords(records);
  return issues.length === 0 ? table : { ...table, issues: [...issues, ...table.issues] };
}
