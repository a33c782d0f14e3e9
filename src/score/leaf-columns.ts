/**
 * The leaf stage of the plan for units read into memory: every leaf of every unit scored by its
 * rule into the float columns (with bounds), the missing-value policy applied, every bad cell an
 * issue naming its row, column, unit and node; and, on demand, each leaf's exact value.
 *
 * @module
 */
import { error, type Issue } from "../errors.ts";
import type { CellRef, UnitInput } from "../input/read-units.ts";
import { UNIT_ROUNDOFF as U } from "../number/publish-float.ts";
import { RAT_ZERO, ratToNumber, type Rational } from "../number/rational.ts";
import type { CompiledFramework } from "./compile.ts";
import { nodeColumns, type NodeColumns } from "./evaluate-nodes.ts";
import { floatLeafInto, floatPlainColumn, floatPlainInto } from "./fast/float-leaf.ts";
import { isShortDecimal } from "./fast/read-float.ts";
import type { RawValue } from "./rules/outcome.ts";
import type { LeafSource } from "./leaf-source.ts";
import { scoreLeaf } from "./score-leaf.ts";
import { withNumberHint } from "../input/number-hints.ts";
import { keepFirstNames, type BlankCell, type ImputedValue, type LeafImputer, type MissingPolicy } from "./score-leaves.ts";

export type { LeafSource } from "./leaf-source.ts";

/** The leaf columns of a set of units, with what is needed to compute any leaf exactly. */
export interface LeafStage {
  /** Columns for every node; leaves filled (a `normalise` leaf holds its raw number). */
  readonly cols: NodeColumns;
  /** The cells' errors, in the order the units and leaves were read. */
  readonly issues: readonly Issue[];
  readonly imputed: readonly ImputedValue[];
  /** Scored leaves (compiled index) and how many units miss them, for the missing-value warnings. */
  readonly missingCount: ReadonlyMap<number, number>;
  /** The first units (Vietnamese order) missing each of those leaves, by name (and year). */
  readonly missingNames: ReadonlyMap<number, string[]>;
  /** The unit (index) each issue is about, parallel to `issues`. */
  readonly issueUnits: readonly number[];
  /** Per unit: 1 when one of its cells is an error. */
  readonly failed: Uint8Array;
  /** The exact value of unit u's leaf before normalisation (null = missing). */
  exactRaw(unit: number, leaf: number): Rational | null;
  /** True when unit u's leaf float is exactly its decimal (see `isShortDecimal`). */
  short(unit: number, leaf: number): boolean;
}

const MISSING = 0;
const OBSERVED = 1;
const ZERO = 2;
const IMPUTED = 3;

/**
 * Scores the leaves of each unit. A blank or absent input is missing: under "error" that is an
 * issue for a scored leaf (a leaf with zero weight, such as "Đô thị thông minh", may be blank);
 * under "zero" the leaf scores 0; under "reweight" it is left out of its parent's mean. Either way
 * the unit's coverage shows it, and one warning per indicator says how many units were missing it.
 * With an `impute` function, blanks are first offered to it (after every unit is scored, so it can
 * use the other units' values); the values it fills are returned in `imputed` (coverage still
 * counts them as missing: coverage is the share of observed data) and the rest follow the policy.
 * `leaves` limits the stage to some leaves (the others stay missing): a stream's first pass reads
 * only the leaves normalised across units. `reuse` ({@link LeafScratch}) gives the columns to
 * write into when it is made for as many units: the stage's result then lives until the next
 * stage given the same buffers.
 */
export function leafColumns(
  plan: CompiledFramework,
  source: LeafSource,
  missing: MissingPolicy,
  absent: ReadonlySet<string>,
  impute?: { readonly units: readonly UnitInput[]; readonly imputer: LeafImputer },
  leaves: readonly number[] = plan.leaves,
  reuse?: LeafScratch,
): LeafStage {
  const n = source.count;
  const buffers = reuse !== undefined && reuse.cols.units === n ? reuse : undefined;
  const st: StageState = {
    plan,
    source,
    n,
    cols: buffers?.cols ?? nodeColumns(plan.nodes.length, n),
    status: buffers?.status ?? new Uint8Array(plan.nodes.length * n),
    plain: buffers?.plain ?? new Uint8Array(plan.nodes.length * n),
    issues: [],
    issueUnits: [],
    failed: new Uint8Array(n),
    missingCount: new Map(),
    missingNames: new Map(),
  };
  const handleBlank = blankHandler(st, missing, absent);
  const blanks: BlankCell[] = [];
  // Leaves whose rule reads one number as it is take their pre-read plain decimals first, a column
  // at a time (every cell of the column written); the cells left (text to read, blanks, errors)
  // follow unit by unit, in order, in the leaves that have any.
  const left = source.plainColumn !== undefined ? readPlainColumns(st, leaves) : leaves;
  readCells(st, left, (u, leaf, blank, cells) => (impute !== undefined ? blanks.push({ unit: u, leaf, input: blank, cells }) : handleBlank(u, leaf, blank, cells)));
  const imputedValues = new Map<number, Rational>();
  const exactRaw = exactRawOf(st, imputedValues);
  const imputed = impute !== undefined && blanks.length > 0 ? applyImputation(st, impute, blanks, exactRaw, imputedValues, handleBlank) : [];
  const { cols, status, plain, issues, issueUnits, missingCount, missingNames, failed } = st;
  const short = (u: number, leaf: number): boolean => {
    const at = leaf * n + u;
    if (status[at] !== OBSERVED) return false;
    // A plain decimal (at most 15 digits) is short: its text need not be cut out and read again.
    if (plain[at] === 1) return true;
    const raw = source.raw(u, leaf, 0);
    return typeof raw === "number" || (typeof raw === "string" && isShortDecimal(raw));
  };
  return { cols, issues, issueUnits, imputed, missingCount, missingNames, failed, exactRaw, short };
}

/** What the leaf stage's steps share: the columns, each cell's status and what was reported. */
interface StageState {
  readonly plan: CompiledFramework;
  readonly source: LeafSource;
  readonly n: number;
  readonly cols: NodeColumns;
  /** Per (leaf, unit), node-major: MISSING, OBSERVED, ZERO or IMPUTED. */
  readonly status: Uint8Array;
  /** Per (leaf, unit), node-major: 1 for a cell read from its pre-read plain decimal. */
  readonly plain: Uint8Array;
  readonly issues: Issue[];
  readonly issueUnits: number[];
  readonly failed: Uint8Array;
  readonly missingCount: Map<number, number>;
  readonly missingNames: Map<number, string[]>;
}

type BlankHandler = (u: number, leaf: number, blank: number, cells: readonly (CellRef | undefined)[]) => void;

/**
 * The missing-value policy for a blank input `blank` (0, or 1 for a ratio's denominator) of unit
 * u's leaf: counted and named for the warnings, 0 under "zero", an issue under "error".
 */
function blankHandler(st: StageState, missing: MissingPolicy, absent: ReadonlySet<string>): BlankHandler {
  const { plan, source, n, cols, status, missingCount, missingNames } = st;
  return (u, leaf, blank, cells) => {
    const node = plan.nodes[leaf]!;
    const at = leaf * n + u;
    // A blank bonus or penalty criterion is no points, whatever the policy.
    if (node.adjustPart) return;
    if (missing === "zero" && node.scored) {
      cols.value[at] = 0;
      status[at] = ZERO;
    }
    if (!node.scored) return;
    missingCount.set(leaf, (missingCount.get(leaf) ?? 0) + 1);
    let names = missingNames.get(leaf);
    if (names === undefined) missingNames.set(leaf, (names = []));
    const who = source.unit(u) as { unit: string; year?: number };
    keepFirstNames(names, who.year === undefined ? who.unit : `${who.unit} (${who.year})`);
    const key = node.inputs[blank] as string;
    if (missing === "error" && !absent.has(key)) {
      const cell = cells[blank];
      const unit = source.unit(u);
      st.failed[u] = 1;
      st.issueUnits.push(u);
      st.issues.push(
        error("DATA_MISSING_VALUE", cell === undefined ? `no value for "${key}" (${node.name.vi})` : `the value of "${key}" is blank`, {
          row: cell?.row ?? unit.row,
          ...(cell?.column !== undefined ? { column: cell.column } : {}),
          unit: unit.unit,
          node: node.id,
        }),
      );
    }
  };
}

/**
 * True for a leaf the stage reads by column from a source's pre-read plain decimals (a "value" or
 * "normalise" leaf of one input), writing every cell of it.
 */
export function readsByColumn(node: CompiledFramework["nodes"][number]): boolean {
  const type = node.leaf!.rule.type;
  return node.inputs.length === 1 && (type === "value" || type === "normalise");
}

/**
 * The "value" and "normalise" leaves of one input from the source's pre-read plain decimals: every
 * cell of their columns written, read or left to read. Returns the leaves with cells left to read
 * (the other leaves, and those with a cell that is not a plain decimal the rule takes as it is).
 */
function readPlainColumns(st: StageState, leaves: readonly number[]): number[] {
  const { plan, source, n, status, plain } = st;
  const { value: V, error: E, coverage: C } = st.cols;
  const x = new Float64Array(n);
  const left: number[] = [];
  for (const leaf of leaves) {
    const node = plan.nodes[leaf]!;
    if (!readsByColumn(node)) {
      left.push(leaf);
      continue;
    }
    source.plainColumn!(leaf, x);
    const at = leaf * n;
    const all = floatPlainColumn(node.leaf!, x, n, V, E, at);
    if (all) {
      status.fill(OBSERVED, at, at + n);
      plain.fill(1, at, at + n);
      C.fill(1, at, at + n);
    } else {
      for (let u = at; u < at + n; u++) {
        const taken = V[u] === V[u];
        status[u] = taken ? OBSERVED : MISSING;
        plain[u] = taken ? 1 : 0;
        C[u] = taken ? 1 : 0;
      }
    }
    if (!all) left.push(leaf);
  }
  return left;
}

/**
 * Columns and cell states that a leaf stage of as many units writes into again (a stream's
 * batches, `src/stream/batch-scratch.ts`): as new (values NaN, the rest 0) for every node but the
 * leaves the stage reads by column ({@link readsByColumn}), whose every cell it writes.
 */
export interface LeafScratch {
  readonly cols: NodeColumns;
  readonly status: Uint8Array;
  readonly plain: Uint8Array;
}

/**
 * Every cell not read yet, unit by unit (a unit's cells lie together): as a float with its bound
 * where that is certain, else scored exactly by its rule; blanks go to `onBlank`. The loop is the
 * stage's hot path, kept whole; the exact reading of a cell is apart (rare).
 */
function readCells(st: StageState, leaves: readonly number[], onBlank: BlankHandler): void {
  const { plan, source, n, status, plain: fromPlain } = st;
  const { value: V, error: E, coverage: C } = st.cols;
  const out = new Float64Array(2);
  const plainLeaf = Uint8Array.from(leaves, (leaf) => (readsByColumn(plan.nodes[leaf]!) ? 1 : 0));
  const plain = new Float64Array(leaves.length).fill(NaN);
  for (let u = 0; u < n; u++) {
    source.plainCells?.(u, leaves, plain);
    for (let k = 0; k < leaves.length; k++) {
      const leaf = leaves[k]!;
      const at = leaf * n + u;
      if (status[at] === OBSERVED) continue;
      const node = plan.nodes[leaf]!;
      const x = plain[k]!;
      // A plain decimal pre-read from the unit's row, taken as readPlainColumns takes it; else the cell.
      if (x === x && plainLeaf[k] === 1 && floatPlainInto(node.leaf!, x, out)) fromPlain[at] = 1;
      else {
        const first = source.raw(u, leaf, 0);
        const second = node.inputs.length > 1 ? source.raw(u, leaf, 1) : undefined;
        const blank = first === undefined ? 0 : node.inputs.length > 1 && second === undefined ? 1 : -1;
        if (blank >= 0) {
          onBlank(
            u,
            leaf,
            blank,
            node.inputs.map((key) => source.cell(u, key)),
          );
          continue;
        }
        if (!floatLeafInto(node.leaf!, first!, second, out)) {
          if (readExactly(st, u, leaf, second === undefined ? [first!] : [first!, second])) {
            status[at] = OBSERVED;
            C[at] = 1;
          }
          continue;
        }
      }
      V[at] = out[0]!;
      E[at] = out[1]!;
      status[at] = OBSERVED;
      C[at] = 1;
    }
  }
}

/** A cell scored by its rule on exact rationals into the columns; false (and an issue) when it fails. */
function readExactly(st: StageState, u: number, leaf: number, raws: RawValue[]): boolean {
  const node = st.plan.nodes[leaf]!;
  // A failure's message says what to write for this rule (a percentage in its unit).
  const outcome = withNumberHint(node.leaf!, raws, scoreLeaf(node.leaf!, raws));
  if (!outcome.ok) {
    const cell = st.source.cell(u, node.inputs[outcome.input ?? 0]!)!;
    st.issues.push(error(outcome.code, outcome.message, { row: cell.row, ...(cell.column !== undefined ? { column: cell.column } : {}), unit: st.source.unit(u).unit, node: node.id }));
    st.failed[u] = 1;
    st.issueUnits.push(u);
    return false;
  }
  const v = ratToNumber(outcome.score);
  const at = leaf * st.n + u;
  st.cols.value[at] = v;
  st.cols.error[at] = 2 * U * Math.abs(v);
  return true;
}

/** The exact value of unit u's leaf before normalisation, from its status (null = missing). */
function exactRawOf(st: StageState, imputedValues: ReadonlyMap<number, Rational>): (u: number, leaf: number) => Rational | null {
  const { plan, source, n, status } = st;
  return (u, leaf) => {
    const at = leaf * n + u;
    switch (status[at]) {
      case ZERO:
        return RAT_ZERO;
      case IMPUTED:
        return imputedValues.get(at)!;
      case OBSERVED: {
        const node = plan.nodes[leaf]!;
        const outcome = scoreLeaf(node.leaf!, node.inputs.map((_, k) => source.raw(u, leaf, k) as RawValue));
        return outcome.ok ? outcome.score : null;
      }
      default:
        return null;
    }
  };
}

/** Offers the blanks to the imputer; the values it fills go into the columns, the rest to the policy. */
function applyImputation(
  st: StageState,
  impute: { readonly units: readonly UnitInput[]; readonly imputer: LeafImputer },
  blanks: readonly BlankCell[],
  exactRaw: (u: number, leaf: number) => Rational | null,
  imputedValues: Map<number, Rational>,
  handleBlank: BlankHandler,
): ImputedValue[] {
  const { plan, n, cols, status } = st;
  const imputed: ImputedValue[] = [];
  const filled = impute.imputer(impute.units, exactRaw, blanks);
  blanks.forEach((b, k) => {
    const fill = filled[k];
    if (fill !== undefined && plan.nodes[b.leaf]!.scored && !plan.nodes[b.leaf]!.adjustPart) {
      const at = b.leaf * n + b.unit;
      const v = ratToNumber(fill.value);
      cols.value[at] = v;
      cols.error[at] = 2 * U * Math.abs(v);
      status[at] = IMPUTED;
      imputedValues.set(at, fill.value);
      imputed.push({ ...fill, unit: b.unit, leaf: b.leaf });
    } else handleBlank(b.unit, b.leaf, b.input, b.cells);
  });
  return imputed;
}
