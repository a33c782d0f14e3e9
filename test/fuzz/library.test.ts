/**
 * Fuzz: 2,000 mutated CSV, JSON and framework inputs through parseCsv / parseFramework / score /
 * validate. Every outcome must be a result or a DtiError: no other exception, no hang (each case
 * is timed; the slowest must stay far below a second), no score outside [0, 1]. Seeded: the same
 * cases every run; a failure names the seed, the case and the mutations to replay it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv.ts";
import { isDtiError } from "../../src/errors.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { parseFramework } from "../../src/framework/validate-framework.ts";
import { tableFromRecords } from "../../src/input/table.ts";
import { score, validate } from "../../src/pipeline/score.ts";
import type { ScoreResult } from "../../src/pipeline/types.ts";
import { prototypeKeys } from "../helpers/outcome.ts";
import { mutate, prng } from "./mutate.ts";

const SEED = 5_000_002;
const CASES = 2000;

const fw22 = getFramework("vn-dti-2022-province");
const csvBase = readFileSync("fixtures/provinces-63-synthetic.csv", "utf8").split("\n").slice(0, 7).join("\n");
const jsonBase = JSON.stringify(JSON.parse(readFileSync("fixtures/provinces-63-synthetic.json", "utf8")).slice(0, 6));
const wardFramework = JSON.stringify({
  id: "ward", version: "1", title: { vi: "Phường" },
  root: { id: "dti", name: { vi: "DTI" }, maxPoints: 100, children: [
    { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 30, rule: { type: "points" } },
    { id: "services", name: { vi: "Dịch vụ công" }, maxPoints: 40, rule: { type: "ratio", zeroDenominator: "zero" } },
    { id: "head", name: { vi: "Trưởng ban" }, maxPoints: 30, rule: { type: "categorical", categories: [{ label: "Có", points: 30 }, { label: "Không", points: 0 }] } },
  ] },
  views: [{ id: "v", name: { vi: "V" }, terms: [{ node: "awareness", weight: 1 }, { node: "head", weight: 2 }] }],
});
const wardData = "unit;awareness;services.a;services.b;head\nBến Nghé;24;180;200;Có\nĐa Kao;30;0;0;Không\n";
const wardFw = parseFramework(wardFramework);

type Kind = "csv" | "json" | "framework";

function check(result: ScoreResult): string | undefined {
  for (const u of result.units) {
    for (const r of [u, ...Object.values(u.nodes)]) {
      if (r.score !== null && !(r.score >= 0 && r.score <= 1)) return `score ${r.score} outside [0, 1]`;
    }
  }
  return undefined;
}

function runCase(kind: Kind, text: string, rnd: () => number): string | undefined {
  const options = { missing: (["error", "zero", "reweight"] as const)[Math.floor(rnd() * 3)]!, unknownColumns: "warn" as const };
  if (kind === "csv") {
    const table = parseCsv(text);
    validate(fw22, table, options);
    return check(score(fw22, table, options));
  }
  if (kind === "json") {
    let records: unknown;
    try {
      records = JSON.parse(text);
    } catch {
      return undefined; // not JSON: the CLI turns this into DATA_PARSE (tested in the CLI fuzz)
    }
    const data = Array.isArray(records) ? records : [records];
    validate(fw22, tableFromRecords(data), options);
    return check(score(fw22, data, options));
  }
  const fw = parseFramework(text);
  return check(score(fw, parseCsv(wardData), options));
}

describe("fuzz: mutated inputs give a result or a DtiError, never anything else", () => {
  it(`${CASES} seeded cases (seed ${SEED})`, () => {
    const rnd = prng(SEED);
    const before = prototypeKeys();
    const failures: string[] = [];
    const tally = { result: 0, dtiError: 0 };
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const kind = (["csv", "json", "framework"] as const)[i % 3]!;
      const base = kind === "csv" ? csvBase : kind === "json" ? jsonBase : wardFramework;
      const { text, steps } = mutate(base, rnd);
      const started = performance.now();
      try {
        const problem = runCase(kind, text, rnd);
        if (problem !== undefined) failures.push(`case ${i} (${kind}, ${steps.join("+")}): ${problem}`);
        tally.result++;
      } catch (e) {
        if (isDtiError(e) && e.issues.length > 0 && e.issues.every((issue) => typeof issue.code === "string" && issue.message.length > 0)) tally.dtiError++;
        else failures.push(`case ${i} (${kind}, ${steps.join("+")}): ${(e as Error)?.name}: ${(e as Error)?.message} — input ${JSON.stringify(text.slice(0, 300))}`);
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      if (elapsed > 1000) failures.push(`case ${i} (${kind}, ${steps.join("+")}) took ${Math.round(elapsed)} ms`);
    }
    console.log(`fuzz: ${CASES} cases, ${tally.result} results, ${tally.dtiError} DtiErrors, slowest ${slowest.toFixed(1)} ms`);
    expect(failures).toEqual([]);
    expect(prototypeKeys()).toEqual(before);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(tally.result).toBeGreaterThan(100);
    expect(tally.dtiError).toBeGreaterThan(100);
    expect(slowest).toBeLessThan(1000);
  }, 60_000);

  it("the ward framework and data are valid before mutation", () => {
    expect(score(wardFw, parseCsv(wardData)).units.map((u) => u.value)).toEqual(["0.9000", "0.3000"]);
  });
});
