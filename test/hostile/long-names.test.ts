// Unit names, headers and values of hundreds of thousands of characters: every message quotes them
// cut (first 80 characters, "…" and the length), so 20 such names give kilobytes of stderr, not
// the 80 MB they gave when each message quoted them in full.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cutText, type DtiError, formatIssue, QUOTE_LIMIT, showList, showValue } from "../../src/errors.ts";
import { cli } from "../cli/helpers.ts";
import { defineFramework, getFramework, score, scoreStream } from "../../src/index.ts";
import type { UnitInput } from "../../src/input/unit-input.ts";
import { mergeUnits } from "../../src/score/merge-units.ts";

// Just under MAX_NAME_LENGTH (10,000): longer names are refused as DATA_TOO_LARGE before any
// message could quote them.
const LONG = 9_000;
/** 20 names of 9,000 characters, each different in its first characters. */
const name = (i: number) => `Hà Nội ${String(i).padStart(2, "0")} ${"x".repeat(LONG - 10)}`;
const HEADER = "unit,government,economy,society";
const rows = (row: (i: number) => string) => `${HEADER}\n${Array.from({ length: 20 }, (_, i) => row(i)).join("\n")}\n`;

const CASES: Record<string, string> = {
  "values that are not numbers": rows((i) => `${name(i)},abc,0.5,0.5`),
  "the same name 20 times": rows(() => `${name(0)},0.5,0.5,0.5`),
  "blank values under missing: error": rows((i) => `${name(i)},,0.5,0.5`),
  "values out of range": rows((i) => `${name(i)},2,0.5,0.5`),
  "long cells that are not numbers": rows((i) => `Unit ${i},${"9".repeat(LONG)}x,0.5,0.5`),
  "an unknown column with a 9,000-character header": `${HEADER},${"H".repeat(LONG)}\nA,0.5,0.5,0.5,1\n`,
  "codes shared by different long names": `unit,code,government,economy,society\n${Array.from({ length: 20 }, (_, i) => `${name(i)},01,0.5,0.5,0.5`).join("\n")}\n`,
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("messages quote long names cut, with their length", () => {
  it("showValue, cutText and showList cut at 80 characters and count with separators", () => {
    expect(showValue("abc")).toBe('"abc"');
    expect(showValue("x".repeat(QUOTE_LIMIT))).toBe(JSON.stringify("x".repeat(QUOTE_LIMIT)));
    expect(showValue(`Hà Nội${"x".repeat(LONG - 6)}`)).toBe(`"Hà Nội${"x".repeat(74)}…" (9,000 characters)`);
    expect(cutText("y".repeat(1234), 3)).toBe("yyy… (1,234 characters)");
    // A surrogate pair is never split (no lone surrogate escaped as \ud83d).
    expect(showValue(`${"a".repeat(79)}😀${"b".repeat(100)}`)).toBe(`"${"a".repeat(79)}…" (181 characters)`);
    expect(showList(Array.from({ length: 1000 }, (_, i) => `c${i}`), 3)).toBe('"c0", "c1", "c2" and 997 more');
    expect(showList(["a", "b"], 10, cutText)).toBe("a, b");
    const issue = formatIssue({ code: "DATA_NOT_A_NUMBER", severity: "error", message: "m", row: 2, column: "c".repeat(LONG), unit: name(1), node: "n".repeat(LONG), path: "p".repeat(LONG) });
    expect(issue.length).toBeLessThan(400);
    expect(issue).toContain("(9,000 characters)");
  });

  it.each(Object.entries(CASES))("%s: score (and for one case validate) prints under 64 KB to stderr (exit 1)", async (what, csv) => {
    for (const command of what === "the same name 20 times" ? ["score", "validate"] : ["score"]) {
      const r = await cli([command, "-", "--framework", "vn-dti-2020-province"], { "-": csv });
      expect(r.code, r.stderr.slice(0, 300)).toBe(1);
      expect(r.stderr.length).toBeLessThan(64 * 1024);
      expect(r.stderr).toMatch(/\(9,0\d\d characters\)/u);
    }
  }, 60_000);

  it("the streaming path too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-long-"));
    dirs.push(dir);
    const file = join(dir, "names.csv");
    writeFileSync(file, CASES["values that are not numbers"] as string);
    const r = await cli(["score", file, "--framework", "vn-dti-2020-province", "--stream"]);
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(64 * 1024);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("error DATA_NOT_A_NUMBER"))).toHaveLength(20);
  }, 60_000);
});

describe("messages of the merge, the stream and category rules quote long strings cut", () => {
  const long = (tag: string) => `${tag} ${"x".repeat(LONG)}`;
  const unit = (name: string, group?: string): UnitInput => ({ unit: name, row: 2, values: new Map(), ...(group === undefined ? {} : { group }) });

  it("mergeUnits: a unit mapped twice, an unknown unit, a target near a unit, members in different groups", () => {
    const units = [unit(long("A"), long("G1")), unit(long("B"), long("G2")), unit(`${long("C")} tail`)];
    const mapping = [
      { unit: long("A"), into: long("T1") },
      { unit: long("A"), into: long("T2") },
      { unit: long("Z"), into: long("T3") },
      { unit: long("B"), into: long("T1") },
      { unit: long("A"), into: long("C") },
    ];
    const { issues } = mergeUnits(units, mapping);
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(["DATA_MERGE_INVALID", "DATA_MERGE_UNKNOWN_UNIT"]));
    for (const issue of issues) {
      expect(issue.message.length, issue.message.slice(0, 200)).toBeLessThan(600);
      expect(issue.message).toMatch(/\(9,0\d\d characters\)/u);
    }
  });

  it("scoreStream: a record key and an unknown rankNodes id", async () => {
    const fw = getFramework("vn-dti-2020-province")!;
    const key = "k".repeat(LONG);
    const records = [{ unit: "A", government: 0.5, economy: 0.5, society: 0.5 }, { unit: "B", government: 0.5, economy: 0.5, society: 0.5, [key]: 1 }];
    const stream = scoreStream(fw, records, { maxIssues: 10 });
    for await (const _ of stream) void _;
    const issues = stream.summary().errors;
    expect(issues.map((i) => i.code)).toContain("DATA_NOT_A_ROW");
    for (const issue of issues) expect(issue.message.length).toBeLessThan(600);
    expect(() => scoreStream(fw, records, { rankNodes: [key] })).toThrow(/\(9,000 characters\)/u);
  });

  it("a categorical rule lists at most 20 labels", () => {
    const labels = Array.from({ length: 200 }, (_, i) => `label ${i} ${"y".repeat(LONG)}`);
    const fw = defineFramework({
      id: "cats",
      version: "1.0.0",
      title: { vi: "Nhãn" },
      level: "ward",
      source: { decision: "1/QĐ-TEST", date: "2025-01-01" },
      root: { id: "root", name: { vi: "Gốc" }, children: [{ id: "c", name: { vi: "C" }, weight: 1, rule: { type: "categorical", categories: labels.map((label, i) => ({ label, score: i / 200 })) } }] },
    });
    const thrown = (() => {
      try {
        score(fw, [{ unit: "A", c: "none of them" }]);
      } catch (e) {
        return e as DtiError;
      }
      throw new Error("score did not refuse an unknown category");
    })();
    const message = thrown.issues[0]!.message;
    expect(thrown.issues[0]!.code).toBe("DATA_UNKNOWN_CATEGORY");
    expect(message.length).toBeLessThan(4000);
    expect(message).toContain("and 180 more");
  });
});
