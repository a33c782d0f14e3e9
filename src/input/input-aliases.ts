/**
 * Every spelling a column may use for an indicator input (id, names, short label, "Chỉ số <name>",
 * a ratio's input keys, a code in final parentheses), and the computed nodes' names.
 *
 * @module
 */
import { inputKeys } from "../framework/input-keys.ts";
import type { Framework, FrameworkNode, IndicatorNode } from "../framework/types.ts";
import { normalizeKey } from "../text/normalize-key.ts";

/** The value of a spelling shared by two inputs. */
export const AMBIGUOUS = "\u0000ambiguous";

/**
 * Builds the map from every accepted spelling of an indicator input to its key: for a one-input
 * leaf its id, Vietnamese and English names, short label and "Chỉ số <name>"; for a ratio its two
 * input keys. A spelling shared by two inputs is marked ambiguous.
 */
export function inputAliases(framework: Framework): { inputs: Map<string, string>; computed: Map<string, string> } {
  const inputs = new Map<string, string>();
  const computed = new Map<string, string>();
  const add = (map: Map<string, string>, alias: string | undefined, key: string) => {
    if (alias === undefined || alias.trim() === "") return;
    const k = normalizeKey(alias);
    const prev = map.get(k);
    map.set(k, prev === undefined || prev === key ? key : AMBIGUOUS);
  };
  const names = (n: { id: string; name: { vi: string; en?: string }; short?: string }) => [
    n.id, n.name.vi, n.name.en, n.short, `chỉ số ${n.name.vi}`,
  ];
  const visit = (node: FrameworkNode) => {
    if (node.rule !== undefined) {
      for (const { key, text } of inputSpellings(node)) add(inputs, text, key);
      return;
    }
    for (const alias of names(node)) add(computed, alias, node.id);
    node.children.forEach(visit);
  };
  visit(framework.root);
  for (const view of framework.views ?? []) for (const alias of names(view)) add(computed, alias, view.id);
  return { inputs, computed };
}

/** One accepted spelling of a leaf's input, and which field of the leaf it comes from. */
export interface InputSpelling {
  /** The input key the spelling reads. */
  readonly key: string;
  /** `id`, `name.vi`, `name.en`, `short`, `"Chỉ số" + name.vi`, or (a ratio) `numerator` / `denominator`. */
  readonly field: string;
  readonly text: string;
}

/**
 * Every spelling a column (or a long-form indicator name) may use for a leaf's input: for a
 * one-input leaf its id, Vietnamese and English names, short label and "Chỉ số <name>"; for a
 * ratio its two input keys.
 *
 * @example
 * ```ts
 * inputSpellings({ id: "awareness", name: { vi: "Nhận thức số" }, rule: { type: "value" } }).map((s) => s.text);
 * // => ["awareness", "Nhận thức số", "chỉ số Nhận thức số"]
 * ```
 */
export function inputSpellings(node: IndicatorNode): InputSpelling[] {
  const keys = inputKeys(node);
  if (keys.length !== 1) return keys.map((key, i) => ({ key, field: i === 0 ? "numerator" : "denominator", text: key }));
  const key = keys[0] as string;
  const out: InputSpelling[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text !== undefined && text.trim() !== "") out.push({ key, field, text });
  };
  add("id", node.id);
  add("name.vi", node.name.vi);
  add("name.en", node.name.en);
  add("short", node.short);
  add('"Chỉ số" + name.vi', `chỉ số ${node.name.vi}`);
  return out;
}

/** Every input key of the framework by its normalised spelling. */
export function inputKeyIndex(framework: Framework): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: FrameworkNode) => {
    if (node.rule === undefined) return node.children.forEach(visit);
    for (const k of inputKeys(node)) out.set(normalizeKey(k), k);
  };
  visit(framework.root);
  return out;
}

/**
 * The input a header names by its code in final parentheses, as templates write them: "Nhận thức
 * số (awareness)", "Hộ có cáp quang: tử số (fibre.a)". Only an input key counts as a code, so
 * "Tỷ lệ (%)" stays an unknown column.
 *
 * @example
 * ```ts
 * codedInput("nhận thức số (awareness)", new Map([["awareness", "awareness"]])); // => "awareness"
 * ```
 */
export function codedInput(key: string, keys: ReadonlyMap<string, string>): string | undefined {
  const m = /\(([^()]+)\)$/u.exec(key);
  return m === null ? undefined : keys.get((m[1] as string).trim());
}

/** The names (id, Vietnamese, English, short) of the indicator inputs that have no column yet. */
export function unmatchedInputNames(framework: Framework, matched: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const visit = (node: FrameworkNode) => {
    if (node.rule === undefined) return node.children.forEach(visit);
    const keys = inputKeys(node);
    if (keys.length === 1) {
      if (!matched.has(keys[0] as string)) for (const n of [node.name.vi, node.name.en, node.short, node.id]) if (n !== undefined) out.push(n);
    } else for (const k of keys) if (!matched.has(k)) out.push(k);
  };
  visit(framework.root);
  return out;
}

/** True when `alias` resolved to an input key (not an ambiguous spelling). */
export function isInputKey(value: string | undefined): value is string {
  return value !== undefined && value !== AMBIGUOUS;
}
