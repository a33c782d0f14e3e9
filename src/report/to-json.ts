import type { ScoreResult, UnitResult } from "../pipeline/types.ts";
import { checkArgument, isResultLike } from "../errors.ts";
import { VERSION } from "../version.ts";

/** What a result document holds besides its units: known before the units (head) and after them (tail). */
export type JsonResultHead = Pick<ScoreResult, "framework" | "root" | "options" | "nodes">;
export type JsonResultTail = Pick<ScoreResult, "coverage" | "warnings" | "imputed">;

/** The JSON document of a result, a piece at a time: what comes before the units, each unit, what comes after. */
export interface JsonResultWriter {
  /** The document up to the units array's opening bracket. */
  readonly open: string;
  /** The `index`-th unit (0 first), with the comma and line break before it. */
  unit(unit: UnitResult, index: number): string;
  /** The end of the units array (`count` units were written) and the rest of the document. */
  close(tail: JsonResultTail, count: number): string;
}

/**
 * The one JSON writer of a result document, for a result ({@link toJSON}) and for the streamed
 * CLI, which writes the units one at a time: the text is `JSON.stringify(document, null, indent)`.
 *
 * @example
 * ```ts
 * const w = jsonResultWriter(result);
 * w.open + result.units.map((u, i) => w.unit(u, i)).join("") + w.close(result, result.units.length) === toJSON(result); // => true
 * ```
 */
export function jsonResultWriter(head: JsonResultHead, options: { readonly indent?: number } = {}): JsonResultWriter {
  // As JSON.stringify reads its `space`: at most 10, whole spaces.
  const width = Math.max(0, Math.min(10, Math.floor(options.indent ?? 2)));
  const nl = (level: number) => (width === 0 ? "" : `\n${" ".repeat(width * level)}`);
  const doc = { generator: { name: "dti", version: VERSION }, framework: head.framework, root: head.root, options: head.options, nodes: head.nodes };
  const before = JSON.stringify(doc, null, width);
  return {
    open: `${before.slice(0, before.length - nl(0).length - 1)},${nl(1)}"units":${width === 0 ? "" : " "}[`,
    unit: (u, i) => `${i === 0 ? "" : ","}${nl(2)}${width === 0 ? JSON.stringify(u) : JSON.stringify(u, null, width).replaceAll("\n", nl(2))}`,
    close(tail, count) {
      const after = JSON.stringify({ coverage: tail.coverage, warnings: tail.warnings, ...(tail.imputed !== undefined ? { imputed: tail.imputed } : {}) }, null, width);
      return `${count === 0 ? "" : nl(1)}],${after.slice(1)}`;
    },
  };
}

/**
 * The result as one JSON document (the shape documented in docs/output.md and
 * schema/result.schema.json): generator, framework, options, nodes, units, coverage, warnings.
 *
 * @example
 * ```ts
 * JSON.parse(toJSON(result)).units[0].value; // => "0.8002"
 * ```
 */
export function toJSON(result: ScoreResult, options: { readonly indent?: number } = {}): string {
  checkArgument(isResultLike(result), "toJSON", "the result of score()", result);
  const writer = jsonResultWriter(result, options);
  let text = writer.open;
  result.units.forEach((u, i) => (text += writer.unit(u, i)));
  return text + writer.close(result, result.units.length);
}

/**
 * The units of a result as JSON lines: one unit a line (the objects of {@link toJSON}'s `units`),
 * in result order; the line the streamed CLI writes for each unit too.
 *
 * @example
 * ```ts
 * JSON.parse(toJSONLines(result).split("\n")[0]).value; // => "0.8002"
 * ```
 */
export function toJSONLines(result: ScoreResult): string {
  let text = "";
  for (const u of result.units) text += jsonLine(u);
  return text;
}

/** One unit as a line of JSON. */
export function jsonLine(unit: UnitResult): string {
  return `${JSON.stringify(unit)}\n`;
}
