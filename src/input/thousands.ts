/**
 * Thousands separators read as decimal points. "1.050" is read as 1.05 (a lone separator before
 * three digits is taken as a decimal point, since 0-1 scores are the common case), but in a column
 * of counts written by a spreadsheet with grouping on it means 1050: "870;1.050" then gave "ratio
 * 870/1.05 is above 1" with no word of how 1.050 was read, and "1.150;1.320" scored silently as
 * 1.15/1.32. This scan finds such columns and asks, naming the column and a cell; the reading
 * itself is not changed (the cell stays 1.05 until the user writes what they mean).
 *
 * @module
 */
import { error, warning, type Issue } from "../errors.ts";
import { inputKeys } from "../framework/input-keys.ts";
import { ruleMax } from "../framework/rule-max.ts";
import type { Framework, FrameworkNode, IndicatorNode } from "../framework/types.ts";
import { parseNumber } from "../number/parse-number.ts";
import type { CellRef, UnitInput } from "./unit-input.ts";
import { formatNumber, plainStyle } from "../report/format-number.ts";

type Separator = "." | ",";

/** What a cell's text looks like, for this scan. */
type Shape =
  | { readonly kind: "whole" | "other" }
  /** "1.050": one separator before exactly three digits, 1-3 digits before it (not "0"). */
  | { readonly kind: "ambiguous"; readonly sep: Separator; readonly thousands: string }
  /** "1.234.567", "1.234,5": the separator certainly groups thousands. */
  | { readonly kind: "grouped"; readonly sep: Separator }
  /** "0.850", "12.5": the separator certainly is a decimal point. */
  | { readonly kind: "decimal"; readonly sep: Separator };

/**
 * The shape of a cell's text.
 *
 * @example
 * ```ts
 * cellShape("1.050"); // => { kind: "ambiguous", sep: ".", thousands: "1050" }
 * cellShape("0,850"); // => { kind: "decimal", sep: "," }
 * ```
 */
export function cellShape(text: string): Shape {
  const s = text.normalize("NFC").replace(/[\s\u00a0\u202f]+/gu, "").replace(/^[+\-\u2212]/u, "");
  if (/^\d+$/u.test(s)) return { kind: "whole" };
  const lone = /^([1-9]\d{0,2})([.,])(\d{3})$/u.exec(s);
  if (lone !== null) return { kind: "ambiguous", sep: lone[2] as Separator, thousands: `${lone[1]}${lone[3]}` };
  const groups = /^\d{1,3}([.,])\d{3}(?:\1\d{3})+$/u.exec(s);
  if (groups !== null) return { kind: "grouped", sep: groups[1] as Separator };
  if (/^\d{1,3}(\.\d{3})+,\d+$/u.test(s)) return { kind: "grouped", sep: "." };
  if (/^\d{1,3}(,\d{3})+\.\d+$/u.test(s)) return { kind: "grouped", sep: "," };
  const decimal = /^\d*([.,])\d+$/u.exec(s);
  if (decimal !== null) return { kind: "decimal", sep: decimal[1] as Separator };
  return { kind: "other" };
}

/** A cell of one input across units: the unit's index and its cell. */
interface Cell {
  readonly unit: number;
  readonly name: string;
  readonly ref: CellRef;
  readonly text: string;
}

/** One input's cells that look like thousands, with the separator. */
interface Suspect {
  readonly sep: Separator;
  readonly cells: readonly (Cell & { readonly thousands: string })[];
}

/**
 * The cells of one input (one column, or one indicator of long data) that are probably thousands
 * read as decimals: a lone `sep` before three digits, in a column that never uses `sep` as a
 * decimal point, and where such cells are common (at least half the non-blank cells, with
 * certain thousands groups "1.234.567" counted in) or the column shows the separator grouping
 * thousands or the other one marking decimals elsewhere; and only cells whose thousands reading
 * is nearer the column's plain numbers (whole or grouped) than their decimal reading.
 */
export function suspectCells(cells: readonly Cell[]): Suspect[] {
  const shaped = cells.map((c) => ({ cell: c, shape: cellShape(c.text) }));
  const out: Suspect[] = [];
  for (const sep of [".", ","] as const) {
    const other = sep === "." ? "," : ".";
    const ambiguous = shaped.flatMap(({ cell, shape }) => (shape.kind === "ambiguous" && shape.sep === sep && typeof cell.ref.raw === "string" ? [{ ...cell, thousands: shape.thousands }] : []));
    if (ambiguous.length === 0) continue;
    const has = (kind: Shape["kind"], s: Separator) => shaped.some(({ shape }) => shape.kind === kind && "sep" in shape && shape.sep === s);
    if (has("decimal", sep)) continue;
    const grouped = shaped.filter(({ shape }) => shape.kind === "grouped" && shape.sep === sep).length;
    const certain = grouped > 0 || has("decimal", other);
    const common = 2 * (ambiguous.length + grouped) >= shaped.length;
    if (!(certain || common)) continue;
    // Unless the column shows its convention, ask only where 1050 sits nearer the column's plain
    // numbers than 1.05 does (on a log scale): "1.050" among 980 and 2.300 is a count; "179.875" among 100 and 90
    // (a what-if's computed value) is not.
    const plain = shaped.flatMap(({ cell, shape }) => (shape.kind === "whole" || shape.kind === "grouped" ? [Math.abs(Number(parseNumber(cell.text, { thousands: sep })))] : [])).filter((x) => x > 0);
    const centre = plain.length === 0 ? undefined : median(plain.map(Math.log10));
    const nearer = (c: Cell & { readonly thousands: string }) =>
      certain ||
      centre === undefined || Math.abs(Math.log10(Number(c.thousands)) - centre) < Math.abs(Math.log10(Number(parseNumber(c.text))) - centre);
    const cells = ambiguous.filter(nearer);
    if (cells.length > 0) out.push({ sep, cells });
  }
  return out;
}

/**
 * A quick test before {@link cellShape}, without a regex or a new string: is the text 1-3 digits
 * (the first not 0), "." or ",", then exactly three digits? Scoring a million rows calls it once
 * per cell.
 */
export function mayBeGrouped(raw: unknown): boolean {
  if (typeof raw !== "string") return false;
  let end = raw.length;
  let start = 0;
  while (end > 0 && raw.charCodeAt(end - 1) <= 32) end--;
  while (start < end && raw.charCodeAt(start) <= 32) start++;
  const first = raw.charCodeAt(start);
  if (first === 43 || first === 45 || first === 0x2212) start++;
  const length = end - start;
  if (length < 5 || length > 7) return false;
  const sep = raw.charCodeAt(end - 4);
  if (sep !== 46 && sep !== 44) return false;
  const digit = (i: number) => {
    const c = raw.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  if (raw.charCodeAt(start) === 48) return false;
  for (let i = start; i < end; i++) if (i !== end - 4 && !digit(i)) return false;
  return true;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** True when reading the cell as `thousands` is a value the leaf's rule accepts (points: at most the max). */
function admissible(leaf: IndicatorNode, thousands: string): boolean {
  const rule = leaf.rule;
  switch (rule.type) {
    case "value":
      // 1050 is no score in [0, 1] (and clamped, both readings give 1).
      return false;
    case "points":
      return rule.outOfRange === "clamp" || Number(thousands) <= (ruleMax(leaf) as number);
    case "categorical":
    case "boolean":
      return false;
    default:
      return true;
  }
}

/**
 * True when some cell of the given columns looks like "1.050": most tables have none, and this
 * pass over the rows' arrays is all they cost (a million cells in a few milliseconds, where
 * looking them up per unit took a second).
 */
export function hasGroupedCells(table: { readonly rows: readonly { readonly cells: readonly unknown[] }[] }, columns: readonly number[]): boolean {
  for (const row of table.rows) for (const c of columns) if (mayBeGrouped(row.cells[c])) return true;
  return false;
}

/** Normalisations that only see the values' order or proportions: scaling every cell by 1000 changes nothing. */
const SCALE_FREE = new Set(["minmax", "zscore", "rank", "percentile"]);

/** True for a rule whose scores stay the same when every cell of its column is scaled alike (a data-driven normalisation without bounds or target). */
export function isScaleFree(rule: IndicatorNode["rule"]): boolean {
  return rule.type === "normalise" && SCALE_FREE.has(rule.method) && rule.bounds === undefined && rule.target === undefined;
}

/**
 * A DATA_AMBIGUOUS_NUMBER issue per input whose cells look like thousands read as decimals: an
 * error where the two readings score differently, a warning where they cannot (a ratio whose
 * numerator and denominator are both written so, a data-driven normalisation of a column written
 * so throughout). Each names the column, the first such cell, and how many there are.
 *
 * @example
 * ```ts
 * const framework = defineFramework({ id: "w", version: "1", title: { vi: "Phường" }, root: { id: "dti", name: { vi: "DTI" }, children: [
 *   { id: "fibre", name: { vi: "Cáp quang" }, rule: { type: "ratio" } }, { id: "online", name: { vi: "Trực tuyến" }, rule: { type: "value" } },
 * ] } });
 * const { units } = readUnits(parseCsv("unit;fibre.a;fibre.b;online\nHuế;870;1.050;0,5\n"), framework);
 * thousandsIssues(units, framework)[0]?.message;
 * // => '"1.050" was read as 1.05; if it means 1050, write 1050 (no thousands separator); if it means 1.05, write 1.05'
 * ```
 */
export function thousandsIssues(units: readonly UnitInput[], framework: Framework): Issue[] {
  const issues: Issue[] = [];
  for (const leaf of leavesOf(framework.root)) {
    if (leaf.rule.type === "categorical" || leaf.rule.type === "boolean") continue;
    const keys = inputKeys(leaf);
    const columns = keys.map((key) =>
      units.flatMap((u, unit): Cell[] => {
        const ref = u.values.get(key);
        // JSON numbers count too, as the text they print ("70", "12.5"): never ambiguous themselves,
        // they show what the column holds.
        const raw = ref?.raw;
        return ref !== undefined && (typeof raw === "string" || (typeof raw === "number" && Number.isFinite(raw))) ? [{ unit, name: u.unit, ref, text: String(raw) }] : [];
      }),
    );
    const suspects = columns.map((cells) => suspectCells(cells).map((s) => ({ ...s, cells: s.cells.filter((c) => admissible(leaf, c.thousands)) })).filter((s) => s.cells.length > 0));
    const flagged = suspects.map((list) => new Set(list.flatMap((s) => s.cells.map((c) => c.unit))));
    suspects.forEach((list, k) => {
      for (const s of list) issues.push(ambiguousIssue(leaf, s, changesScore(leaf, columns, flagged, k)));
    });
  }
  return issues;
}

/** Whether reading input k's flagged cells as thousands would change the leaf's scores. */
function changesScore(leaf: IndicatorNode, columns: readonly (readonly Cell[])[], flagged: readonly Set<number>[], k: number): boolean {
  const rule = leaf.rule;
  if (rule.type === "ratio") {
    // a / b is unchanged when both are scaled by 1000: in every unit, both flagged or neither.
    const present = columns.map((cells) => new Set(cells.map((c) => c.unit)));
    const mine = flagged[k] as Set<number>;
    const other = 1 - k;
    return [...mine].some((u) => (present[other] as Set<number>).has(u) && !(flagged[other] as Set<number>).has(u));
  }
  if (isScaleFree(rule)) {
    // Every cell scaled alike: the same normalised scores.
    return (flagged[k] as Set<number>).size < (columns[k] as readonly Cell[]).length;
  }
  return true;
}

function ambiguousIssue(leaf: IndicatorNode, suspect: Suspect, changes: boolean): Issue {
  const first = suspect.cells[0]!;
  // "1.050" is read as 1.05: say it without the zero the reader may take for a digit group.
  const read = (parseNumber(first.text) as string).replace(/(\.\d*?)0+$/u, "$1").replace(/\.$/u, "");
  // The decimal reading written so that it cannot be taken for a digit group: a fourth decimal.
  const plain = /\.\d{3}$/u.test(read) ? `${read}0` : read;
  const decimal = formatNumber(plain, plainStyle(suspect.sep === ","));
  const rows = suspect.cells.map((c) => c.ref.row);
  const more = suspect.cells.length > 1 ? `; ${suspect.cells.length} cells of this column are written so (rows ${rows.slice(0, 5).join(", ")}${rows.length > 5 ? " …" : ""})` : "";
  const stakes = changes ? "" : "; both readings give the same scores here, so the result stands";
  const message = `${JSON.stringify(first.text)} was read as ${read}; if it means ${first.thousands}, write ${first.thousands} (no thousands separator); if it means ${read}, write ${decimal}${more}${stakes}`;
  const messageVi = `${JSON.stringify(first.text)} được đọc là ${formatNumber(read, plainStyle(true))}; nếu là ${first.thousands}, hãy ghi ${first.thousands} (không có dấu phân cách hàng nghìn); nếu là ${formatNumber(read, plainStyle(true))}, hãy ghi ${decimal}`;
  const where = { row: first.ref.row, ...(first.ref.column !== undefined ? { column: first.ref.column } : {}), unit: first.name, node: leaf.id, messageVi };
  return (changes ? error : warning)("DATA_AMBIGUOUS_NUMBER", message, where);
}

function leavesOf(node: FrameworkNode): IndicatorNode[] {
  return node.rule !== undefined ? [node] : node.children.flatMap(leavesOf);
}
