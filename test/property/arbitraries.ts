/**
 * Generators for the property tests: random valid frameworks (trees up to depth 4, weights, max
 * points or equal weights, every scoring rule incl. ladders, categories, ratios, goalposts and
 * targets with a direction) and matching wide datasets (Vietnamese unit names, some decomposed
 * NFD, optional groups, optional blanks), with CSV and JSON forms of the same data.
 *
 * Generation uses `fc.gen()`: each case is drawn step by step, so shapes can depend on earlier
 * draws (a parent's max points are its children's sum) and fast-check can still shrink and replay.
 */
import * as fc from "fast-check";
import { prng } from "../helpers/prng.ts";
import type { Direction, FrameworkDefinition, FrameworkNode, ScoringRule } from "../../src/framework/types.ts";

export type Gen = fc.GeneratorValue;

/** How a leaf's input can be made "better" (for the monotonicity property). */
export type Better =
  | { readonly kind: "number"; readonly column: string; readonly lo: number; readonly hi: number; readonly decimals: number; readonly good: Direction }
  | { readonly kind: "boolean"; readonly column: string; readonly good: Direction }
  | { readonly kind: "ratio"; readonly column: string; readonly denominator: string }
  | { readonly kind: "none" };

/** One input column: the leaf it feeds, and how to draw a value. */
export interface InputSpec {
  readonly column: string;
  readonly draw: (g: Gen, row: ReadonlyMap<string, Cell>) => Cell;
}

/** A cell as text (CSV) and as the JSON value of the same data. */
export interface Cell {
  /** Canonical text with a decimal point for numbers ("0.25"), or the label. */
  readonly text: string;
  readonly json: string | number | boolean | null;
  readonly numeric: boolean;
}

export interface GeneratedFramework {
  readonly definition: FrameworkDefinition;
  /** Input columns in a valid drawing order (a ratio's denominator before its numerator). */
  readonly inputs: readonly InputSpec[];
  /** One entry per leaf: how to improve it. */
  readonly better: readonly Better[];
  /** Ids of the groups whose children carry explicit integer weights (for weight scaling). */
  readonly weightGroups: readonly string[];
}

export interface Unit {
  readonly name: string;
  readonly group: string | undefined;
  readonly cells: ReadonlyMap<string, Cell>;
}

export interface GeneratedData {
  readonly columns: readonly string[];
  readonly units: readonly Unit[];
  readonly hasGroups: boolean;
  readonly hasBlanks: boolean;
}

const PROVINCES = ["Hà Nội", "Huế", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Ninh", "Bắc Ninh", "Thái Nguyên", "Lâm Đồng", "Đắk Lắk", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế"];
const WORDS = ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin", "Chính quyền số", "Kinh tế số", "Xã hội số"];
const LABELS = ["Bí thư/Chủ tịch", "Phó Bí thư/Phó Chủ tịch", "Ủy viên", "Chưa có", "Đạt", "Không đạt"];
const REGIONS = ["Đồng bằng sông Hồng", "Tây Nguyên", "Đông Nam Bộ", "Bắc Trung Bộ"];

function decimalText(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const neg = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, "0");
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`.replace(/\.?0+$/u, "");
  return `${neg && text !== "0" ? "-" : ""}${text === "" ? "0" : text}`;
}

/** A number cell from an integer count of 10^-decimals. */
export function numberCell(units: number, decimals: number): Cell {
  const text = decimalText(units, decimals);
  return { text, json: Number(text), numeric: true };
}

/** A number drawn in [lo, hi] with `decimals` decimals. */
export function drawNumber(g: Gen, lo: number, hi: number, decimals: number): Cell {
  const scale = 10 ** decimals;
  return numberCell(g(fc.integer, { min: Math.ceil(lo * scale), max: Math.floor(hi * scale) }), decimals);
}

function labelCell(g: Gen, label: string): Cell {
  // Labels match after NFC and case folding: send some decomposed or upper-cased.
  const form = g(fc.constantFrom, "as-is", "nfd", "upper");
  const text = form === "nfd" ? label.normalize("NFD") : form === "upper" ? label.toUpperCase() : label;
  return { text, json: text, numeric: false };
}

interface Built {
  node: FrameworkNode;
  points: number;
}

/** Draws a valid framework definition. */
export function drawFramework(g: Gen, options: { maxDepth?: number } = {}): GeneratedFramework {
  const maxDepth = options.maxDepth ?? 4;
  let next = 0;
  const inputs: InputSpec[] = [];
  const better: Better[] = [];
  const weightGroups: string[] = [];
  const ids: string[] = [];

  const leaf = (id: string, mode: "weight" | "points" | "equal", pointsBudget: number): FrameworkNode => {
    const name = { vi: `${g(fc.constantFrom, ...WORDS)} ${id}` };
    const withMax = mode === "points" && pointsBudget > 0;
    const base = { id, name, ...(mode === "points" ? { maxPoints: pointsBudget } : {}) };
    const type = g(fc.constantFrom, "value", "points", "ratio", "ladder", "categorical", "boolean", "goalposts", "target");
    let rule: ScoringRule;
    switch (type) {
      case "value": {
        rule = { type: "value" };
        inputs.push({ column: id, draw: (gg) => drawNumber(gg, 0, 1, 4) });
        better.push({ kind: "number", column: id, lo: 0, hi: 1, decimals: 4, good: "higher" });
        break;
      }
      case "points": {
        const max = withMax ? pointsBudget : g(fc.integer, { min: 1, max: 200 });
        rule = withMax ? { type: "points" } : { type: "points", max };
        inputs.push({ column: id, draw: (gg) => drawNumber(gg, 0, max, 2) });
        better.push({ kind: "number", column: id, lo: 0, hi: max, decimals: 2, good: "higher" });
        break;
      }
      case "ratio": {
        const zero = g(fc.constantFrom, undefined, "zero", "one");
        rule = zero === undefined ? { type: "ratio" } : { type: "ratio", zeroDenominator: zero };
        const a = `${id}.a`;
        const b = `${id}.b`;
        inputs.push({ column: b, draw: (gg) => numberCell(gg(fc.integer, { min: zero === undefined ? 1 : 0, max: 500 }), 0) });
        inputs.push({
          column: a,
          draw: (gg, row) => {
            const den = row.get(b);
            const limit = den === undefined || den.json === null ? 500 : Number(den.json);
            return numberCell(gg(fc.integer, { min: 0, max: limit }), 0);
          },
        });
        better.push({ kind: "ratio", column: a, denominator: b });
        break;
      }
      case "ladder": {
        const direction = g(fc.constantFrom, "higher", "lower") as Direction;
        const thresholds = g(fc.uniqueArray, fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }) as number[];
        const max = withMax ? pointsBudget : g(fc.integer, { min: 1, max: 50 });
        const steps = thresholds.map((threshold) => ({ threshold, points: g(fc.integer, { min: 0, max }) }));
        rule = withMax ? { type: "ladder", direction, steps } : { type: "ladder", direction, steps, max };
        inputs.push({ column: id, draw: (gg) => drawNumber(gg, -2, 22, 1) });
        better.push({ kind: "number", column: id, lo: -2, hi: 22, decimals: 1, good: direction });
        break;
      }
      case "categorical": {
        const labels = g(fc.shuffledSubarray, LABELS, { minLength: 1, maxLength: 4 });
        const usePoints = g(fc.boolean);
        const max = withMax ? pointsBudget : g(fc.integer, { min: 1, max: 20 });
        const categories = labels.map((label) =>
          usePoints ? { label, points: g(fc.integer, { min: 0, max }) } : { label, score: g(fc.integer, { min: 0, max: 100 }) / 100 },
        );
        rule = usePoints && !withMax ? { type: "categorical", categories, max } : { type: "categorical", categories };
        inputs.push({ column: id, draw: (gg) => labelCell(gg, gg(fc.constantFrom, ...labels)) });
        better.push({ kind: "none" });
        break;
      }
      case "boolean": {
        const direction = g(fc.constantFrom, undefined, "higher", "lower") as Direction | undefined;
        rule = direction === undefined ? { type: "boolean" } : { type: "boolean", direction };
        inputs.push({
          column: id,
          draw: (gg) => {
            const yes = gg(fc.boolean);
            const text = gg(fc.constantFrom, ...(yes ? ["có", "Có", "yes", "1", "true", "x"] : ["không", "Không", "no", "0", "false", "chưa"]));
            return { text, json: gg(fc.boolean) ? text : yes, numeric: false };
          },
        });
        better.push({ kind: "boolean", column: id, good: direction ?? "higher" });
        break;
      }
      case "goalposts": {
        const min = g(fc.integer, { min: -50, max: 50 });
        const span = g(fc.integer, { min: 1, max: 100 });
        const direction = g(fc.constantFrom, "higher", "lower") as Direction;
        rule = { type: "goalposts", min, max: min + span, direction };
        inputs.push({ column: id, draw: (gg) => drawNumber(gg, min - 20, min + span + 20, 2) });
        better.push({ kind: "number", column: id, lo: min - 20, hi: min + span + 20, decimals: 2, good: direction });
        break;
      }
      default: {
        const direction = g(fc.constantFrom, "higher", "lower") as Direction;
        const target = g(fc.integer, { min: 1, max: 100 });
        const withWorst = g(fc.boolean);
        const worst = direction === "higher" ? target - g(fc.integer, { min: 1, max: 100 }) : target + g(fc.integer, { min: 1, max: 100 });
        rule = withWorst ? { type: "target", target, direction, worst } : { type: "target", target, direction };
        inputs.push({ column: id, draw: (gg) => drawNumber(gg, -10, 210, 1) });
        better.push({ kind: "number", column: id, lo: -10, hi: 210, decimals: 1, good: direction });
      }
    }
    return { ...base, rule } as FrameworkNode;
  };

  // Builds a subtree; `mode` is how its siblings are weighted, `budget` its max points in points mode.
  const build = (depth: number, mode: "weight" | "points" | "equal"): Built => {
    const id = `n${next++}`;
    ids.push(id);
    const isLeaf = depth >= maxDepth || (depth > 1 && g(fc.integer, { min: 0, max: 2 }) === 0);
    if (isLeaf) {
      const points = mode === "points" ? g(fc.integer, { min: 0, max: 100 }) : 0;
      return { node: leaf(id, mode, points), points };
    }
    const count = g(fc.integer, { min: 1, max: depth === 1 ? 4 : 3 });
    const childMode = g(fc.constantFrom, "weight", "points", "equal") as "weight" | "points" | "equal";
    const children: Built[] = [];
    for (let i = 0; i < count; i++) children.push(build(depth + 1, childMode));
    const kids = children.map((c) => c.node);
    let weighted: FrameworkNode[];
    let sum = 0;
    if (childMode === "weight") {
      const weights: number[] = kids.map(() => g(fc.integer, { min: 0, max: 10 }));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      weighted = kids.map((k, i) => ({ ...k, weight: weights[i] as number }));
      weightGroups.push(id);
    } else if (childMode === "points") {
      // Only a leaf can have 0 points (a group in points mode has at least 1); a leaf drawn with 0
      // points has a rule that does not read maxPoints, so it may be given 1 to avoid a zero total.
      if (children.every((c) => c.points === 0)) {
        kids[0] = { ...(kids[0] as FrameworkNode), maxPoints: 1 } as FrameworkNode;
        (children[0] as Built).points = 1;
      }
      weighted = kids;
      sum = children.reduce((a, c) => a + c.points, 0);
    } else {
      weighted = kids;
    }
    // Geometric means cost exp/ln at 40 digits per unit: drawn for one group in twenty, harmonic
    // for one in ten. (Mazziotta-Pareto is left out: its penalty for unevenness means raising one
    // indicator can lower the total, so the monotonicity property does not hold for it.)
    const pick = g(fc.integer, { min: 0, max: 19 });
    const aggregation = pick === 0 ? "geometric" : pick <= 2 ? "harmonic" : undefined;
    const ownPoints = mode === "points" ? (childMode === "points" ? sum : g(fc.integer, { min: 1, max: 100 })) : 0;
    const node = {
      id,
      name: { vi: `Nhóm ${id}` },
      ...(mode === "points" ? { maxPoints: ownPoints } : {}),
      ...(aggregation !== undefined ? { aggregation } : {}),
      children: weighted,
    } as FrameworkNode;
    return { node, points: ownPoints };
  };

  const root = build(1, "equal").node;
  const definition = { id: "generated", version: "1.0.0", title: { vi: "Khung sinh ngẫu nhiên" }, root } as FrameworkDefinition;
  const viewCount = g(fc.integer, { min: 0, max: 2 });
  const views = [];
  for (let v = 0; v < viewCount; v++) {
    const nodes = g(fc.shuffledSubarray, ids, { minLength: 1, maxLength: Math.min(3, ids.length) });
    views.push({ id: `v${v}`, name: { vi: `Góc nhìn ${v}` }, terms: nodes.map((node) => ({ node, weight: g(fc.integer, { min: 1, max: 5 }) })) });
  }
  return { definition: (views.length > 0 ? { ...definition, views } : definition) as FrameworkDefinition, inputs, better, weightGroups };
}

/** Draws units for a framework: 1-10 units, unique Vietnamese names (some NFD), optional groups and blanks. */
export function drawData(g: Gen, fw: GeneratedFramework, options: { blanks?: boolean; minUnits?: number } = {}): GeneratedData {
  const count = g(fc.integer, { min: options.minUnits ?? 1, max: 10 });
  const hasGroups = g(fc.boolean);
  const hasBlanks = options.blanks === true && g(fc.boolean);
  const units: Unit[] = [];
  for (let u = 0; u < count; u++) {
    const base = `${PROVINCES[u % PROVINCES.length] as string}${u >= PROVINCES.length ? ` ${u}` : ""}`;
    const name = g(fc.boolean) ? base.normalize("NFD") : base;
    const cells = new Map<string, Cell>();
    for (const input of fw.inputs) {
      if (hasBlanks && g(fc.integer, { min: 0, max: 5 }) === 0) {
        cells.set(input.column, { text: "", json: null, numeric: false });
        continue;
      }
      cells.set(input.column, input.draw(g, cells));
    }
    units.push({ name, group: hasGroups ? g(fc.constantFrom, ...REGIONS) : undefined, cells });
  }
  return { columns: fw.inputs.map((i) => i.column), units, hasGroups, hasBlanks };
}

/** JSON records of the data (numbers as JSON numbers). */
export function toRecords(data: GeneratedData): Record<string, unknown>[] {
  return data.units.map((u) => {
    const record: Record<string, unknown> = { unit: u.name };
    if (data.hasGroups) record["Vùng"] = u.group;
    for (const c of data.columns) record[c] = u.cells.get(c)?.json ?? null;
    return record;
  });
}

export interface CsvStyle {
  readonly delimiter: "," | ";" | "\t";
  readonly decimalComma: boolean;
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly quoteAll: boolean;
}

export const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  delimiter: fc.constantFrom(",", ";", "\t"),
  decimalComma: fc.boolean(),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  quoteAll: fc.boolean(),
}) as fc.Arbitrary<CsvStyle>;

/** The same data as CSV text, in the given style (vi decimal commas quoted where needed). */
export function toCsvText(data: GeneratedData, style: CsvStyle): string {
  const cell = (text: string) => {
    const needsQuotes = style.quoteAll || text.includes(style.delimiter) || text.includes('"') || /[\r\n]/u.test(text);
    return needsQuotes ? `"${text.replace(/"/gu, '""')}"` : text;
  };
  const header = ["Tỉnh/thành phố", ...(data.hasGroups ? ["Vùng"] : []), ...data.columns];
  const lines = [header.map(cell).join(style.delimiter)];
  for (const u of data.units) {
    const values = data.columns.map((c) => {
      const v = u.cells.get(c);
      if (v === undefined) return "";
      return v.numeric && style.decimalComma ? v.text.replace(".", ",") : v.text;
    });
    lines.push([u.name, ...(data.hasGroups ? [u.group ?? ""] : []), ...values].map(cell).join(style.delimiter));
  }
  const eol = style.crlf ? "\r\n" : "\n";
  return `${style.bom ? "\uFEFF" : ""}${lines.join(eol)}${eol}`;
}

/** A deterministic shuffle driven by the generator. */
export function shuffle<T>(g: Gen, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = g(fc.integer, { min: 0, max: i });
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A fast stand-in for `fc.gen()` for the bulk of a case (unit data: hundreds of draws), driven
 * by one seed that fast-check draws: the case stays reproducible from fast-check's seed and path,
 * at a fraction of the cost (fast-check records every draw for shrinking). Supports the three
 * arbitraries the data generators use: `fc.integer` (biased to its bounds, like fast-check),
 * `fc.boolean` and `fc.constantFrom`.
 */
export function seededGen(seed: number): Gen {
  const next = prng(seed);
  const int = (min: number, max: number): number => {
    const r = next();
    if (r < 0.05) return min;
    if (r < 0.1) return max;
    return min + Math.floor(next() * (max - min + 1));
  };
  const draw = (arb: unknown, ...args: unknown[]): unknown => {
    if (arb === fc.integer) {
      const { min, max } = args[0] as { min: number; max: number };
      return int(min, max);
    }
    if (arb === fc.boolean) return next() < 0.5;
    if (arb === fc.constantFrom) return args[int(0, args.length - 1)];
    throw new Error("seededGen supports fc.integer, fc.boolean and fc.constantFrom only");
  };
  return draw as unknown as Gen;
}

/** Draws the seed for {@link seededGen} from fast-check. */
export function dataGen(g: Gen): Gen {
  return seededGen(g(fc.integer, { min: 0, max: 0x7fffffff }));
}
