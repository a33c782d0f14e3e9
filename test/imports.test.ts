/**
 * The layering of src/: computations return data and never import a renderer (a renderer may
 * import computation types and helpers); the entries and the CLI join the two. And no module
 * imports itself through others (type imports included).
 */
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "./helpers/files.ts";

interface Import {
  readonly to: string;
  readonly typeOnly: boolean;
}


/** Every relative import and re-export of a module; `typeOnly` when nothing of it runs. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const out: Import[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+)?\s*(?:,\s*\{[^}]*\})?\s*from\s+"(\.[^"]+)";/gmu)) {
    const names = m[2] ?? "";
    const allTypes = m[1] !== undefined || (names.startsWith("{") && names.slice(1, -1).split(",").every((n) => n.trim() === "" || n.trim().startsWith("type ")));
    out.push({ to: normalize(join(dirname(file), m[3] as string)), typeOnly: allTypes });
  }
  return out;
}

const files = filesUnder("src", /\.ts$/u);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Renderers write Markdown, HTML, SVG, CSV or Vega-Lite, or join results to their displays. */
const isRenderer = (f: string) =>
  /-markdown\.ts$|^src\/report\/(to-(markdown|html|csv)|csv-byte-rows|ranking-document)\.ts$|^src\/xlsx\/(result|template)-workbook\.ts$|^src\/report\/(chart|vega|html-report|document)\/|^src\/display\/|^src\/uncertainty\/to-markdown\.ts$/u.test(f);
/** The entries and the CLI may import anything. */
const isEntry = (f: string) => /^src\/(index|report|analysis|csv|formula|notebook|xlsx|sql)\.ts$|^src\/cli\//u.test(f);

// Known and left to their owners: the imputers and leaf scoring import each other (src/score,
// src/methods/impute). Listed so that nothing new joins them.
const KNOWN_CYCLES = new Set(["src/methods/impute/group-mean.ts src/methods/impute/imputer.ts src/methods/impute/previous-year.ts src/score/score-leaves.ts"]);

describe("the layers of src/", () => {
  it("computations never import a renderer", () => {
    const found: string[] = [];
    for (const [file, imports] of graph) {
      if (isRenderer(file) || isEntry(file)) continue;
      for (const i of imports) if (!i.typeOnly && isRenderer(i.to)) found.push(`${file} -> ${i.to}`);
    }
    expect(found).toEqual([]);
  });

  it("no import cycles, type imports included", () => {
    // Tarjan's strongly connected components.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[] = [];
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next);
      next++;
      stack.push(v);
      onStack.add(v);
      for (const { to } of graph.get(v) ?? []) {
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          visit(to);
          low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
        } else if (onStack.has(to)) low.set(v, Math.min(low.get(v) as number, index.get(to) as number));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort().join(" "));
      }
    };
    for (const f of graph.keys()) if (!index.has(f)) visit(f);
    expect(cycles.filter((c) => !KNOWN_CYCLES.has(c))).toEqual([]);
  });

  it("sees the imports it checks (the renderers are found)", () => {
    expect(files.filter(isRenderer).length).toBeGreaterThan(20);
    expect(graph.get("src/display/analysis-display.ts")?.some((i) => i.to === "src/analysis/explain-markdown.ts")).toBe(true);
  });
});
