/**
 * Assessment data in wide shape — one row per unit, columns `<indicator>.<stage>` such as
 * `awareness.self`, `Nhận thức số.thẩm định` or `NTS (minh chứng)` — turned into the long shape
 * `assessment()` reads.
 *
 * @module
 */
import { ROLE_ALIASES } from "../input/resolve-columns.ts";
import type { RawCell, RawRow, RawTable } from "../input/table.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** The fields of a wide column, by the names they may take (after normalisation). */
const FIELDS = {
  self: ["self", "self-assessed", "tự đánh giá", "tự chấm"],
  appraised: ["appraised", "thẩm định"],
  final: ["final", "official", "chính thức"],
  evidence: ["evidence", "minh chứng"],
  note: ["note", "ghi chú", "giải trình"],
} as const;

type Field = keyof typeof FIELDS;

/** Splits "awareness.self" or "Nhận thức số (thẩm định)" into indicator and field. */
function splitHeader(header: string): { indicator: string; field: Field } | undefined {
  const h = header.normalize("NFC").trim();
  const m = /^(.+?)\s*(?:\.|\(|\s-\s|:)\s*([^.()]+?)\)?$/u.exec(h);
  if (m === null) return undefined;
  const field = (Object.keys(FIELDS) as Field[]).find((f) => (FIELDS[f] as readonly string[]).includes(normalizeKey(m[2] as string)));
  return field === undefined ? undefined : { indicator: (m[1] as string).trim(), field };
}

/**
 * The long table (`unit, indicator, self, appraised, final, evidence, note`) of a wide table, or
 * `undefined` when the table has no unit column or no `<indicator>.<stage>` column.
 *
 * @example
 * ```ts
 * wideAssessment(tableFromRecords([{ unit: "Huế", "awareness.self": 95, "awareness.final": 90 }]))?.rows[0].cells;
 * // => ["Huế", "awareness", 95, undefined, 90, undefined, undefined]
 * ```
 */
export function wideAssessment(table: RawTable): RawTable | undefined {
  const headers = table.columns.map(normalizeKey);
  const unitCol = headers.findIndex((h) => (ROLE_ALIASES.unit as readonly string[]).includes(h));
  if (unitCol < 0) return undefined;
  const groups = new Map<string, { indicator: string } & Partial<Record<Field, number>>>();
  table.columns.forEach((header, col) => {
    const parts = splitHeader(header);
    if (parts === undefined) return;
    const key = normalizeKey(parts.indicator);
    const g = groups.get(key) ?? { indicator: parts.indicator };
    g[parts.field] = col;
    groups.set(key, g);
  });
  if (groups.size === 0) return undefined;
  const fields: Field[] = ["self", "appraised", "final", "evidence", "note"];
  const rows: RawRow[] = table.rows.flatMap((row) =>
    [...groups.values()].map((g) => ({
      line: row.line,
      cells: [row.cells[unitCol], g.indicator, ...fields.map((f): RawCell => (g[f] === undefined ? undefined : row.cells[g[f] as number]))],
    })),
  );
  return { columns: ["unit", "indicator", ...fields], rows, format: table.format, issues: table.issues };
}
