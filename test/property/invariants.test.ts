/**
 * Properties of score() on generated frameworks and data: bounds, row order, equal inputs,
 * weight scaling, CSV vs JSON. Each property runs a fixed number of cases with a fixed seed.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import type { FrameworkDefinition, FrameworkNode } from "../../src/framework/types.ts";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { tableFromRecords } from "../../src/input/table.ts";
import { score } from "../../src/pipeline/score.ts";
import type { ScoreOptions } from "../../src/pipeline/types.ts";
import { csvStyle, dataGen, drawData, drawFramework, shuffle, toCsvText, toRecords } from "./arbitraries.ts";
import { SEED, sameJson, withoutRows } from "./helpers.ts";

const policy = (hasBlanks: boolean, g: fc.GeneratorValue): ScoreOptions =>
  hasBlanks ? { missing: g(fc.constantFrom, "zero", "reweight") } : {};

describe("properties of score() on generated frameworks and data", () => {
  it("every generated framework is valid, and every score lies in [0, 1] with ranks in 1..n", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const fw = drawFramework(g);
        const framework = defineFramework(fw.definition);
        const data = drawData(dataGen(g), fw, { blanks: true });
        const ranking = g(fc.constantFrom, "competition", "dense", "ordinal");
        const ties = g(fc.constantFrom, "published", "exact");
        const result = score(framework, toRecords(data), { ...policy(data.hasBlanks, g), ranking, ties });
        const n = result.units.length;
        expect(n).toBe(data.units.length);
        // Plain checks collected into one assertion (an expect per node is slow over 400 cases).
        const bad: string[] = [];
        for (const u of result.units) {
          for (const [id, r] of [["(index)", u] as const, ...Object.entries(u.nodes)]) {
            const where = `${u.unit} ${id}`;
            if (r.coverage < 0 || r.coverage > 1) bad.push(`${where}: coverage ${r.coverage}`);
            if (r.score === null) {
              if (r.value !== null || r.rank !== null) bad.push(`${where}: missing score but value ${r.value}, rank ${r.rank}`);
              continue;
            }
            if (!(r.score >= 0 && r.score <= 1)) bad.push(`${where}: score ${r.score}`);
            if (r.value === null || !/^(0\.\d{4}|1\.0000)$/u.test(r.value)) bad.push(`${where}: value ${r.value}`);
            if (r.rank === null || r.rank < 1 || r.rank > n) bad.push(`${where}: rank ${r.rank} of ${n}`);
          }
        }
        expect(bad).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("row order does not change any result (only each unit's input row number)", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const fw = drawFramework(g);
        const data = drawData(dataGen(g), fw, { blanks: true });
        const options: ScoreOptions = { ...policy(data.hasBlanks, g), ranking: g(fc.constantFrom, "competition", "dense", "ordinal") };
        const records = toRecords(data);
        const a = score(fw.definition, records, options);
        const b = score(fw.definition, shuffle(g, records), options);
        sameJson(withoutRows(b), withoutRows(a), (x, y) => expect(x).toEqual(y));
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("equal inputs give equal scores at every node and shared ranks", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const fw = drawFramework(g);
        const data = drawData(dataGen(g), fw, { blanks: true });
        const records = toRecords(data);
        const k = g(fc.integer, { min: 0, max: records.length - 1 });
        const source = records[k] as Record<string, unknown>;
        const twin = { ...source, unit: "Đơn vị sinh đôi" };
        const ranking = g(fc.constantFrom, "competition", "dense");
        const result = score(fw.definition, [...records, twin], { ...policy(data.hasBlanks, g), ranking });
        const original = result.units.find((u) => u.unit === String(source["unit"]).normalize("NFC"));
        const copy = result.units.find((u) => u.unit === twin.unit);
        expect(original).toBeDefined();
        expect(copy).toBeDefined();
        const { unit: _a, row: _ra, group: _ga, groupRank: _gra, nodes: na, ...ra } = original!;
        const { unit: _b, row: _rb, group: _gb, groupRank: _grb, nodes: nb, ...rb } = copy!;
        expect(rb).toEqual(ra);
        for (const [id, node] of Object.entries(na)) {
          expect(nb[id]?.score).toBe(node.score);
          expect(nb[id]?.value).toBe(node.value);
          expect(nb[id]?.rank).toBe(node.rank);
        }
        // Competition ranks skip after a tie: no unit holds the rank just below a shared one.
        if (ranking === "competition" && original!.rank !== null) {
          expect(result.units.filter((u) => u.rank === (original!.rank as number) + 1)).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("weights scaled by a constant change nothing (exactly proportional weights)", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const fw = drawFramework(g);
        fc.pre(fw.weightGroups.length > 0);
        const data = drawData(dataGen(g), fw, { blanks: true });
        const factor = g(fc.constantFrom, 2, 3, 7, 1000, 0.5, 0.25);
        const groups = new Set(g(fc.subarray, [...fw.weightGroups], { minLength: 1 }));
        const scaled = scaleWeights(fw.definition, groups, factor);
        const options = policy(data.hasBlanks, g);
        const records = toRecords(data);
        const a = score(fw.definition, records, options);
        const b = score(scaled, records, options);
        expect(b.units.map((u) => [u.unit, u.value, u.rank, Object.values(u.nodes).map((n) => [n.value, n.rank])])).toEqual(
          a.units.map((u) => [u.unit, u.value, u.rank, Object.values(u.nodes).map((n) => [n.value, n.rank])]),
        );
        a.units.forEach((u, i) => {
          const other = b.units[i]!;
          if (u.score === null) expect(other.score).toBeNull();
          else expect(Math.abs((other.score as number) - u.score)).toBeLessThanOrEqual(1e-15);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("CSV and JSON forms of the same data give the same result", () => {
    fc.assert(
      fc.property(fc.gen(), csvStyle, (g, style) => {
        const fw = drawFramework(g);
        const data = drawData(dataGen(g), fw, { blanks: true });
        const options = policy(data.hasBlanks, g);
        const fromJson = score(fw.definition, toRecords(data), options);
        const fromCsv = score(fw.definition, parseCsv(toCsvText(data, style)), options);
        const viaTable = score(fw.definition, tableFromRecords(toRecords(data)), options);
        sameJson(withoutRows(fromCsv), withoutRows(fromJson), (x, y) => expect(x).toEqual(y));
        sameJson(viaTable, fromJson, (x, y) => expect(x).toEqual(y));
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);
});

function scaleWeights(def: FrameworkDefinition, groups: ReadonlySet<string>, factor: number): FrameworkDefinition {
  const visit = (node: FrameworkNode): FrameworkNode => {
    if (node.children === undefined) return node;
    const scale = groups.has(node.id);
    const children = node.children.map((c) => {
      const child = visit(c);
      return scale ? ({ ...child, weight: (child.weight as number) * factor } as FrameworkNode) : child;
    });
    return { ...node, children } as FrameworkNode;
  };
  return { ...def, root: visit(def.root) } as FrameworkDefinition;
}
