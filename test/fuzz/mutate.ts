/**
 * A seeded generator of broken inputs for the fuzz tests: byte flips, truncations, random quotes,
 * delimiters and line breaks, duplicated or swapped lines, huge and odd numbers, prototype keys,
 * BOMs, NULs and replacement characters. Deterministic for a seed, so a failure can be replayed.
 */

import { prng } from "../helpers/prng.ts";

export { prng };

const PIECES = [
  '"', '""', ",", ";", "\t", "\n", "\r\n", "\r", "\uFEFF", "\u0000", "\uFFFD", " ", "\u00A0", "{", "}", "[", "]", ":",
  "1e309", "-1e309", "1e-400", "NaN", "Infinity", "-0", "9".repeat(400), "0," + "1".repeat(60), "-5", "1.234.567,89",
  "__proto__", "constructor", "hasOwnProperty", '"__proto__"', "null", "true", "NA", "#N/A", "%", "Nhận thức số",
  "Hà Nội", "Ha\u0300 Nô\u0323i", "𝔘", "\uD800", "\\", "\\u0000", "children", '"children":[', "weight", "maxPoints", "0",
];

export type Mutation = (text: string, rnd: () => number) => string;

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const at = (rnd: () => number, text: string) => Math.floor(rnd() * (text.length + 1));

/** Every mutation, by name (the name goes into a failure message). */
export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  flip: (t, r) => {
    if (t.length === 0) return t;
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x3000)) + t.slice(i + 1);
  },
  insert: (t, r) => {
    const i = at(r, t);
    return t.slice(0, i) + pick(r, PIECES) + t.slice(i);
  },
  replace: (t, r) => {
    const i = at(r, t);
    const n = Math.floor(r() * 12);
    return t.slice(0, i) + pick(r, PIECES) + t.slice(i + n);
  },
  remove: (t, r) => {
    const i = at(r, t);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20));
  },
  truncate: (t, r) => t.slice(0, at(r, t)),
  duplicateLine: (t, r) => {
    const lines = t.split("\n");
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i] ?? "");
    return lines.join("\n");
  },
  swapLines: (t, r) => {
    const lines = t.split("\n");
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
    return lines.join("\n");
  },
  number: (t, r) => t.replace(/\d+([.,]\d+)?/u, () => pick(r, ["1e309", "NaN", "-1", "9".repeat(30), "1e-999999", "0,0000000001", "Infinity", "1.5e3", "-0"])),
  normalize: (t, r) => (r() < 0.5 ? t.normalize("NFD") : t.toUpperCase()),
};

const NAMES = Object.keys(MUTATIONS);

/** Applies 1-4 random mutations; returns the text and what was done. */
export function mutate(text: string, rnd: () => number): { text: string; steps: string[] } {
  const steps: string[] = [];
  let out = text;
  const count = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) {
    const name = pick(rnd, NAMES);
    steps.push(name);
    out = (MUTATIONS[name] as Mutation)(out, rnd);
  }
  return { text: out, steps };
}
