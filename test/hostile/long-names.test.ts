// Unit names, headers and values of hundreds of thousands of characters: every message quotes them
// cut (first 80 characters, "…" and the length), so 20 such names give kilobytes of stderr, not
// the 80 MB they gave when each message quoted them in full.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cutText, formatIssue, QUOTE_LIMIT, showList, showValue } from "../../src/errors.ts";
import { cli } from "../cli/helpers.ts";

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
