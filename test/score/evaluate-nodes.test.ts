// The float evaluator's arithmetic mean, its coverage and its bound, against the formula written
// out child after child (the additions in the order of the children): bit for bit, with children
// missing, negative, of zero weight, in odd and even numbers (the evaluator adds two children at a
// time where it can).
import { describe, expect, it } from "vitest";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import { compileFramework } from "../../src/score/compile.ts";
import { evaluateNodes, nodeColumns } from "../../src/score/evaluate-nodes.ts";
import { prng } from "../helpers/prng.ts";

const u = 2 ** -53;

function plan(children: number) {
  const checked = validateFramework({
    id: "mean", version: "1.0.0", title: { vi: "Trung bình" },
    root: { id: "root", name: { vi: "Chỉ số" }, children: Array.from({ length: children }, (_, k) => ({ id: `c${k}`, name: { vi: `c${k}` }, weight: 1 + (k % 3), rule: { type: "value" } })) },
  });
  if (!checked.ok) throw new Error("the test's framework is not valid");
  return compileFramework(checked.framework);
}

describe("evaluateNodes, arithmetic mean", () => {
  it("gives the formula's value, coverage and bound bit for bit (1 to 9 children, 300 units each, some missing, negative or weighted 0)", () => {
    const random = prng(23);
    // Doubles with every bit of their mantissa random: sums of them depend on their order.
    const next = () => random() + random() * 2 ** -32;
    for (let children = 1; children <= 9; children++) {
      const compiled = plan(children);
      const units = 300;
      const cols = nodeColumns(compiled.nodes.length, units);
      const root = compiled.root;
      const leaves = compiled.layout.child.subarray(compiled.layout.childStart[root]!, compiled.layout.childStart[root]! + children);
      const weights = Float64Array.from(compiled.layout.weight);
      for (let p = compiled.layout.childStart[root]!; p < compiled.layout.childStart[root]! + children; p++) if (next() < 0.2) weights[p] = 0;
      for (const leaf of leaves) {
        for (let x = 0; x < units; x++) {
          const at = leaf * units + x;
          const v = next() < 0.15 ? NaN : (next() - 0.2) * 10;
          cols.value[at] = v;
          cols.error[at] = v === v ? next() * 1e-12 : 0;
          cols.coverage[at] = v === v ? (next() < 0.3 ? 1 : next()) : next() < 0.5 ? 0 : next();
        }
      }
      evaluateNodes(compiled, cols, { weights });
      for (let x = 0; x < units; x++) {
        let cov = 0, total = 0, sum = 0, den = 0, k = 0, worst = 0, abs = 0;
        for (let j = 0; j < children; j++) {
          const w = weights[compiled.layout.childStart[root]! + j]!;
          if (w === 0) continue;
          const at = leaves[j]! * units + x;
          total += w;
          cov += w * cols.coverage[at]!;
          const v = cols.value[at]!;
          if (v !== v) continue;
          sum += w * v;
          den += w;
          k++;
          worst = Math.max(worst, cols.error[at]!);
          abs += w * Math.abs(v);
        }
        const at = root * units + x;
        expect(cols.coverage[at]).toBe(total > 0 ? cov / total : 0);
        if (k === 0) expect(cols.value[at]).toBeNaN();
        else {
          expect(cols.value[at]).toBe(sum / den);
          expect(cols.error[at]).toBe(worst + (abs / den + worst) * 4 * (k + 2) * u);
        }
      }
    }
  });
});
