// The CSV numbers read as DECIMALs (csv-typed-read.ts) and the row check of plain cells
// (input-sql.ts): the same answer as the text path, values or errors, for every spelling the two
// could read differently.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getFramework, score } from "../../src/index.ts";
import { parseCsv } from "../../src/csv.ts";
import { DtiError } from "../../src/errors.ts";
import { rowsToResult } from "../../src/sql.ts";
import { csvNumbersReadable, MAX_SCAN_PLACES, scanBytes, scanTable } from "../../src/sql/csv-number-scan.ts";
import { runTyped } from "../../src/sql/csv-typed-read.ts";
import { duckDbFileQuery, openDuckDb, scoreFileWithDuckDb } from "../../src/sql/duckdb.ts";
import { differences } from "./engine-helpers.ts";
import { exponentCsv } from "./number-spellings.ts";

const dir = mkdtempSync(join(tmpdir(), "dti-typed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const framework = getFramework("vn-dti-2020-province");
let n = 0;
const csvFile = (text: string) => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
};
const wide = (cell: string) => csvFile(`unit,government,economy,society\nHuế,0.5,0.25,0.75\nĐà Nẵng,${cell},0.5,0.125\n`);

/** What a query gives: its rows, or its first issue. */
const outcome = (p: Promise<unknown>) => p.then((rows) => ({ rows }), (e: unknown) => ({ issue: e instanceof DtiError ? e.issues[0] : String(e) }));

/** The text query's answer, the typed queries' (without and with the blank words), and the file's scan. */
async function sides(file: string, options: { missing?: "zero" } = {}) {
  const session = await openDuckDb();
  try {
    const q = await duckDbFileQuery(session, framework, file, options);
    const typed = q.typed === undefined ? undefined : [await outcome(session.query(q.typed.sql)), await outcome(session.query(q.typed.blankWords([])))];
    return { text: await outcome(session.query(q.sql)), typed, readable: await q.typed?.readable() };
  } finally {
    session.close();
  }
}

describe("csvNumbersReadable: the spellings DuckDB's DECIMAL reading reads otherwise", () => {
  it("finds a plain file readable, and each such spelling not", async () => {
    expect(await csvNumbersReadable(wide("0.125"), 6)).toBe(true);
    expect(await csvNumbersReadable(wide(" 0.125 "), 6)).toBe(true);
    for (const cell of ["1e-3", "1E2", ".5e1", "1_0", "5.", "0.1234567", "0.1000000", "\t0.5", "0.5\v", "\f1", '"0.5\n"', '"\r\n0.5"']) {
      expect(await csvNumbersReadable(wide(cell), 6), JSON.stringify(cell)).toBe(false);
    }
    expect(await csvNumbersReadable(wide("0.1234567"), 7)).toBe(true);
    expect(await csvNumbersReadable(csvFile("unit,government\nA,5."), 6)).toBe(false);
    // Past the most decimals the scan is made for, never readable (the typed read is not used).
    expect(await csvNumbersReadable(wide("0.125"), MAX_SCAN_PLACES)).toBe(true);
    expect(await csvNumbersReadable(wide("0.125"), MAX_SCAN_PLACES + 1)).toBe(false);
  });
});

describe("the scan's table, read in two halves at once", () => {
  const scan = scanTable(6);
  /** Whether `text` is readable, scanned whole, or in two reads split at `split`. */
  const readable = (text: string, split?: number) => {
    const bytes = Buffer.from(text, "latin1");
    const first = split === undefined ? scanBytes(scan, bytes, bytes.length, 1) : scanBytes(scan, bytes.subarray(0, split), split, 1);
    const state = split === undefined || first === 0 ? first : scanBytes(scan, bytes.subarray(split), bytes.length - split, first);
    return state !== 0 && scan.atEnd[state] === 1;
  };
  const plain = "Huế,0.5,0.25,0.75\nĐà Nẵng,0.125,1,0.5\n".repeat(8);

  it("finds each spelling wherever it stands: in either half, on the cut between them, across two reads", () => {
    expect(readable(plain)).toBe(true);
    for (const cell of ["1e-3", "1E2", ".5e1", "1_0", "5.", "0.1234567", "\t0.5", "0.5\v", "\f1", '"0.5\n"', '"\r\n0.5"']) {
      for (let at = 0; at <= plain.length; at += 3) {
        const text = `${plain.slice(0, at)},${cell},${plain.slice(at)}`;
        expect(readable(text), JSON.stringify([cell, at])).toBe(false);
        expect(readable(text, at + 2), JSON.stringify([cell, at, "split"])).toBe(false);
      }
    }
  });

  it("reads decimals and the end of the file across the cut and across reads", () => {
    // Six decimals on either side of every cut are readable; seven are not.
    const six = "A,0.123456,".repeat(20);
    const seven = `${six}A,0.1234567,${six}`;
    for (let split = 0; split <= six.length; split++) expect(readable(six, split), String(split)).toBe(true);
    for (let split = 0; split <= seven.length; split++) expect(readable(seven, split), String(split)).toBe(false);
    expect(readable(`${six}A,5.`)).toBe(false);
    expect(readable(`${six}A,5.`, six.length + 3)).toBe(false);
    expect(readable(`${six}A,.5`)).toBe(true);
  });

  it("resets at a comma or a letter, not at a digit, a point, a quote or a line break", () => {
    const resets = (ch: string) => scan.resets[ch.charCodeAt(0)] === 1;
    expect([",", ";", "a", " "].every(resets)).toBe(true);
    expect(["7", ".", '"', "\n", "\r", "_"].some(resets)).toBe(false);
  });
});

describe("the typed read and the row check give the text path's answer", () => {
  it.each(["0.125", " 0.125", "+0.125", ".125", "1e-3", "1_0", "5.", "0.1234567", "\t0.5", "NA", "na", "#N/A", "nULl", '"N/A"', " NA ", "", "abc", '"0,125"', '"0.5;0.25"', "1234567890123", "-0"])("%j", async (cell) => {
    const file = wide(cell);
    const { text, typed, readable } = await sides(file, { missing: "zero" });
    // Where the scan lets a typed query's answer stand, it is the text query's.
    for (const answer of typed ?? []) if (readable === true && "rows" in answer) expect(answer).toEqual(text);
    const actual = await outcome(scoreFileWithDuckDb(framework, file, { missing: "zero" }).then((r) => r.units.map((u) => [u.unit, u.value, u.rank])));
    const expected = "rows" in text ? { rows: expect.any(Array) } : text;
    expect(actual).toMatchObject(expected);
  }, 60_000);

  it("a cell holding the row check's separator is not a number", async () => {
    const { text } = await sides(wide('"0.5;0.25"'));
    expect(text).toMatchObject({ issue: { code: "DATA_NOT_A_NUMBER", node: "government", unit: "Đà Nẵng" } });
  }, 60_000);

  /** The queries `runTyped` ran on `file` (the text query, the first typed one, one taking the blank words, "spaced" one that also takes spaced ones), and where its result differs from score()'s. */
  async function typedRuns(file: string): Promise<{ ran: string[]; differs: string[] }> {
    const expected = score(framework, parseCsv(readFileSync(file, "utf8")), { missing: "zero" });
    const session = await openDuckDb();
    try {
      const q = await duckDbFileQuery(session, framework, file, { missing: "zero" });
      const ran: string[] = [];
      const rows = await runTyped(q.typed, q.sql, (sql) => {
        ran.push(sql === q.sql ? "text" : sql === q.typed?.sql ? "typed" : sql === q.typed?.blankWords([]) ? "blank words" : "spaced");
        return session.query(sql);
      });
      return { ran, differs: differences(expected, rowsToResult(framework, rows, q.sqlOptions)) };
    } finally {
      session.close();
    }
  }

  it("blank words in every case, read by the typed query that takes them (not the text query), scored as score() scores them; a file without, by the first typed query alone", async () => {
    const withWords = csvFile(`unit,government,economy,society\nHuế,NA,0.25,0.75\nĐà Nẵng,n/a,"#N/A",null\nHội An,0.5,Na,NULL\nN/A Town,0.125,0.5,\n`);
    const without = csvFile(`unit,government,economy,society\nHuế,,0.25,0.75\nHội An,0.5,0.125,0.5\n`);
    expect(await typedRuns(withWords)).toEqual({ ran: ["typed", "blank words"], differs: [] });
    expect(await typedRuns(without)).toEqual({ ran: ["typed"], differs: [] });
  }, 60_000);

  it("blank words with spaces around them, each spelling given to the next typed read (not the text query), scored as score() scores them; past five spellings, or with a tab, the text query", async () => {
    const spaced = csvFile(`unit,government,economy,society\nHuế, NA ,0.25,0.75\nĐà Nẵng,n/a  ,"#N/A", null\nHội An,0.5, NA ,NULL\nN/A Town,0.125,0.5,   \n`);
    const many = csvFile(`unit,government,economy,society\nHuế, NA ,0.25,0.75\nĐà Nẵng, na,  na , null\nHội An, n/a, N/A ,0.5\n`);
    const tab = csvFile(`unit,government,economy,society\nHuế,\tNA,0.25,0.75\n`);
    // A spaced word first: the read that takes the blank words has it already; one read more for each other spelling DuckDB stops at.
    const { ran, differs } = await typedRuns(spaced);
    expect(differs).toEqual([]);
    expect(ran[0]).toBe("typed");
    expect(ran.slice(1).every((r) => r === "spaced") && ran.length >= 2 && ran.length <= 5, ran.join(", ")).toBe(true);
    expect(await typedRuns(many)).toMatchObject({ ran: expect.arrayContaining(["text"]), differs: [] });
    expect(await typedRuns(tab)).toMatchObject({ ran: expect.arrayContaining(["text"]), differs: [] });
  }, 60_000);

  it("numbers in exponent form, which the typed read leaves to the text path, scored as score() scores them", async () => {
    const { text, expected } = exponentCsv();
    expect(differences(expected, await scoreFileWithDuckDb(framework, csvFile(text), { missing: "zero" }))).toEqual([]);
  }, 60_000);
});
