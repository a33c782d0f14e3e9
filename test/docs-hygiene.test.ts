/**
 * What a maintainer relies on when reading the code and the docs: comments and docs say why in
 * the project's own terms, never by a tracker's issue number (a number means nothing to a reader
 * of the code, and it outlives the tracker); and a test file a comment or a doc points to exists.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filesUnder as files } from "./helpers/files.ts";

const code = [...files("src", /\.ts$/u), ...files("test", /\.ts$/u), ...files("test-deno", /\.ts$/u), ...files("scripts", /\.mjs$/u), ...files("bench", /\.mjs$/u), "tsup.config.ts", "vitest.config.ts"];
const docs = ["README.md", ...files("docs", /\.md$/u)];

/** The comment text of a source file: `//` line comments and `/* … *\/` blocks (strings are not comments). */
function comments(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:"'`\\])\/\/[^\n]*/gu)) out.push(...m[0].split("\n"));
  return out;
}

/** A tracker's issue or pull-request number ("issue", "PR" or "#" and digits); links to other projects' trackers are citations and pass. */
const ISSUE_NUMBER = /\b(?:issues?|PR|pull request)\s*#?\d+|(?:^|[\s(,[])#\d{1,5}\b(?![\w-])/iu;
const withoutUrls = (line: string) => line.replace(/https?:\/\/\S+/gu, "");

describe("hygiene of comments and docs", () => {
  it("no issue numbers in comments or docs", () => {
    const found: string[] = [];
    for (const f of code) {
      for (const line of comments(readFileSync(f, "utf8"))) if (ISSUE_NUMBER.test(withoutUrls(line))) found.push(`${f}: ${line.trim()}`);
    }
    for (const f of docs) {
      readFileSync(f, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (ISSUE_NUMBER.test(withoutUrls(line))) found.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("every test path a comment or a doc names exists", () => {
    const missing: string[] = [];
    const sources = [...code.map((f) => [f, comments(readFileSync(f, "utf8")).join("\n")] as const), ...docs.map((f) => [f, readFileSync(f, "utf8")] as const)];
    for (const [f, text] of sources) {
      for (const m of text.matchAll(/\b(test(?:-deno)?\/[\w./-]*\w)/gu)) {
        const path = m[1] as string;
        if (!existsSync(path)) missing.push(`${f}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("sees what it checks", () => {
    expect(ISSUE_NUMBER.test("see issue #13")).toBe(true);
    expect(ISSUE_NUMBER.test("fixed in (#7)")).toBe(true);
    expect(ISSUE_NUMBER.test("PR 12 and issue 3")).toBe(true);
    expect(ISSUE_NUMBER.test(withoutUrls("https://github.com/x/y/issues/65"))).toBe(false);
    expect(ISSUE_NUMBER.test("color: #166534; and &#39;")).toBe(false);
    expect(comments('const a = "// not a comment"; // a comment\n/* block\n * two */')).toEqual(["// a comment", "/* block", " * two */"]);
    expect(code.length).toBeGreaterThan(300);
  });
});
