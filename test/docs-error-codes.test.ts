// Every issue code of src/errors.ts is in docs/reliability.md's list ("every error code"), so a new
// code cannot be added without documenting it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const source = readFileSync("src/errors.ts", "utf8");
const typeBlock = source.slice(source.indexOf("export type FrameworkIssueCode"), source.indexOf("export type IssueCode"));
const codes = [...new Set([...typeBlock.matchAll(/"([A-Z][A-Z_]+)"/gu)].map((m) => m[1] as string))];
const doc = readFileSync("docs/reliability.md", "utf8");

describe("docs/reliability.md lists every issue code", () => {
  it("finds the codes in src/errors.ts", () => {
    expect(codes.length).toBeGreaterThan(50);
    expect(codes).toContain("DATA_UNKNOWN_COLUMN");
  });
  it.each(codes)("%s", (code) => {
    // The assessment codes are listed in one row, without their ASSESSMENT_ prefix.
    const documented = doc.includes(`\`${code}\``) || (code.startsWith("ASSESSMENT_") && doc.includes(`\`${code.slice("ASSESSMENT_".length)}\``));
    expect(documented).toBe(true);
  });
});
