/**
 * Pass 1 of a stream whose framework normalises across units: the raw values of every normalised
 * leaf of every unit, then the normalisation itself.
 *
 * @module
 */
import { UNIT_ROUNDOFF } from "../number/publish-float.ts";
import { ratFromDecimal, ratFromNumber, type Rational } from "../number/rational.ts";
import type { CompiledFramework } from "../score/compile.ts";
import { leafColumns } from "../score/leaf-columns.ts";
import { readRational } from "../score/rules/outcome.ts";
import type { MissingPolicy } from "../score/score-leaves.ts";
import { normaliseLeaves } from "../methods/normalise/normalise-leaves.ts";
import type { StreamRow } from "./stream-types.ts";
import type { rowReader } from "./row-reader.ts";
import { addToBatch, batchSource, BATCH, createBatch } from "./stream-batch.ts";
import { grow } from "../number/grow-array.ts";

/**
 * Pass 1 of a framework that normalises across units: the raw value of every normalised leaf of
 * every unit, read by the leaf stage as pass 2 reads it (float, bound, and the text where the float
 * is not its exact decimal), then the normalisation itself, as `score` does it.
 */
export async function collectNormalised(
  compiled: CompiledFramework,
  reader: ReturnType<typeof rowReader>,
  source: AsyncIterable<StreamRow> | Iterable<StreamRow>,
  missing: MissingPolicy,
) {
  const leaves = compiled.leaves.filter((l) => compiled.nodes[l]!.leaf?.rule.type === "normalise");
  const position = new Map(leaves.map((l, k) => [l, k]));
  // Each batch's raw values, leaf-major (a batch is BATCH units, the last one fewer): copied once
  // into the columns at the end, and read there by the exact evaluator afterwards.
  const chunks: Float64Array[] = [];
  let years: Float64Array = new Float64Array(BATCH);
  const texts = new Map<number, string>();
  let units = 0;
  // Every normalised cell read as a value, without an issue or a blank: then the pass that scores
  // needs nothing more of these cells (see `observed` below).
  let observed = true;
  const batch = createBatch(compiled);
  const noneAbsent: ReadonlySet<string> = new Set();
  const flush = () => {
    const size = batch.size;
    if (size === 0) return;
    const source = batchSource(compiled, batch, reader.header());
    const stage = leafColumns(compiled, source, missing, noneAbsent, undefined, leaves);
    const { value: V, coverage: C } = stage.cols;
    if (stage.issues.length > 0 || stage.missingCount.size > 0) observed = false;
    const chunk = new Float64Array(leaves.length * size);
    for (let k = 0; k < leaves.length; k++) {
      const at = leaves[k]! * size;
      chunk.set(V.subarray(at, at + size), k * size);
      for (let b = 0; b < size; b++) {
        if (C[at + b] !== 1) {
          observed = false;
          continue;
        }
        // An observed cell whose float is not exactly its decimal keeps its text (blanks read as 0
        // under "zero" have no coverage).
        if (V[at + b] === V[at + b] && !stage.short(b, leaves[k]!)) texts.set(k * 0x1_0000_0000 + units + b, String(source.raw(b, leaves[k]!, 0)));
      }
    }
    chunks.push(chunk);
    years = grow(years, units + size, (n) => new Float64Array(n));
    for (let b = 0; b < size; b++) years[units + b] = batch.units[b]!.year ?? NaN;
    units += size;
    batch.size = 0;
  };
  for await (const rows of reader.rows(source, false)) {
    for (const row of rows) {
      addToBatch(batch, row, 0);
      if (batch.size === BATCH) flush();
    }
  }
  flush();
  const packed = columnsOf(chunks, leaves.length, units);
  const error = new Float64Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const x = packed[i]!;
    error[i] = x === x ? 2 * UNIT_ROUNDOFF * Math.abs(x) : 0;
  }
  // The raw values stay readable for the exact evaluator (in the chunks): the normalisation overwrites `packed`.
  const rawAt = (k: number, u: number): number => {
    const chunk = chunks[Math.floor(u / BATCH)]!;
    return chunk[k * (chunk.length / leaves.length) + (u % BATCH)]!;
  };
  const exactRaw = (u: number, leaf: number): Rational | null => {
    const k = position.get(leaf)!;
    const x = rawAt(k, u);
    if (Number.isNaN(x)) return null;
    const text = texts.get(k * 0x1_0000_0000 + u);
    if (text === undefined) return ratFromNumber(x);
    return readRational(text) ?? ratFromDecimal(String(x))!;
  };
  const result = normaliseLeaves(
    compiled,
    { units, value: packed, error },
    { year: (u) => (Number.isNaN(years[u]!) ? undefined : years[u]!), exactRaw, short: (u, leaf) => !texts.has(position.get(leaf)! * 0x1_0000_0000 + u) },
    (leaf) => position.get(leaf)! * units,
  );
  // `observed`: every unit's normalised leaves have coverage 1, no cell of them is an issue or
  // counts as missing, so the pass that scores may leave them out of its leaf stage.
  return { units, value: packed, error, position, exact: result.exact, issues: result.issues, observed };
}

/** The batches' leaf-major chunks as one column per leaf of `units` values. */
function columnsOf(chunks: readonly Float64Array[], leaves: number, units: number): Float64Array {
  const packed = new Float64Array(leaves * units);
  let first = 0;
  for (const chunk of chunks) {
    const size = chunk.length / leaves;
    for (let k = 0; k < leaves; k++) packed.set(chunk.subarray(k * size, (k + 1) * size), k * units + first);
    first += size;
  }
  return packed;
}
