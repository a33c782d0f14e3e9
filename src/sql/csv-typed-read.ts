/**
 * A checked faster way to read a CSV file's numbers in DuckDB: the number columns read by
 * `read_csv` as DECIMAL(18, inputDecimals), instead of as text that the query checks and parses
 * cell by cell (most of the query's time on a wide file).
 *
 * DuckDB's DECIMAL reading takes what the text path refuses or reads otherwise: more decimals than
 * inputDecimals (rounded), exponents ("1e2"), "_" between digits, a trailing "." ("5."), tabs, form
 * feeds and line breaks around a number. So the file's bytes are scanned for any of these first,
 * anywhere in the file (a unit's name can only make the scan say no); and a typed query that fails
 * (a blank word with spaces around it is not a DECIMAL; a value out of range) is run again over the text,
 * whose answer, values or errors naming the row and column, is the one given. Either way the
 * result is the text path's. Blank words ("NA", "null", in any case) are read as NULL by both:
 * the typed read is first tried without them (DuckDB compares every cell with every spelling
 * given, 29 of them: a third of its reading time), and where a cell is one, that read stops and
 * the typed read that takes them runs. A blank word with spaces around it (" NA ") stops that one
 * too: DuckDB's message quotes the cell, which is then given to the next typed read as a blank
 * spelling of its own (a few at most), so only files that have such cells pay for them.
 *
 * @module
 */
import { isBlank, MISSING_WORDS } from "../input/blank-cell.ts";
import { sqlText } from "./dialect.ts";
import type { InputKeys } from "./input-sql.ts";
import type { SqlColumns } from "./options.ts";

/** Most decimals the typed read is used for (DECIMAL(18, places) keeps 18 − places whole digits). */
const MAX_PLACES = 12;

/**
 * The columns read as DECIMAL(18, places): those only numbers are read from (not an identity, a
 * ranked or note column, or a label's). Empty when the typed read does not apply.
 */
export function typedCsvColumns(input: InputKeys, inputs: Readonly<Record<string, string | null>> | undefined, columns: SqlColumns, places: number): string[] {
  if (places > MAX_PLACES) return [];
  const source = (key: string) => (inputs?.[key] === undefined ? key : inputs[key]);
  const text = new Set<string | null | undefined>([columns.unit ?? "unit", columns.code, columns.group, columns.year, columns.ranked, columns.rankNote]);
  input.keys.forEach((key, j) => {
    if (!input.numeric.has(j)) text.add(source(key));
  });
  const numbers = input.keys.flatMap((key, j) => {
    const column = source(key);
    return input.numeric.has(j) && column !== null && !text.has(column) ? [column] : [];
  });
  return [...new Set(numbers)];
}

/** Every spelling of a word in upper and lower case ("na": "na", "nA", "Na", "NA"). */
function caseSpellings(word: string): string[] {
  let out = [""];
  for (const ch of word) {
    const both = [...new Set([ch.toLowerCase(), ch.toUpperCase()])];
    out = out.flatMap((head) => both.map((c) => head + c));
  }
  return out;
}

/**
 * `read_csv` as the text path calls it (see `sourceSql`), the given columns read as
 * DECIMAL(18, places); with `blankWords`, the blank words (`isBlank`'s, in every case, and the
 * spaced spellings given) read as NULL: the text path reads them as blanks in every column it
 * reads, so they need not stop the typed read. Without, a blank word stops it, as one with spaces
 * around it not given does.
 */
export function typedCsvReader(file: string, delimiter: string | undefined, typed: readonly string[], places: number, blankWords: readonly string[] | undefined): string {
  const types = `{${typed.map((c) => `${sqlText(c)}: 'DECIMAL(18,${places})'`).join(", ")}}`;
  const nulls = blankWords !== undefined ? `, nullstr = [${[...MISSING_WORDS.flatMap(caseSpellings), ...blankWords].map(sqlText).join(", ")}]` : "";
  return `SELECT * FROM read_csv(${sqlText(file)}, header = true, all_varchar = true${delimiter === undefined ? "" : `, delim = ${sqlText(delimiter)}`}, types = ${types}${nulls})`;
}

/** A typed query and the scan of its file (see `csvNumbersReadable`). */
export interface TypedQuery {
  /** The query reading the numbers as DECIMALs, without the blank words. */
  readonly sql: string;
  /** The same query taking the blank words as NULL, and the spaced spellings given: run where `sql` stops. */
  readonly blankWords: (spaced: readonly string[]) => string;
  readonly readable: () => Promise<boolean>;
}

/** Most spaced blank spellings given to the typed read before the text path answers. */
const MAX_SPACED = 4;

/**
 * The cell a typed read stopped at, when it is a blank word with spaces around it (" NA ", "  "):
 * DuckDB's message says `Could not convert string " NA " to 'DECIMAL'`. Undefined for any other
 * failure, or a message said otherwise (the text path answers then).
 */
export function spacedBlankWord(failure: unknown): string | undefined {
  const cause = failure instanceof Error && failure.cause instanceof Error ? failure.cause : failure;
  const cell = /Could not convert string "([^"\n]*)" to/u.exec(cause instanceof Error ? cause.message : String(cause))?.[1];
  return cell !== undefined && /^ *[^\s]* *$/u.test(cell) && cell.trim() !== cell && isBlank(cell) ? cell : undefined;
}

/**
 * Runs `run` on the typed query while its file is scanned, and keeps its answer when the file is
 * readable and the query ran; where it stopped, runs the typed query that takes the blank words,
 * again with each spaced blank word it stops at (up to {@link MAX_SPACED}); otherwise, or where
 * that stops on anything else, runs `run` on the text query `sql`.
 */
export async function runTyped<T>(typed: TypedQuery | undefined, sql: string, run: (sql: string) => Promise<T>): Promise<T> {
  const ran = (query: string) => run(query).then((value) => ({ value }), (failure: unknown) => ({ failure }));
  if (typed !== undefined) {
    const [answer, readable] = await Promise.all([ran(typed.sql), typed.readable().catch(() => false)]);
    if (!readable) return run(sql);
    let kept = answer;
    const spaced: string[] = [];
    for (let attempt = 0; "failure" in kept && spaced.length <= MAX_SPACED; attempt++) {
      const word = spacedBlankWord(kept.failure);
      const fresh = word !== undefined && !spaced.includes(word);
      if (attempt > 0 && !fresh) break;
      if (fresh) spaced.push(word);
      kept = await ran(typed.blankWords(spaced));
    }
    if ("value" in kept) return kept.value;
  }
  return run(sql);
}
