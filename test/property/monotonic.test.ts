/**
 * Monotonicity. The exact property checked:
 *
 *   Change one unit's input to one leaf in that leaf's better direction (value, points, ratio
 *   numerator: up; ladder, goalposts, target: up for "higher", down for "lower"; yes/no: to the
 *   good answer), keeping it valid and changing nothing else. Then, for that unit, at every node
 *   and view: the exact score and the published value do not decrease, and the rank overall and
 *   within its group does not get worse (numerically does not increase), for competition, dense
 *   and ordinal ranks, ties judged on published or exact values. Every other unit's scores are
 *   unchanged.
 *
 * (Another unit's rank may get worse, e.g. when the raised unit passes it: that is expected.)
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/pipeline/score.ts";
import type { NodeResult, UnitResult } from "../../src/pipeline/types.ts";
import { dataGen, drawData, drawFramework, drawNumber, type Cell, type Unit } from "./arbitraries.ts";
import { SEED } from "./helpers.ts";

function improve(g: fc.GeneratorValue, better: ReturnType<typeof drawFramework>["better"][number], unit: Unit): { column: string; cell: Cell } | undefined {
  switch (better.kind) {
    case "none":
      return undefined;
    case "boolean":
      return { column: better.column, cell: { text: better.good === "higher" ? "có" : "không", json: better.good === "higher", numeric: false } };
    case "ratio": {
      const a = unit.cells.get(better.column);
      const b = unit.cells.get(better.denominator);
      if (a?.json === null || b?.json === null || a === undefined || b === undefined) return undefined;
      return { column: better.column, cell: drawNumber(g, Number(a.json), Number(b.json), 0) };
    }
    case "number": {
      const cell = unit.cells.get(better.column);
      if (cell === undefined || cell.json === null) return undefined;
      const x = Number(cell.text);
      const [lo, hi] = better.good === "higher" ? [x, better.hi] : [better.lo, x];
      return { column: better.column, cell: drawNumber(g, lo, hi, better.decimals) };
    }
  }
}

const all = (u: UnitResult): [string, NodeResult][] => [["(index)", u], ...Object.entries(u.nodes)];

describe("monotonicity: a better input never lowers the unit's scores or worsens its ranks", () => {
  it("holds on generated frameworks and data", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const fw = drawFramework(g);
        const data = drawData(dataGen(g), fw, { blanks: true });
        const u = g(fc.integer, { min: 0, max: data.units.length - 1 });
        const unit = data.units[u] as Unit;
        const leaf = g(fc.integer, { min: 0, max: fw.better.length - 1 });
        const change = improve(g, fw.better[leaf]!, unit);
        fc.pre(change !== undefined);
        const options = {
          ...(data.hasBlanks ? { missing: g(fc.constantFrom, "zero", "reweight") } : {}),
          ranking: g(fc.constantFrom, "competition", "dense", "ordinal"),
          ties: g(fc.constantFrom, "published", "exact"),
        } as const;
        const records = (units: readonly Unit[]) =>
          units.map((x) => ({ unit: x.name, ...(data.hasGroups ? { "Vùng": x.group } : {}), ...Object.fromEntries([...x.cells].map(([k, c]) => [k, c.json])) }));
        const raised = data.units.map((x, i) => (i === u ? { ...x, cells: new Map([...x.cells, [change!.column, change!.cell]]) } : x));
        const before = score(fw.definition, records(data.units), options);
        const after = score(fw.definition, records(raised), options);
        const name = unit.name.normalize("NFC");
        const b = before.units.find((x) => x.unit === name)!;
        const a = after.units.find((x) => x.unit === name)!;
        const bad: string[] = [];
        const nodesBefore = new Map(all(b));
        for (const [id, now] of all(a)) {
          const was = nodesBefore.get(id)!;
          if (was.score === null) continue;
          if (now.score === null || now.score < was.score) bad.push(`${id}: score ${was.score} → ${now.score}`);
          if (now.value === null || Number(now.value) < Number(was.value)) bad.push(`${id}: value ${was.value} → ${now.value}`);
          if (now.rank === null || now.rank > (was.rank as number)) bad.push(`${id}: rank ${was.rank} → ${now.rank}`);
          if (was.groupRank !== null && (now.groupRank === null || now.groupRank > was.groupRank)) bad.push(`${id}: group rank ${was.groupRank} → ${now.groupRank}`);
        }
        for (const other of before.units) {
          if (other.unit === name) continue;
          const same = after.units.find((x) => x.unit === other.unit)!;
          if (JSON.stringify(all(same).map(([, r]) => r.score)) !== JSON.stringify(all(other).map(([, r]) => r.score))) bad.push(`${other.unit} changed`);
        }
        expect(bad).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);
});
