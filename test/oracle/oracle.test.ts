/**
 * The library against an independent oracle (`evaluate.ts`, exact BigInt rationals, sharing no
 * code with `src/`): first the oracle itself on hand-computed values, then property tests on
 * generated frameworks and data (`arbitraries.ts`) built so that many published values lie
 * exactly half-way between two 4-decimal values, on every path the library scores by: `score()`
 * (exact and float arithmetic), `scoreStream` (float and exact), what-if with no change, and the
 * uncertainty analysis' nominal run.
 *
 * Every published value, rank, group rank and coverage of every unit and node must equal the
 * oracle's. Environment:
 * - `DTI_ORACLE_RUNS`: cases per property (default below; the half-way count is asserted);
 * - `DTI_ORACLE_SEED`: the fast-check seed (default fixed, so every run checks the same cases;
 *   fast-check prints the seed and path of a failure, replay with both);
 * - `DTI_ORACLE_SHRINK=0`: report the first failing case without shrinking it.
 */
import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { uncertainty, whatIf } from "../../src/analysis.ts";
import { prepareScenario, rescore } from "../../src/analysis/scenario.ts";
import { isDtiError, parseNumber, score, scoreStream, type ScoreOptions, type ScoreResult } from "../../src/index.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import type { StreamOptions } from "../../src/stream/score-stream.ts";
import { ALL_FEATURES, buildCase, caseParams, type CaseFeatures, type OracleCase } from "./arbitraries.ts";
import {
  competitionRanks,
  isBlankCell,
  leafInputKeys,
  buildTree,
  nameKey,
  normaliseColumn,
  oracleScore,
  type OracleFramework,
  type OracleOptions,
  type OracleResult,
} from "./evaluate.ts";
import { compare, fromNumber, isHalfWay, parseDecimal, rational, scaledText, show, toFixedHalfUp, toNumber, type Rational } from "./rational.ts";

/**
 * Cases per property. The default (1000 × 6 properties) compares about 21,500 exactly half-way
 * published values in all (see the last test), in about 45 s of CPU time on this 2-core machine
 * (the wall time grows with the machine's load).
 */
const RUNS = Number(process.env["DTI_ORACLE_RUNS"] ?? 1000);
const SEED = Number(process.env["DTI_ORACLE_SEED"] ?? 20_261_123);
const SHRINK = process.env["DTI_ORACLE_SHRINK"] !== "0";
/** Half-way checks required in all when the default number of runs is used. */
const HALF_WAY_TARGET = 20_000;

const r = (text: string): Rational => parseDecimal(text)!;
const values = (xs: readonly (Rational | null)[]) => xs.map((x) => (x === null ? null : show(x)));

// ---------------------------------------------------------------------------------------------
// (a) The oracle on hand-computed values.

/** The regression case: 45 = 15 + 15 + 15 points and 55 points; 5.975 / 100 = 0.05975 → "0.0598". */
const REGRESSION: OracleFramework & { id: string; version: string; title: { vi: string } } = {
  id: "regression",
  version: "1",
  title: { vi: "Hồi quy" },
  root: {
    id: "root",
    maxPoints: 100,
    children: [
      {
        id: "g",
        maxPoints: 45,
        children: [
          { id: "a", maxPoints: 15, rule: { type: "points" } },
          { id: "b", maxPoints: 15, rule: { type: "points" } },
          { id: "c", maxPoints: 15, rule: { type: "points" } },
        ],
      },
      { id: "d", maxPoints: 55, rule: { type: "points" } },
    ],
  },
};
const REGRESSION_DATA = [{ unit: "X", a: 4.841, b: 0.43, c: 0.67, d: 0.034 }];

/** A framework definition with Vietnamese names added (the library requires them). */
function named<T extends { root: unknown }>(fw: T): FrameworkDefinition {
  const addNames = (node: Record<string, unknown>): Record<string, unknown> => ({
    ...node,
    name: { vi: `Nút ${String(node["id"])}` },
    ...(Array.isArray(node["children"]) ? { children: (node["children"] as Record<string, unknown>[]).map(addNames) } : {}),
  });
  const views = (fw as { views?: Record<string, unknown>[] }).views?.map((v) => ({ ...v, name: { vi: `Góc nhìn ${String(v["id"])}` } }));
  return { id: "oracle", version: "1", title: { vi: "Oracle" }, ...fw, root: addNames(fw.root as Record<string, unknown>), ...(views !== undefined ? { views } : {}) } as unknown as FrameworkDefinition;
}

const leafFw = (rule: object, extra: object = {}) => ({ root: { id: "root", children: [{ id: "x", rule, ...extra }] } }) as OracleFramework;

describe("the rational type", () => {
  it("reads the numbers the library reads, exactly", () => {
    expect(show(r("0,25"))).toBe("1/4");
    expect(show(r("0.25"))).toBe("1/4");
    expect(show(r("-0"))).toBe("0");
    expect(show(r("1e-3"))).toBe("1/1000");
    expect(show(r("2.5E+2"))).toBe("250");
    expect(show(r("1.234,5"))).toBe("2469/2");
    expect(show(r("1,234.5"))).toBe("2469/2");
    expect(show(r("1 234,5"))).toBe("2469/2");
    expect(show(r("1,234"))).toBe("617/500"); // a lone separator and three digits: a decimal comma
    expect(show(r("\u22120,5"))).toBe("-1/2");
    expect(show(r(".5"))).toBe("1/2");
    for (const bad of ["abc", "1e309", "44,49%", "", "1.2.3", "Infinity", "NaN"]) expect(parseDecimal(bad)).toBeUndefined();
    expect(show(fromNumber(0.1))).toBe("1/10");
    expect(show(fromNumber(1e-7))).toBe("1/10000000");
  });

  it("agrees with the library's number reader on random spellings", () => {
    const pieces = fc.constantFrom("0", "1", "2", "5", "9", ".", ",", " ", "-", "+", "e", "E", "\u00a0", "\u2212");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")), (text) => {
        const mine = parseDecimal(text);
        const theirs = parseNumber(text);
        expect(mine === undefined ? undefined : show(mine)).toBe(theirs === undefined ? undefined : show(r(theirs)));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it("rounds half-up (half away from zero) and writes the text as the library does", () => {
    expect(toFixedHalfUp(r("0.05975"), 4)).toBe("0.0598");
    expect(toFixedHalfUp(r("0.059749999"), 4)).toBe("0.0597");
    expect(toFixedHalfUp(r("0.00105"), 4)).toBe("0.0011"); // docs/output.md: toFixed would give 0.0010
    expect(toFixedHalfUp(r("0.99995"), 4)).toBe("1.0000");
    expect(toFixedHalfUp(r("1"), 4)).toBe("1.0000");
    expect(toFixedHalfUp(r("-0.00005"), 4)).toBe("-0.0001");
    expect(toFixedHalfUp(r("-0.00004"), 4)).toBe("0.0000");
    expect(toFixedHalfUp(rational(1n, 3n), 4)).toBe("0.3333");
    expect(toFixedHalfUp(rational(2n, 3n), 0)).toBe("1");
    expect(isHalfWay(r("0.05975"), 4)).toBe(true);
    expect(isHalfWay(r("0.0597"), 4)).toBe(false);
    expect(isHalfWay(rational(1n, 3n), 4)).toBe(false);
  });
});

describe("the oracle on hand-computed values", () => {
  it("the regression case: 4.841 + 0.430 + 0.670 + 0.034 = 5.975 points of 100 publishes 0.0598", () => {
    const result = oracleScore(REGRESSION, REGRESSION_DATA);
    const root = result.units[0]!.nodes.get("root")!;
    expect(show(root.score!)).toBe("239/4000"); // 0.05975
    expect(root.value).toBe("0.0598");
    // The 45-point group: 5.941 / 45 = 0.13202…, a repeating decimal.
    expect(show(result.units[0]!.nodes.get("g")!.score!)).toBe("5941/45000");
    expect(result.units[0]!.nodes.get("g")!.value).toBe("0.1320");
  });

  it("frameworks.md examples: the school, the ward, Bắc Ninh 2020, Đà Nẵng 2022", () => {
    const school: OracleFramework = {
      root: {
        id: "dti",
        maxPoints: 100,
        children: [
          { id: "plan", maxPoints: 20, rule: { type: "boolean" } },
          { id: "lms", maxPoints: 40, rule: { type: "ratio" } },
          { id: "training", maxPoints: 40, rule: { type: "ladder", direction: "higher", steps: [{ threshold: 4, points: 40 }, { threshold: 2, points: 20 }] } },
        ],
      },
    };
    expect(oracleScore(school, [{ unit: "THPT A", plan: "có", "lms.a": 18, "lms.b": 24, training: 3 }]).units[0]!.nodes.get("dti")!.value).toBe("0.7000");

    const ward: OracleFramework = {
      root: {
        id: "dti",
        maxPoints: 100,
        children: [
          {
            id: "awareness",
            maxPoints: 10,
            children: [
              { id: "steering", maxPoints: 4, rule: { type: "categorical", categories: [{ label: "Bí thư/Chủ tịch", points: 4 }, { label: "Phó Bí thư/Phó Chủ tịch", points: 2 }, { label: "Chưa có", points: 0 }] } },
              { id: "meetings", maxPoints: 3, rule: { type: "ladder", direction: "higher", steps: [{ threshold: 4, points: 3 }, { threshold: 2, points: 2 }, { threshold: 1, points: 1 }] } },
              { id: "trained", maxPoints: 3, rule: { type: "ratio" } },
            ],
          },
          ...["institutions:10", "infrastructure:15", "hr:15", "cyber:10", "gov:20", "eco:10", "soc:10"].map((s) => {
            const [id, p] = s.split(":") as [string, string];
            return { id, maxPoints: Number(p), rule: { type: "points" as const } };
          }),
        ],
      },
    };
    const wardResult = oracleScore(ward, [
      { unit: "Phường A", steering: "Phó Bí thư/Phó Chủ tịch", meetings: 3, "trained.a": 45, "trained.b": 60, institutions: 8, infrastructure: 10.5, hr: 9, cyber: 9, gov: 15, eco: 5, soc: 6 },
    ]).units[0]!;
    expect(wardResult.nodes.get("awareness")!.value).toBe("0.6250");
    expect(wardResult.nodes.get("dti")!.value).toBe("0.6875");

    const dti2020: OracleFramework = {
      root: { id: "dti", children: [{ id: "gov", weight: 0.4, rule: { type: "value" } }, { id: "eco", weight: 0.3, rule: { type: "value" } }, { id: "soc", weight: 0.3, rule: { type: "value" } }] },
    };
    const bacNinh = oracleScore(dti2020, [{ unit: "Bắc Ninh", gov: "0,4449", eco: "0,3668", soc: "0,4052" }]).units[0]!.nodes.get("dti")!;
    expect(show(bacNinh.score!)).toBe(show(r("0.40956")));
    expect(bacNinh.value).toBe("0.4096");

    // DTI 2022: Σ points of the main indicators / 1000; Đà Nẵng 800.175 / 1000 → 0.8002.
    const dti2022: OracleFramework = {
      root: {
        id: "dti",
        maxPoints: 1000,
        children: [
          { id: "foundation", maxPoints: 500, children: [{ id: "a", maxPoints: 500, rule: { type: "points" } }, { id: "smart", maxPoints: 0, rule: { type: "value" } }] },
          { id: "activity", maxPoints: 500, rule: { type: "points" } },
        ],
      },
    };
    const daNang = oracleScore(dti2022, [{ unit: "Đà Nẵng", a: 433.18, smart: null, activity: 366.995 }]).units[0]!;
    expect(daNang.nodes.get("dti")!.value).toBe("0.8002");
    // A 0-point leaf carries no weight and may be blank (coverage counts only weighted children).
    expect(daNang.nodes.get("dti")!.coverage).toEqual(rational(1n));
    expect(daNang.nodes.get("smart")!.value).toBeNull();
  });

  it("methods.md: normalisation worked values", () => {
    const col = (xs: number[]) => xs.map(fromNumber);
    expect(values(normaliseColumn({ type: "normalise", method: "minmax", range: [0, 100] }, col([10, 20, 30])))).toEqual(["0", "50", "100"]);
    expect(values(normaliseColumn({ type: "normalise", method: "minmax", range: [0, 100], bounds: { min: 0, max: 25 } }, col([10, 20, 30])))).toEqual(["40", "80", "100"]);
    expect(values(normaliseColumn({ type: "normalise", method: "minmax", range: [0, 100], bounds: { min: 0, max: 25 }, clamp: false }, col([10, 20, 30])))).toEqual(["40", "80", "120"]);
    expect(values(normaliseColumn({ type: "normalise", method: "rank" }, col([5, 7, 7, 9])))).toEqual(["0", "1/2", "1/2", "1"]);
    expect(values(normaliseColumn({ type: "normalise", method: "percentile" }, col([5, 7, 7, 9])))).toEqual(["1/8", "1/2", "1/2", "7/8"]);
    expect(values(normaliseColumn({ type: "normalise", method: "target", target: 100 }, col([20, 60, 120])))).toEqual(["0", "1/2", "1"]);
    expect(values(normaliseColumn({ type: "normalise", method: "minmax", direction: "lower" }, [fromNumber(10), null, fromNumber(30)]))).toEqual(["1", null, "0"]);
    expect(values(normaliseColumn({ type: "normalise", method: "rank", direction: "lower" }, col([5, 7, 7, 9])))).toEqual(["1", "1/2", "1/2", "0"]);
    // All equal: the middle of the range.
    expect(values(normaliseColumn({ type: "normalise", method: "minmax", range: [0, 100] }, col([4, 4])))).toEqual(["50", "50"]);
  });

  it("methods.md: the connectivity example (percentile and min-max into [0, 100])", () => {
    const fw: OracleFramework = {
      root: {
        id: "index",
        children: [
          { id: "fibre", rule: { type: "normalise", method: "percentile", range: [0, 100] } },
          { id: "users", rule: { type: "normalise", method: "minmax", range: [0, 100] } },
        ],
      },
    };
    const result = oracleScore(fw, [
      { unit: "A", fibre: 40, users: 50 },
      { unit: "B", fibre: 60, users: 70 },
      { unit: "C", fibre: 80, users: 60 },
    ]);
    const got = result.units.map((u) => [u.unit, u.nodes.get("index")!.value, u.nodes.get("index")!.rank]);
    expect(got).toEqual([
      ["A", "8.3333", 3],
      ["B", "75.0000", 1],
      ["C", "66.6667", 2],
    ]);
  });

  it("methods.md: years, fixed bounds and pooled statistics", () => {
    const data = [40, 60, 80, 60, 80, 100].map((x, k) => ({ unit: "ABC"[k % 3]!, year: k < 3 ? 2022 : 2024, x }));
    const a = (rule: object) => oracleScore(leafFw(rule), data).units.filter((u) => u.unit === "A").map((u) => u.nodes.get("x")!.value);
    expect(a({ type: "normalise", method: "minmax" })).toEqual(["0.0000", "0.0000"]);
    expect(a({ type: "normalise", method: "minmax", bounds: { min: 0, max: 100 } })).toEqual(["0.4000", "0.6000"]);
    expect(a({ type: "normalise", method: "minmax", across: "all" })).toEqual(["0.0000", "0.3333"]);
  });

  it("methods.md: harmonic and Mazziotta-Pareto means", () => {
    // Leaves scoring x itself: a value rule in [0, 1]; goalposts 0..100 into [0, 100] beyond it.
    const mean = (aggregation: "harmonic" | "mazziotta-pareto", xs: number[], rule: OracleFramework["root"]["rule"] = { type: "value" }) =>
      oracleScore({ root: { id: "root", aggregation, children: xs.map((_, k) => ({ id: `x${k}`, rule })) } }, [Object.fromEntries([["unit", "U"], ...xs.map((x, k) => [`x${k}`, x])])]).units[0]!.nodes.get("root")!;
    expect(show(mean("harmonic", [0.25, 1]).score!)).toBe("2/5");
    expect(show(mean("harmonic", [0, 1]).score!)).toBe("0");
    const raw = { type: "normalise", method: "goalposts", bounds: { min: 0, max: 100 }, range: [0, 100], clamp: false } as const;
    expect(mean("mazziotta-pareto", [100, 110, 90], raw).value).toBe("99.3333");
    expect(mean("mazziotta-pareto", [100, 100, 100], raw).value).toBe("100.0000");
    expect(show(mean("mazziotta-pareto", [0, 0, 1]).score!)).toBe("-1/3");
  });

  it("input.md: coverage, missing policies and zero-weight leaves", () => {
    const fw: OracleFramework = { root: { id: "root", maxPoints: 100, children: [{ id: "a", maxPoints: 70, rule: { type: "points" } }, { id: "b", maxPoints: 30, rule: { type: "points" } }] } };
    const reweight = oracleScore(fw, [{ unit: "U", a: 35, b: null }], { missing: "reweight" }).units[0]!.nodes.get("root")!;
    expect(show(reweight.coverage)).toBe("7/10");
    expect(reweight.value).toBe("0.5000"); // 35 / 70
    const zero = oracleScore(fw, [{ unit: "U", a: 35, b: "NA" }], { missing: "zero" }).units[0]!.nodes.get("root")!;
    expect(show(zero.coverage)).toBe("7/10");
    expect(zero.value).toBe("0.3500"); // 35 / 100
    const none = oracleScore(fw, [{ unit: "U", a: "", b: " " }], { missing: "reweight" }).units[0]!.nodes.get("root")!;
    expect(none.score).toBeNull();
    expect(none.rank).toBeNull();
    expect(() => oracleScore(fw, [{ unit: "U", a: 35, b: null }])).toThrow(/blank/u);
  });

  it("output.md: competition ranks 1224 per year, group ranks per (year, group), ties on published values", () => {
    expect(competitionRanks([8n, 7n, 8n, null, 6n], (a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual([1, 3, 1, null, 4]);
    const fw = leafFw({ type: "value" });
    const result = oracleScore(fw, [
      { unit: "A", group: "N", year: 2023, x: 0.80015 },
      { unit: "B", group: "N", year: 2023, x: 0.80024 }, // both publish 0.8002: a tie
      { unit: "C", group: "S", year: 2023, x: 0.7 },
      { unit: "D", group: "S", year: 2023, x: 0.9 },
      { unit: "A", group: "N", year: 2024, x: 0.1 },
    ]);
    const got = result.units.map((u) => [u.unit, u.year, u.nodes.get("x")!.rank, u.nodes.get("x")!.groupRank]);
    expect(got).toEqual([
      ["A", 2023, 2, 1],
      ["B", 2023, 2, 1],
      ["C", 2023, 4, 2],
      ["D", 2023, 1, 1],
      ["A", 2024, 1, 1],
    ]);
    const exact = oracleScore(fw, [{ unit: "A", x: 0.80015 }, { unit: "B", x: 0.80024 }], { ties: "exact" });
    expect(exact.units.map((u) => u.nodes.get("x")!.rank)).toEqual([2, 1]);
  });

  it("input.md, frameworks.md: merges average the members' leaves (new Đà Nẵng 0.7069)", () => {
    const fw = leafFw({ type: "value" });
    const result = oracleScore(fw, [{ unit: "TP. Đà Nẵng", group: "Trung", x: 0.8335 }, { unit: "Quảng Nam", group: "Trung", x: 0.5803 }, { unit: "Huế", x: 0.7 }], {
      merge: [{ unit: "Quảng Nam", into: "TP. Đà Nẵng" }],
    });
    const daNang = result.units.find((u) => u.unit === "TP. Đà Nẵng")!;
    expect(daNang.members).toEqual(["TP. Đà Nẵng", "Quảng Nam"]);
    expect(daNang.group).toBe("Trung");
    expect(daNang.nodes.get("x")!.value).toBe("0.7069");
    expect(result.units.map((u) => u.unit)).toEqual(["TP. Đà Nẵng", "Huế"]);
  });

  it("frameworks.md: bonus and penalty points after the weighted total, capped, the index kept in [0, 1]", () => {
    const at = (data: Record<string, unknown>, range?: "non-negative" | "none") =>
      oracleScore(range === undefined ? ADJUSTED : { root: { ...ADJUSTED.root, adjustedRange: range } }, [{ unit: "U", ...data }]).units[0]!.nodes;
    expect(at({ a: 80, bonus: 5, p1: 1, p2: "không" }).get("root")!.value).toBe("0.8400");
    expect(show(at({ a: 80, bonus: 5, p1: 1, p2: "có" }).get("penalty")!.score!)).toBe("1"); // 2.5 points capped at 2
    expect(at({ a: 99, bonus: 5, p1: "", p2: "" }).get("root")!.value).toBe("1.0000");
    expect(at({ a: 99, bonus: 5, p1: "", p2: "" }, "non-negative").get("root")!.value).toBe("1.0400");
    expect(at({ a: 1, bonus: 0, p1: 1.5, p2: "có" }).get("root")!.value).toBe("0.0000");
    expect(at({ a: 1, bonus: 0, p1: 1.5, p2: "có" }, "none").get("root")!.value).toBe("-0.0100");
    // Blank bonus and penalty criteria are no points, no error, even under missing: "error".
    const blank = at({ a: 50, bonus: null, p1: null, p2: null });
    expect(blank.get("root")!.value).toBe("0.5000");
    expect(show(blank.get("penalty")!.score!)).toBe("0");
    expect(show(blank.get("root")!.coverage)).toBe("1");
  });

  it("views: weights from the terms, else the nodes' max points", () => {
    const fw: OracleFramework = {
      root: { id: "root", maxPoints: 300, children: [{ id: "a", maxPoints: 100, rule: { type: "points" } }, { id: "b", maxPoints: 200, rule: { type: "points" } }] },
      views: [
        { id: "v", terms: [{ node: "a" }, { node: "b" }] },
        { id: "w", terms: [{ node: "a", weight: 3 }, { node: "b", weight: 1 }] },
      ],
    };
    const u = oracleScore(fw, [{ unit: "U", a: 50, b: 100 }]).units[0]!;
    expect(u.nodes.get("v")!.value).toBe("0.5000");
    expect(show(u.nodes.get("w")!.score!)).toBe("1/2");
    const v = oracleScore(fw, [{ unit: "U", a: 100, b: 0 }]).units[0]!;
    expect(show(v.nodes.get("v")!.score!)).toBe("1/3");
    expect(show(v.nodes.get("w")!.score!)).toBe("3/4");
  });
});

/** Bonus and penalty points: 100 weighted points, a bonus of up to 5, penalties capped at 2 (1.5 + 1.5). */
const ADJUSTED: OracleFramework = {
  root: {
    id: "root",
    maxPoints: 100,
    children: [
      { id: "a", maxPoints: 100, rule: { type: "points" } },
      { id: "bonus", maxPoints: 5, adjust: "bonus", rule: { type: "points" } },
      { id: "penalty", maxPoints: 2, adjust: "penalty", children: [{ id: "p1", maxPoints: 1.5, rule: { type: "points" } }, { id: "p2", maxPoints: 1.5, rule: { type: "boolean" } }] },
    ],
  },
};

/** Half-way cases through bonus and penalty points (a blank one is no points). */
const MINIMAL_ADJUSTED = [
  { name: "a bonus: 40 + 0.125 points of 100, a blank penalty", framework: ADJUSTED, data: [{ unit: "X", a: 40, bonus: 0.125, p1: "", p2: "" }], unit: "X", value: "0.4013" },
  {
    // 40.5 + 1.125 − min(1.5 + 1.5, 2) = 39.625 → 0.39625.
    name: "a capped penalty: 40.5 + 1.125 − 2 points",
    framework: ADJUSTED,
    data: [{ unit: "X", a: 40.5, bonus: 1.125, p1: 1.5, p2: "có" }],
    unit: "X",
    value: "0.3963",
  },
];

/** Minimal cases found by the properties (shrunk by hand), each checked on the oracle first. */
const MINIMAL: readonly { name: string; framework: OracleFramework; data: Record<string, unknown>[]; options?: ScoreOptions; unit: string; value: string }[] = [
  { name: "the regression case (5.975 of 100 points)", framework: REGRESSION, data: REGRESSION_DATA, unit: "X", value: "0.0598" },
  {
    // 8.425 / 53 repeats; 8.425 points of 100 = 0.08425.
    name: "two points leaves, 0 + 8.425 of 47 + 53 points",
    framework: { root: { id: "root", maxPoints: 100, children: [{ id: "a", maxPoints: 47, rule: { type: "points" } }, { id: "b", maxPoints: 53, rule: { type: "points" } }] } },
    data: [{ unit: "X", a: 0, b: 8.425 }],
    unit: "X",
    value: "0.0843",
  },
  {
    // (9 · 30849/1620000 + 2 · 6.1/30) / 11 = 0.57805 / 11 = 0.05255.
    name: "weights 9 and 2, a ratio and lower-is-better goalposts",
    framework: { root: { id: "root", children: [{ id: "a", weight: 9, rule: { type: "ratio" } }, { id: "b", weight: 2, rule: { type: "goalposts", min: 10, max: 40, direction: "lower" } }] } },
    data: [{ unit: "X", "a.a": 30849, "a.b": 1620000, b: 33.9 }],
    unit: "X",
    value: "0.0526",
  },
  {
    // The merged a is (0.1 + 0.1 + 0.1001) / 3, repeating; (3 · 0.10003… + 0.0001) / 4 = 0.07505.
    name: "a merge of three units",
    framework: { root: { id: "root", children: [{ id: "a", weight: 3, rule: { type: "value" } }, { id: "b", weight: 1, rule: { type: "value" } }] } },
    data: [{ unit: "P1", a: 0.1, b: 0.0001 }, { unit: "P2", a: 0.1, b: 0.0001 }, { unit: "P3", a: 0.1001, b: 0.0001 }],
    options: { merge: [{ unit: "P1", into: "New" }, { unit: "P2", into: "New" }, { unit: "P3", into: "New" }] },
    unit: "New",
    value: "0.0751",
  },
  ...MINIMAL_ADJUSTED,
];

describe("the library on minimal half-way cases", () => {
  for (const m of MINIMAL) {
    const root = m.framework.root.id;
    it(`${m.name}: the oracle publishes ${m.value}`, () => {
      const u = oracleScore(m.framework, m.data, m.options as OracleOptions).units.find((x) => x.unit === m.unit)!;
      expect(isHalfWay(u.nodes.get(root)!.score!, 4)).toBe(true);
      expect(u.nodes.get(root)!.value).toBe(m.value);
    });
    for (const arithmetic of ["exact", "float"] as const) {
      it(`${m.name}: score() (${arithmetic}) publishes ${m.value}`, () => {
        const result = score(named(m.framework), m.data, { ...m.options, arithmetic });
        expect(result.units.find((u) => u.unit === m.unit)!.value).toBe(m.value);
      });
    }
    if (m.options?.merge !== undefined) continue;
    for (const arithmetic of ["float", "exact"] as const) {
      it(`${m.name}: scoreStream (${arithmetic}) publishes ${m.value}`, async () => {
        const stream = scoreStream(named(m.framework), m.data, { ...m.options, arithmetic } as StreamOptions);
        const values: string[] = [];
        for await (const u of stream) values.push(u.value);
        expect(values).toEqual([m.value]);
      });
    }
    it(`${m.name}: whatIf with the unit's own inputs publishes ${m.value}`, () => {
      const { unit: _unit, ...own } = m.data[0]!;
      const result = whatIf(named(m.framework), m.data, m.unit, own as Record<string, number>, m.options ?? {});
      expect([result.before.value, result.after.value]).toEqual([m.value, m.value]);
    });
  }

  it("uncertainty(): an exact tie reached by two float sums (0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1) shares the nominal rank", () => {
    const framework: OracleFramework = { root: { id: "root", children: ["a", "b", "c"].map((id) => ({ id, rule: { type: "value" as const } })) } };
    const data = [{ unit: "U1", a: 0.1, b: 0.2, c: 0.3 }, { unit: "U2", a: 0.3, b: 0.2, c: 0.1 }];
    expect(oracleScore(framework, data, { ties: "exact" }).units.map((u) => u.nodes.get("root")!.rank)).toEqual([1, 1]);
    const result = uncertainty(named(framework), data, { runs: 1, sensitivity: false });
    expect(result.units.map((u) => [u.unit, u.nominalRank])).toEqual([["U1", 1], ["U2", 1]]);
  });

  it("what-if re-scoring a unit alone keeps the values of a zero-weight subtree normalised across units", () => {
    // score() gives A's n1 (min-max over A and B) 0; scoring A's rows alone gives the midpoint.
    const framework: OracleFramework = {
      root: { id: "root", children: [{ id: "n1", weight: 0, rule: { type: "normalise", method: "minmax" } }, { id: "n2", weight: 1, rule: { type: "value" } }] },
    };
    const data = [{ unit: "A", n1: 5, n2: 0.5 }, { unit: "B", n1: 35, n2: 0.7 }];
    expect(oracleScore(framework, data).units[0]!.nodes.get("n1")!.value).toBe("0.0000");
    const scenario = prepareScenario(named(framework), data, "A");
    expect(scenario.unit.nodes["n1"]!.value).toBe("0.0000");
    expect(rescore(scenario, new Map([["n1", 5], ["n2", 0.5]]), false).nodes["n1"]!.value).toBe("0.0000");
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Properties: the library against the oracle on generated cases.

/** What one path published for one node of one unit. */
interface Published {
  readonly value: string | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly groupRank: number | null;
  readonly coverage: number;
}

/** Which fields of a path to compare. */
interface Fields {
  readonly rank: boolean;
  readonly groupRank: boolean;
  readonly coverage: boolean;
  readonly score: boolean;
}
const ALL_FIELDS: Fields = { rank: true, groupRank: true, coverage: true, score: true };

/** Half-way counts of one property. */
interface Tally {
  /** Set when the property ran all its cases and passed (counts then exclude shrinking). */
  completed: boolean;
  cases: number;
  skipped: number;
  /** Cases with at least one unit whose root is exactly half-way. */
  halfWayCases: number;
  /** Half-way (unit, node) values compared. */
  halfWayValues: number;
}
const tallies = new Map<string, Tally>();
const tally = (name: string): Tally => {
  let t = tallies.get(name);
  if (t === undefined) tallies.set(name, (t = { completed: false, cases: 0, skipped: 0, halfWayCases: 0, halfWayValues: 0 }));
  return t;
};

/**
 * Cases and their oracle results, built once: the properties of one feature set draw the same
 * cases (same seed, same arbitrary), so each is generated and evaluated once, not once per path.
 * Only the current feature set is kept.
 */
const cache = { features: "", cases: new Map<string, OracleCase>(), oracle: new WeakMap<OracleCase, OracleResult>() };

/** The arbitrary of cases with `features`, cached (see {@link cache}). */
function cachedCases(features: CaseFeatures): fc.Arbitrary<OracleCase> {
  const key = JSON.stringify(features);
  if (cache.features !== key) Object.assign(cache, { features: key, cases: new Map(), oracle: new WeakMap() });
  return caseParams(features).map((params) => {
    const id = JSON.stringify(params);
    let c = cache.cases.get(id);
    if (c === undefined) cache.cases.set(id, (c = buildCase(params)));
    return c;
  });
}

/** The oracle's result of a case, computed once per case. */
function oracleOf(c: OracleCase): OracleResult {
  let result = cache.oracle.get(c);
  if (result === undefined) cache.oracle.set(c, (result = oracleScore(c.definition, c.records, c.options)));
  return result;
}

/** The generated definition as the library's type (the oracle declares its own, looser shape). */
const frameworkOf = (c: OracleCase): FrameworkDefinition => c.definition as unknown as FrameworkDefinition;

const unitKey = (unit: string, year: number | undefined) => `${nameKey(unit)}|${year ?? ""}`;
// `score` and `coverage` are floats (for charts and sums), not published: they are compared within
// a tolerance. The published value, ranks and group ranks must be equal.
const closeTo = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

/**
 * Compares what a path published (`lookup(unit, year, node)`, `undefined` when the path has no such
 * unit) with the oracle for every unit and node (the nodes in `ids`, default all), and counts the
 * half-way values. Returns the mismatches as lines.
 */
function compareWithOracle(
  oracle: OracleResult,
  lookup: (unit: string, year: number | undefined, node: string) => Published | undefined,
  count: Tally | undefined,
  fields: Fields = ALL_FIELDS,
  units: readonly OracleResult["units"][number][] = oracle.units,
  ids: readonly string[] = oracle.ids,
): string[] {
  const bad: string[] = [];
  let halfWayRoot = false;
  for (const u of units) {
    const where = `${u.unit}${u.year === undefined ? "" : ` (${u.year})`}`;
    for (const id of ids) {
      const want = u.nodes.get(id)!;
      const got = lookup(u.unit, u.year, id);
      if (got === undefined) {
        bad.push(`${where}: no result for unit`);
        break;
      }
      const halfWay = want.score !== null && isHalfWay(want.score, oracle.decimals);
      if (halfWay && count !== undefined) count.halfWayValues++;
      if (halfWay && id === oracle.root) halfWayRoot = true;
      const exact = want.score === null ? "missing" : `${show(want.score)}${halfWay ? ", exactly half-way" : ""}`;
      if (got.value !== want.value) bad.push(`${where} ${id}: value ${got.value}, oracle ${want.value} (exact ${exact})`);
      if (fields.rank && got.rank !== want.rank) bad.push(`${where} ${id}: rank ${got.rank}, oracle ${want.rank} (value ${want.value})`);
      if (fields.groupRank && got.groupRank !== want.groupRank) bad.push(`${where} ${id}: group rank ${got.groupRank}, oracle ${want.groupRank}`);
      if (fields.coverage && !closeTo(got.coverage, toNumber(want.coverage), 1e-12)) bad.push(`${where} ${id}: coverage ${got.coverage}, oracle ${show(want.coverage)}`);
      if (fields.score && (got.score === null) !== (want.score === null)) bad.push(`${where} ${id}: score ${got.score}, oracle ${exact}`);
      else if (fields.score && got.score !== null && !closeTo(got.score, toNumber(want.score!), 1e-9)) bad.push(`${where} ${id}: score ${got.score}, oracle ${exact}`);
    }
  }
  if (halfWayRoot && count !== undefined) count.halfWayCases++;
  return bad;
}

/** Fails with the mismatches (the first 12) and how to replay. */
function expectNoMismatch(bad: readonly string[], c: OracleCase): void {
  if (bad.length === 0) return;
  const shown = bad.slice(0, 12).join("\n  ");
  throw new Error(`${bad.length} mismatch(es) with the oracle (seed ${SEED}, kind ${c.kind}, options ${JSON.stringify(c.options)}):\n  ${shown}`);
}

/** A lookup into a ScoreResult. */
function scoreLookup(result: ScoreResult): (unit: string, year: number | undefined, node: string) => Published | undefined {
  const byUnit = new Map(result.units.map((u) => [unitKey(u.unit, u.year), u]));
  return (unit, year, node) => {
    const u = byUnit.get(unitKey(unit, year));
    if (u === undefined) return undefined;
    return node === result.root ? u : u.nodes[node];
  };
}

/** Runs `check` on RUNS generated cases (fixed seed), counting them under `name`. */
function runProperty(name: string, features: CaseFeatures, check: (c: OracleCase, count: Tally) => void): void {
  const count = tally(name);
  fc.assert(
    fc.property(cachedCases(features), (c) => {
      count.cases++;
      check(c, count);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: !SHRINK },
  );
  count.completed = true;
}

/** {@link runProperty} for an asynchronous check. */
async function runAsyncProperty(name: string, features: CaseFeatures, check: (c: OracleCase, count: Tally) => Promise<void>): Promise<void> {
  const count = tally(name);
  await fc.assert(
    fc.asyncProperty(cachedCases(features), async (c) => {
      count.cases++;
      await check(c, count);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: !SHRINK },
  );
  count.completed = true;
}

const NO_MERGES: CaseFeatures = { ...ALL_FEATURES, merges: false };
const TIMEOUT = 600_000;

describe("the library against the oracle on generated half-way cases", () => {
  afterAll(() => {
    for (const [name, t] of tallies) console.log(`${name}: ${t.cases} cases (${t.skipped} skipped), ${t.halfWayCases} with a half-way root, ${t.halfWayValues} half-way values compared`);
  });

  it("score(): every value, rank, group rank and coverage (exact path)", () => {
    runProperty("score exact", ALL_FEATURES, (c, count) => {
      const result = score(frameworkOf(c), c.records, c.options as ScoreOptions);
      expect(result.units.length).toBe(oracleOf(c).units.length);
      expectNoMismatch(compareWithOracle(oracleOf(c), scoreLookup(result), count), c);
    });
  }, TIMEOUT);

  it("score() with arithmetic: \"float\"", () => {
    runProperty("score float", ALL_FEATURES, (c, count) => {
      const result = score(frameworkOf(c), c.records, { ...(c.options as ScoreOptions), arithmetic: "float" });
      expect(result.units.length).toBe(oracleOf(c).units.length);
      expectNoMismatch(compareWithOracle(oracleOf(c), scoreLookup(result), count), c);
    });
  }, TIMEOUT);

  for (const arithmetic of ["float", "exact"] as const) {
    it(`scoreStream (arithmetic "${arithmetic}"): yielded values and coverage, ranks from the summary`, async () => {
      const name = `stream ${arithmetic}`;
      await runAsyncProperty(
        name,
        NO_MERGES,
        async (c, count) => {
          let stream;
          try {
            stream = scoreStream(frameworkOf(c), c.records, { ...(c.options as StreamOptions), rankNodes: "all", arithmetic });
          } catch (e) {
            // Today the stream refuses frameworks that normalise across units. It must accept
            // them (every unit is known at the end of the stream, as for ranks); until it does,
            // exactly that refusal skips the case, and any other error fails the test.
            if (isDtiError(e) && e.issues.length > 0 && e.issues.every((i) => i.code === "OPTION_INVALID" && /normalis/u.test(i.message))) {
              count.skipped++;
              return;
            }
            throw e;
          }
          const yielded = [];
          for await (const u of stream) yielded.push(u);
          const summary = stream.summary();
          expect(summary.errors).toEqual([]);
          const position = new Map(stream.nodes.map((n) => [n.id, n.position]));
          const byUnit = new Map(yielded.map((u) => [unitKey(u.unit, u.year), u]));
          const lookup = (unit: string, year: number | undefined, node: string): Published | undefined => {
            const u = byUnit.get(unitKey(unit, year));
            if (u === undefined) return undefined;
            const p = position.get(node)!;
            const scaled = u.nodes.published[p]!;
            const ranks = summary.ranks.get(node)!;
            return {
              value: Number.isNaN(scaled) ? null : scaledText(BigInt(scaled), stream.decimals),
              score: Number.isNaN(u.nodes.scores[p]!) ? null : u.nodes.scores[p]!,
              rank: ranks.rank[u.index]! || null,
              groupRank: ranks.groupRank[u.index]! || null,
              coverage: u.nodes.coverage[p]!,
            };
          };
          expectNoMismatch(compareWithOracle(oracleOf(c), lookup, count), c);
        },
      );
    }, TIMEOUT);
  }

  it("what-if with the unit's own inputs reproduces its values (whatIf, and the unit re-scored alone)", () => {
    runProperty("what-if", NO_MERGES, (c, count) => {
      const oracle = oracleOf(c);
      // One unit per case, chosen by the case's seed.
      const k = c.params.seed % c.records.length;
      const record = c.records[k]!;
      const year = record["year"] as number | undefined;
      const own: Record<string, string | number | boolean> = {};
      for (const leaf of buildTree(c.definition).leaves) {
        for (const key of leafInputKeys(leaf)) if (!isBlankCell(record[key])) own[key] = record[key] as string | number | boolean;
      }
      const options = { ...(c.options as ScoreOptions), ...(year !== undefined ? { year } : {}) };
      const want = oracle.units.find((u) => unitKey(u.unit, u.year) === unitKey(record["unit"] as string, year))!;
      const result = whatIf(frameworkOf(c), c.records, record["unit"] as string, own, options);
      const bad: string[] = [];
      // Nothing changed: no node's published value moves.
      for (const n of result.nodes) bad.push(`whatIf lists a change of ${n.id}: ${n.before} → ${n.after}`);
      for (const [label, standing] of [["before", result.before], ["after", result.after]] as const) {
        bad.push(
          ...compareWithOracle(oracle, () => ({ ...standing, coverage: 0 }), undefined, { rank: true, groupRank: true, coverage: false, score: true }, [want], [oracle.root]).map(
            (line) => `whatIf ${label}: ${line}`,
          ),
        );
      }
      // The unit scored alone (what what-if does for a unit that depends on its own rows only):
      // every node's value and coverage, and the index's rank among the unchanged others.
      const scenario = prepareScenario(frameworkOf(c), c.records, record["unit"] as string, options);
      const alone = rescore(scenario, new Map(Object.entries(own)), false);
      const lookup = (_unit: string, _year: number | undefined, node: string): Published | undefined => {
        const n = node === oracle.root ? alone : alone.nodes[node]!;
        return { ...n, rank: node === oracle.root ? n.rank : null };
      };
      const rankOnlyAtRoot = compareWithOracle(oracle, lookup, count, { rank: false, groupRank: false, coverage: true, score: true }, [want]);
      if (alone.rank !== want.nodes.get(oracle.root)!.rank) rankOnlyAtRoot.push(`re-scored alone: rank ${alone.rank}, oracle ${want.nodes.get(oracle.root)!.rank}`);
      bad.push(...rankOnlyAtRoot.map((line) => `re-scored alone${scenario.isolated ? "" : " (whole data)"}: ${line}`));
      expectNoMismatch(bad, c);
    });
  }, TIMEOUT);

  it("uncertainty(): nominal ranks are score()'s ranks with exact ties, nominal scores the exact scores", () => {
    runProperty("uncertainty nominal", { ...NO_MERGES, minUnits: 2 }, (c, count) => {
      const oracle = oracleOf(c);
      // The analysis takes one year, the latest; a unit without a score ranks last (= the number of units).
      const years = oracle.units.map((u) => u.year).filter((y): y is number => y !== undefined);
      const year = years.length === 0 ? undefined : Math.max(...years);
      const units = oracle.units.filter((u) => u.year === year);
      if (units.length < 2) {
        count.skipped++;
        return;
      }
      const result = uncertainty(frameworkOf(c), c.records, { ...(c.options as ScoreOptions), runs: 1, sensitivity: false });
      const scores = units.map((u) => u.nodes.get(oracle.root)!.score);
      const exactRanks = competitionRanks(scores, compare).map((rank) => rank ?? units.length);
      const byUnit = new Map(result.units.map((u) => [nameKey(u.unit), u]));
      const bad: string[] = [];
      units.forEach((u, k) => {
        const got = byUnit.get(nameKey(u.unit));
        const want = scores[k]!;
        if (want !== null && isHalfWay(want, oracle.decimals)) count.halfWayValues++;
        if (got === undefined) return void bad.push(`${u.unit}: not in the result`);
        if (got.nominalRank !== exactRanks[k]) bad.push(`${u.unit}: nominal rank ${got.nominalRank}, oracle ${exactRanks[k]} (exact score ${want === null ? "missing" : show(want)}; ${scores.map((s) => (s === null ? "-" : show(s))).join(", ")})`);
        if ((got.nominalScore === null) !== (want === null) || (want !== null && !closeTo(got.nominalScore!, toNumber(want), 1e-12))) {
          bad.push(`${u.unit}: nominal score ${got.nominalScore}, oracle ${want === null ? "missing" : show(want)}`);
        }
      });
      if (scores.some((s) => s !== null && isHalfWay(s, oracle.decimals))) count.halfWayCases++;
      expectNoMismatch(bad, c);
    });
  }, TIMEOUT);

  it(`enough half-way values were compared (at least ${HALF_WAY_TARGET} in all with the default runs)`, (context) => {
    const all = [...tallies.values()];
    const halfWayCases = all.reduce((a, t) => a + t.halfWayCases, 0);
    const halfWayValues = all.reduce((a, t) => a + t.halfWayValues, 0);
    console.log(`in all: ${all.reduce((a, t) => a + t.cases, 0)} cases, ${halfWayCases} with a half-way root, ${halfWayValues} half-way values compared`);
    // The counts mean something only when every property ran all its cases (a failing property
    // stops at its first counterexample, and its own failure is the one to read).
    if (tallies.size < 6 || all.some((t) => !t.completed)) return context.skip();
    for (const [name, t] of tallies) expect(t.halfWayValues, `${name}: half-way values compared`).toBeGreaterThan(RUNS / 2);
    if (process.env["DTI_ORACLE_RUNS"] === undefined) expect(halfWayValues).toBeGreaterThanOrEqual(HALF_WAY_TARGET);
  });
});
