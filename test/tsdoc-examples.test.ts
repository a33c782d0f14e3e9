/**
 * Every `@example` in the TSDoc of src/ is code that works: examples that show results
 * (`expression; // => value`) run and their values are compared; the others compile. The
 * convention is in test/helpers/tsdoc-examples.ts and the README's "Contributing" section.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import * as analysis from "../src/analysis.ts";
import * as csv from "../src/csv.ts";
import * as formula from "../src/formula.ts";
import * as core from "../src/index.ts";
import * as notebook from "../src/notebook.ts";
import * as report from "../src/report.ts";
import * as xlsx from "../src/xlsx.ts";
import * as sql from "../src/sql.ts";
import { expectedSource, tsdocExamples, type TsdocExample } from "./helpers/tsdoc-examples.ts";

const entries: Record<string, Record<string, unknown>> = { dti: core, "dti/report": report, "dti/csv": csv, "dti/analysis": analysis, "dti/formula": formula, "dti/notebook": notebook, "dti/xlsx": xlsx, "dti/sql": sql };
const fw = core.getFramework("vn-dti-2022-province");
const rows = csv.parseCsv(readFileSync("fixtures/dti-2022-province-top5.csv", "utf8"));
const samples = {
  fw,
  rows,
  result: core.score(fw, rows),
  table: csv.parseCsv(readFileSync("fixtures/provinces-63-synthetic.csv", "utf8")),
  twoYears: core.score(fw, csv.parseCsv(readFileSync("fixtures/provinces-63-synthetic-2years.csv", "utf8"))),
};

const IMPORT = /^\s*import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)";?\s*$/u;
const CHECK = /^(.*?);?\s*\/\/ => (.*)$/u;
const ALONE = /^\s*\/\/ => (.*)$/u;
const THROWS = /^(.*?);?\s*\/\/ throws (.*)$/u;

/** The example as plain JavaScript with its `// =>` lines turned into `__check` calls. */
function runnable(example: TsdocExample): { js: string; checks: number } {
  const out: string[] = [];
  let statementStart = 0;
  let lastStart = 0;
  let checks = 0;
  const check = (statement: string, expected: string, line: number): string => {
    checks++;
    const s = statement.trim().replace(/;$/u, "");
    const declared = /^(?:const|let|var)\s+(\w+)(?:\s*:[^=]+)?\s*=/u.exec(s);
    const value = declared === null ? `(${s})` : declared[1];
    return `${declared === null ? "" : `${s};\n`}await __check(() => ${value}, ${JSON.stringify(expected)}, ${line});`;
  };
  example.code.split("\n").forEach((line, i) => {
    const imported = IMPORT.exec(line);
    if (imported !== null) {
      if (imported[1] === undefined) {
        const names = (imported[2] as string).split(",").map((n) => n.trim()).filter((n) => n !== "" && !n.startsWith("type "));
        out.push(`const { ${names.join(", ")} } = await __import(${JSON.stringify(imported[3])});`);
      }
      statementStart = out.length;
      return;
    }
    const alone = ALONE.exec(line);
    if (alone !== null) {
      // The statement before the line: the one still open, or else the last one completed.
      const from = out.slice(statementStart).some((l) => l.trim() !== "") ? statementStart : lastStart;
      const statement = out.splice(from).join("\n");
      out.push(check(statement, alone[1] as string, example.line + i));
      statementStart = out.length;
      return;
    }
    const throws = THROWS.exec(line);
    if (throws !== null) {
      const statement = [...out.splice(statementStart), throws[1] as string].join("\n").trim().replace(/;$/u, "");
      out.push(`__throws(() => (${statement}), ${JSON.stringify(throws[2])}, ${example.line + i});`);
      statementStart = out.length;
      return;
    }
    const inline = CHECK.exec(line);
    if (inline !== null && (inline[1] as string).trim() !== "" && !/^\s*\/\//u.test(inline[1] as string)) {
      const statement = [...out.splice(statementStart), inline[1] as string].join("\n");
      out.push(check(statement, inline[2] as string, example.line + i));
      statementStart = out.length;
      return;
    }
    out.push(line);
    if (/[;{}]\s*(\/\/.*)?$/u.test(line) || line.trim() === "") {
      if (out.slice(statementStart).some((l) => l.trim() !== "")) lastStart = statementStart;
      statementStart = out.length;
    }
  });
  return { js: transformSync(out.join("\n"), { loader: "ts", format: "esm" }).code, checks };
}

const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/gu;

/** The expected value's source with `…` made into matchers; `partial` when a bare `…` stands for more elements. */
function prepareExpected(source: string): { code: string; partial: boolean } {
  let partial = false;
  let code = "";
  let last = 0;
  const bare = (text: string) =>
    text.replace(/,?\s*…\s*,?/gu, (m) => {
      partial = true;
      return m.startsWith(",") && m.endsWith(",") ? "," : "";
    });
  for (const m of source.matchAll(STRING)) {
    code += bare(source.slice(last, m.index));
    code += m[0].includes("…") ? `__like(${m[0]})` : m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  code += bare(source.slice(last));
  return { code, partial };
}

function like(text: string): unknown {
  const pattern = text.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")).join("[\\s\\S]*");
  return expect.stringMatching(new RegExp(`^${pattern}$`, "u"));
}

function evaluate(code: string, scope: object): unknown {
  return new Function("__scope", "__like", `with (__scope) { return (${code}); }`)(scope, like);
}

async function run(example: TsdocExample): Promise<void> {
  const own = (await import(resolve(example.file))) as Record<string, unknown>;
  // dti/notebook first: its display-wrapped `score`, `explain` … give way to the plain functions.
  const scope = { ...notebook, ...core, ...report, ...csv, ...analysis, ...formula, ...xlsx, ...sql, ...own, ...samples };
  const { js } = runnable(example);
  const checkValue = async (actual: () => unknown, expectedText: string, line: number) => {
    const source = expectedSource(expectedText, (s) => {
      try {
        new Function("__scope", "__like", `with (__scope) { return (${prepareExpected(s).code}); }`);
        return true;
      } catch {
        return false;
      }
    });
    const { code, partial } = prepareExpected(source);
    const expected = evaluate(code, scope);
    let value = actual();
    if (value instanceof Promise) value = await value;
    const where = `${example.file}:${line}`;
    if (partial) expect(value, where).toMatchObject(expected as object);
    else expect(value, where).toEqual(expected);
  };
  /** `// throws DtiError CODE: …`: the call throws, with every upper-case code the comment names. */
  const checkThrows = (f: () => unknown, text: string, line: number) => {
    let thrown: unknown;
    try {
      f();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, `${example.file}:${line} should throw`).toBeDefined();
    const seen = `${(thrown as Error).message} ${JSON.stringify((thrown as { issues?: unknown }).issues ?? "")}`;
    for (const code of text.match(/\b[A-Z][A-Z_]{3,}\b/gu) ?? []) expect(seen, `${example.file}:${line}`).toContain(code);
  };
  const body = new Function("__scope", "__check", "__throws", "__import", `with (__scope) { return (async () => {\n${js}\n})(); }`);
  await body(scope, checkValue, checkThrows, async (name: string) => {
    // A module of src/ by its path from the example's file (for examples of internal helpers).
    if (name.startsWith(".")) return (await import(resolve(dirname(example.file), name))) as Record<string, unknown>;
    const entry = entries[name];
    if (entry === undefined) throw new Error(`the example imports ${name}, which is not an entry of dti`);
    return entry;
  });
}

const examples = tsdocExamples("src");
const withChecks = examples.filter((e) => /\/\/ (=>|throws) /u.test(e.code));

describe("TSDoc @example blocks", () => {
  it("finds them (most public functions have one)", () => {
    expect(examples.length).toBeGreaterThan(150);
    expect(withChecks.length).toBeGreaterThan(80);
  });

  it.each(withChecks.map((e) => [`${e.file}:${e.line} ${e.of}`, e] as const))("%s", async (_, example) => {
    await run(example);
  });

  it("the others compile", () => {
    const failures: string[] = [];
    for (const e of examples.filter((x) => !withChecks.includes(x))) {
      try {
        transformSync(e.code, { loader: "ts", format: "esm" });
      } catch (err) {
        failures.push(`${e.file}:${e.line}: ${(err as Error).message.split("\n")[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
