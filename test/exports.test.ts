/**
 * The public API: every entry of package.json "exports" and the names it exports, values and types,
 * read from the TypeScript sources with the compiler (what a user's editor sees). The list is kept
 * in test/exports.api.txt; a change to the public surface shows there as a diff, to be reviewed
 * like code (and written with `npx vitest run test/exports.test.ts -u`). The entries of the build
 * (tsup.config.ts), of the API reference (typedoc.json) and of JSR (jsr.json) are checked against
 * package.json here too, so that a new entry cannot be left out of one of them.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { exports: Record<string, unknown> };

/** The code entries of package.json ("dti", "dti/report" …) and their sources (src/index.ts …). */
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === "object")
  .map(([path, target]) => {
    const built = ((target as { import: { default: string } }).import.default).replace(/^\.\/dist\//u, "").replace(/\.js$/u, "");
    return { name: path === "." ? "dti" : `dti/${path.slice(2)}`, built, source: `src/${built}.ts` };
  });

/** Values and types each entry exports, sorted; a name that is both (a class) is a value. */
function exportsOf(sources: readonly string[]): Map<string, { values: string[]; types: string[] }> {
  const program = ts.createProgram([...sources], { allowImportingTsExtensions: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, strict: true, types: ["node"] });
  const checker = program.getTypeChecker();
  const out = new Map<string, { values: string[]; types: string[] }>();
  for (const source of sources) {
    const file = program.getSourceFile(source);
    const symbol = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (symbol === undefined) throw new Error(`${source} is not a module`);
    const values: string[] = [];
    const types: string[] = [];
    for (const exported of checker.getExportsOfModule(symbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      (target.flags & ts.SymbolFlags.Value ? values : types).push(exported.name);
    }
    const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : 1);
    out.set(source, { values: values.sort(byName), types: types.sort(byName) });
  }
  return out;
}

let read: ReturnType<typeof exportsOf> | undefined;
/** The exports of every entry (one compiler program for all the tests). */
const exported = () => (read ??= exportsOf(entries.map((e) => e.source)));

describe("the public API", () => {
  it("every entry exports the names in test/exports.api.txt", async () => {
    const found = exported();
    const text = entries
      .map((e) => {
        const { values, types } = found.get(e.source) as { values: string[]; types: string[] };
        return [`${e.name} (${e.source}): ${values.length} values, ${types.length} types`, ...values.map((v) => `  ${v}`), ...types.map((t) => `  type ${t}`)].join("\n");
      })
      .join("\n\n");
    await expect(`${text}\n`).toMatchFileSnapshot("exports.api.txt");
  }, 60_000);

  it("one name, one entry: no value is exported twice (but dti/notebook's results with a display)", () => {
    const found = exported();
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const e of entries) {
      if (e.name === "dti/notebook") continue;
      for (const name of found.get(e.source)?.values ?? []) {
        const before = seen.get(name);
        if (before !== undefined) twice.push(`${name}: ${before} and ${e.name}`);
        seen.set(name, e.name);
      }
    }
    expect(twice).toEqual([]);
  });

  it("the build, the API reference and JSR know every entry of package.json", () => {
    const tsup = readFileSync("tsup.config.ts", "utf8");
    const typedoc = JSON.parse(readFileSync("typedoc.json", "utf8")) as { entryPoints: string[] };
    const jsr = JSON.parse(readFileSync("jsr.json", "utf8")) as { exports: Record<string, string> };
    for (const e of entries) {
      expect(tsup, `tsup.config.ts builds ${e.name}`).toContain(`entry: { ${e.built}: "${e.source}" }, dts`);
      expect(typedoc.entryPoints, `typedoc.json documents ${e.name}`).toContain(e.source);
    }
    // JSR publishes the entries that run everywhere from source (dti/sql loads a Node package, and
    // the notebook and workbook entries are published on npm only for now).
    for (const [path, source] of Object.entries(jsr.exports)) expect(entries.map((e) => e.source), `jsr.json ${path}`).toContain(source.replace(/^\.\//u, ""));
    expect(Object.keys(jsr.exports)).toEqual(expect.arrayContaining([".", "./report", "./csv", "./analysis", "./formula"]));
  });
});
