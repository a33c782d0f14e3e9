import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { validate } from "../../src/pipeline/score.ts";
import { cliMessage, hinted, optionHint } from "../../src/text/option-hint.ts";
import { cli } from "../cli/helpers.ts";

describe("options named in messages: one spelling at a time", () => {
  it("optionHint writes an option both ways", () => {
    expect(optionHint("unknownColumns", "warn")).toEqual({ option: "unknownColumns", api: 'unknownColumns: "warn"', cli: "--unknown-columns warn" });
    expect(optionHint("ignoreColumns", "Ghi chú")).toEqual({ option: "ignoreColumns", api: 'ignoreColumns: ["Ghi chú"]', cli: '--ignore-column "Ghi chú"' });
    expect(optionHint("columns.unit")).toEqual({ option: "columns.unit", api: "columns.unit", cli: "--unit-column" });
    expect(optionHint("normalisation", "minmax:1:100").api).toBe('normalisation: [{ method: "minmax", range: [1, 100] }]');
    expect(optionHint("normalisation", "minmax:1:100").cli).toBe("--normalisation minmax:1:100");
    expect(optionHint("runs", "10000")).toEqual({ option: "runs", api: "runs: 10000", cli: "--runs 10000" });
  });

  it("hinted records each option it writes; cliMessage swaps them, longest first", () => {
    const built = hinted((o) => `leave it out with ${o("ignoreColumns")}, or use ${o("unknownColumns", "warn")} (${o("unknownColumns")})`);
    expect(built.message).toBe('leave it out with ignoreColumns, or use unknownColumns: "warn" (unknownColumns)');
    const issue = { code: "DATA_UNKNOWN_COLUMN" as const, severity: "error" as const, message: built.message, messageVi: built.message, hints: built.hints };
    expect(cliMessage(issue).message).toBe("leave it out with --ignore-column, or use --unknown-columns warn (--unknown-columns)");
    expect(cliMessage(issue).messageVi).toBe("leave it out with --ignore-column, or use --unknown-columns warn (--unknown-columns)");
    const plain = { code: "DATA_EMPTY" as const, severity: "error" as const, message: "no rows" };
    expect(cliMessage(plain)).toBe(plain);
  });

  it("the library says ignoreColumns and never a CLI flag", () => {
    const report = validate(getFramework("vn-dti-2022-province"), parseCsv("Tỉnh;Ghi chú\nHuế;x\n"), { missing: "zero" });
    const unknown = report.errors.find((e) => e.code === "DATA_UNKNOWN_COLUMN")!;
    expect(unknown.message).toContain('(leave it out with ignoreColumns: ["Ghi chú"], or use unknownColumns: "warn")');
    expect(unknown.message).not.toMatch(/--/u);
    const noUnit = validate(getFramework("vn-dti-2022-province"), parseCsv("Ghi chú\nx\n")).errors.find((e) => e.code === "DATA_NO_UNIT_COLUMN")!;
    expect(noUnit.message).toMatch(/or name it with columns\.unit$/u);
    expect(noUnit.message).not.toMatch(/--/u);
  });

  it("the CLI says --ignore-column and never the library's option name", async () => {
    const r = await cli(["validate", "data.csv", "--framework", "vn-dti-2022-province", "--missing", "zero"], { "data.csv": "Tỉnh;Ghi chú\nHuế;x\n" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(leave it out with --ignore-column "Ghi chú", or use --unknown-columns warn)');
    expect(r.stderr).not.toMatch(/ignoreColumns|unknownColumns/u);
    const noUnit = await cli(["validate", "data.csv", "--framework", "vn-dti-2022-province"], { "data.csv": "Ghi chú\nx\n" });
    expect(noUnit.stderr).toMatch(/or name it with --unit-column$/mu);
    expect(noUnit.stderr).not.toMatch(/columns\.unit/u);
  });

  it("no message of the library mixes the two spellings", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = `${dir}/${f}`;
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk("src");
    // "ignoreColumns / --ignore-column", "columns.unit (--unit-column)": an option and a flag side by side.
    // (option-hint.ts quotes the old form in its comment.)
    const pattern = /\b(?:[a-z]+[A-Z][A-Za-z]*|[a-z]+\.[a-z]+) ?(?:\/ |\()--[a-z]/u;
    const mixed = files.filter((f) => !f.startsWith("src/cli/") && f !== "src/text/option-hint.ts").filter((f) => pattern.test(readFileSync(f, "utf8")));
    expect(mixed).toEqual([]);
  });
});
