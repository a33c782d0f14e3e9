/**
 * The `@example` blocks of the TSDoc comments in src/, as runnable checks. The convention (also in
 * the README's "Contributing" section):
 *
 * - A line `expression; // => value` checks that the expression equals the value (a JavaScript
 *   literal). A line that is only `// => value` checks the statement just before it (an expression,
 *   or the variable a `const` declares). Text after two spaces, or in parentheses, is a comment.
 * - `call(); // throws DtiError CODE: …` checks that the call throws an error naming each
 *   upper-case code of the comment.
 * - `…` inside a string stands for any text; `…` as an element of an object or array stands for
 *   more fields or elements (the rest of the value is then matched, not compared whole).
 * - Names in scope without an import: everything `dti`, `dti/csv`, `dti/analysis`, `dti/formula`,
 *   `dti/xlsx` and `dti/notebook` export (where names clash, such as `score`, the plain function
 *   of `dti` wins), everything the example's own module exports, and the samples `fw` (the DTI
 *   2022 province framework), `rows` (its published top five, fixtures/dti-2022-province-top5.csv),
 *   `result` (`score(fw, rows)`), `table` (the 63-province sample with the region column) and
 *   `twoYears` (the 63 provinces scored for 2022 and 2023). An `import` from `dti/notebook` (or
 *   another entry) binds that entry's names; an example of an internal helper imports the other
 *   modules it uses by their path from its file (`import { ratFromDecimal } from "../number/rational.ts"`).
 * - Examples with `// =>` or `// throws` run; the others (notebook cells, files, streams) are
 *   only compiled.
 */
import { readFileSync } from "node:fs";
import { filesUnder } from "./files.ts";

/** One `@example` code block. */
export interface TsdocExample {
  readonly file: string;
  /** The line of the block's first code line in the file. */
  readonly line: number;
  /** The declaration it documents (`export function x` …), for messages. */
  readonly of: string;
  readonly code: string;
}

/** Every ```ts block under an `@example` tag of a doc comment in `dir`. */
export function tsdocExamples(dir = "src"): TsdocExample[] {
  const out: TsdocExample[] = [];
  for (const file of filesUnder(dir, /\.ts$/u)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//gu)) {
      const comment = m[0];
      const at = comment.indexOf("@example");
      if (at < 0) continue;
      const after = text.slice((m.index ?? 0) + comment.length).trimStart();
      const of = after.split("\n")[0]?.slice(0, 80) ?? "";
      const startLine = text.slice(0, m.index).split("\n").length;
      const lines = comment.split("\n");
      let inBlock = false;
      let seenExample = false;
      let block: string[] = [];
      let blockLine = 0;
      lines.forEach((raw, i) => {
        const line = raw.replace(/^\s*\*( |$)/u, "");
        if (line.includes("@example")) seenExample = true;
        if (!seenExample) return;
        if (/^```(ts|typescript|js)?\s*$/u.test(line.trim()) && !inBlock) {
          inBlock = true;
          block = [];
          blockLine = startLine + i + 1;
          return;
        }
        if (line.trim() === "```" && inBlock) {
          inBlock = false;
          out.push({ file, line: blockLine, of, code: block.join("\n") });
          return;
        }
        if (inBlock) block.push(line);
      });
    }
  }
  return out;
}

/** A `// =>` check: the statement's code, the expected value's source, and its line in the block. */
export interface ExampleCheck {
  readonly expression: string;
  readonly expected: string;
  readonly line: number;
}

/** Splits `value  (comment)` or `value (comment)` into the value's source, trying the longest that parses. */
export function expectedSource(text: string, parses: (source: string) => boolean): string {
  const t = text.trim();
  if (parses(t)) return t;
  for (const cut of [/\s{2,}[\s\S]*$/u, /\s+\([^)]*\)\s*$/u, /\s+\(.*$/u]) {
    const c = t.replace(cut, "").trim();
    if (c !== t && parses(c)) return c;
  }
  return t;
}
