import { describe, expect, it } from "vitest";
import { DtiError, type Issue, type IssueCode } from "../../src/errors.ts";
import type { FrameworkDefinition } from "../../src/framework/types.ts";
import { defineFramework, MAX_FRAMEWORK_DEPTH, MAX_FRAMEWORK_NODES, MAX_WEIGHT, MIN_WEIGHT, parseFramework, validateFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";

// Definitions are built as loose JSON-like objects (as they come from JSON files), then mutated
// per test into the invalid form under test.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** A valid framework: a points group, a weighted group, a view and an uncertain fact. */
function valid(): Loose {
  return {
    $schema: "https://github.com/dti/dti/schema/framework.schema.json",
    id: "ward-2025",
    version: "1.0.0",
    title: { vi: "Chỉ số CĐS phường", en: "Ward DTI" },
    level: "ward",
    source: { decision: "1/QĐ-TEST", date: "2025-01-01", references: ["https://example.org"] },
    decimals: 4,
    root: {
      id: "dti",
      name: { vi: "DTI" },
      maxPoints: 100,
      children: [
        {
          id: "foundation",
          name: { vi: "Nền tảng" },
          maxPoints: 60,
          children: [
            { id: "awareness", name: { vi: "Nhận thức số" }, maxPoints: 30, rule: { type: "points" } },
            { id: "fibre", name: { vi: "Cáp quang" }, maxPoints: 30, rule: { type: "ratio", zeroDenominator: "one" } },
          ],
        },
        {
          id: "services",
          name: { vi: "Dịch vụ" },
          maxPoints: 40,
          children: [
            { id: "meetings", name: { vi: "Họp" }, rule: { type: "ladder", direction: "higher", steps: [{ threshold: 4, points: 20 }, { threshold: 2, points: 10 }] }, weight: 1 },
            { id: "head", name: { vi: "Trưởng ban" }, rule: { type: "categorical", categories: [{ label: "Chủ tịch", points: 10 }, { label: "Phó", aliases: ["Phó chủ tịch"], points: 5 }] }, weight: 1 },
            { id: "portal", name: { vi: "Cổng" }, rule: { type: "boolean" }, weight: 1 },
            { id: "speed", name: { vi: "Tốc độ" }, rule: { type: "goalposts", min: 0, max: 100, direction: "higher" }, weight: 1 },
            { id: "days", name: { vi: "Ngày" }, rule: { type: "target", target: 2, worst: 10, direction: "lower" }, weight: 1 },
            { id: "share", name: { vi: "Tỷ lệ" }, rule: { type: "value" }, weight: 0 },
          ],
        },
      ],
    },
    views: [{ id: "people", name: { vi: "Con người" }, terms: [{ node: "awareness" }, { node: "fibre" }] }],
    uncertain: [{ fact: "the fibre denominator", confidence: "medium", nodes: ["fibre", "people"] }],
  };
}

/** A framework whose root has the given children (no maxPoints on the root). */
function withChildren(children: Loose[]): Loose {
  const def = valid();
  def.root = { id: "dti", name: { vi: "DTI" }, children };
  delete def.views;
  delete def.uncertain;
  return def;
}

const leaf = (id: string, rule: Loose = { type: "value" }, extra: Loose = {}): Loose => ({ id, name: { vi: id }, rule, ...extra });

function issuesOf(def: unknown): readonly Issue[] {
  const result = validateFramework(def);
  expect(result.ok).toBe(false);
  return result.issues;
}

/** Expects exactly one issue, with `code`, and returns it. */
function only(def: unknown, code: IssueCode): Issue {
  const issues = issuesOf(def);
  expect(issues.map((i) => i.code)).toEqual([code]);
  const issue = issues[0] as Issue;
  expect(issue.severity).toBe("error");
  return issue;
}

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe("validateFramework: a valid framework", () => {
  it("is accepted, with no issues", () => {
    const result = validateFramework(valid());
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("returns it deeply frozen, marked validated (not enumerable), without $schema", () => {
    const input = valid();
    const result = validateFramework(input);
    if (!result.ok) throw new Error("expected ok");
    const fw = result.framework;
    expect(isDeepFrozen(fw)).toBe(true);
    expect(Object.isFrozen(fw.root.children)).toBe(true);
    expect(() => {
      (fw as Loose).id = "changed";
    }).toThrow(TypeError);
    expect(fw.validated).toBe(true);
    expect(Object.keys(fw)).not.toContain("validated");
    expect(Object.keys(fw)).not.toContain("$schema");
    const json = JSON.parse(JSON.stringify(fw));
    const { $schema: _s, ...expected } = input;
    expect(json).toEqual(expected);
  });

  it("does not freeze or change the caller's object", () => {
    const input = valid();
    validateFramework(input);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.root)).toBe(false);
    expect(input.$schema).toBeDefined();
  });

  it("accepts the deepest nesting allowed", () => {
    let node: Loose = leaf("n32");
    for (let depth = MAX_FRAMEWORK_DEPTH - 1; depth >= 1; depth--) node = { id: `n${depth}`, name: { vi: "x" }, children: [node] };
    const def = withChildren([]);
    def.root = node;
    expect(validateFramework(def).ok).toBe(true);
  });
});

describe("defineFramework and parseFramework", () => {
  it("defineFramework returns the framework or throws a DtiError listing every problem", () => {
    expect(defineFramework(valid() as FrameworkDefinition).id).toBe("ward-2025");
    const bad = withChildren([leaf("a", { type: "points" }), { id: "a", name: { vi: "A" }, children: [leaf("b")] }]);
    try {
      defineFramework(bad);
      throw new Error("expected a throw");
    } catch (e) {
      expect(e).toBeInstanceOf(DtiError);
      expect((e as DtiError).issues.map((i) => i.code)).toEqual(["FRAMEWORK_RULE_INVALID", "FRAMEWORK_DUPLICATE_ID"]);
      expect((e as DtiError).code).toBe("FRAMEWORK_RULE_INVALID");
    }
  });

  it("parseFramework reads JSON text", () => {
    const fw = parseFramework(JSON.stringify(valid()));
    expect(fw.id).toBe("ward-2025");
    expect(Object.isFrozen(fw)).toBe(true);
  });

  it("parseFramework reports invalid JSON as FRAMEWORK_SCHEMA", () => {
    try {
      parseFramework('{"id": "x",');
      throw new Error("expected a throw");
    } catch (e) {
      expect(e).toBeInstanceOf(DtiError);
      const err = e as DtiError;
      expect(err.code).toBe("FRAMEWORK_SCHEMA");
      expect(err.issues).toHaveLength(1);
      expect(err.issues[0]?.message).toBe('the framework is not valid JSON at line 1, column 12: expected a key in double quotes');
    }
  });

  it("parseFramework reports a valid JSON document that is not a framework", () => {
    expect(() => parseFramework("[]")).toThrow(/a framework must be a JSON object/u);
    expect(() => parseFramework('{"id": "x"}')).toThrow(DtiError);
  });
});

describe("validateFramework: FRAMEWORK_SCHEMA", () => {
  it("rejects what is not an object", () => {
    for (const input of [null, undefined, [], "framework", 42]) {
      expect(only(input, "FRAMEWORK_SCHEMA").message).toBe("a framework must be a JSON object");
    }
  });

  it("names an unknown property at the top level", () => {
    const issue = only({ ...valid(), extra: 1 }, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe('(top level) unknown property "extra"');
    expect(issue.path).toBe("(top level)");
  });

  it("names an unknown property in a node, with its path", () => {
    const def = valid();
    def.root.children[1].children[2].colour = "red";
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe('node "portal": unknown property "colour"');
    expect(issue.path).toBe("root.children[1].children[2]");
  });

  it("names an unknown rule type and lists the known ones", () => {
    const def = valid();
    def.root.children[0].children[0].rule = { type: "median" };
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.path).toBe("root.children[0].children[0].rule.type");
    expect(issue.message).toBe(
      'node "awareness": rule.type unknown type; expected one of "value", "points", "ratio", "ladder", "categorical", "boolean", "goalposts", "target", "normalise"',
    );
  });

  it("names a missing field", () => {
    const def = valid();
    delete def.version;
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe("version is required (string)");
    expect(issue.path).toBe("version");
    const noName = valid();
    delete noName.root.children[0].name;
    expect(only(noName, "FRAMEWORK_SCHEMA").message).toBe('node "foundation": name is required (object)');
  });

  it("names a bad enum value, an empty list, a negative weight and a bad id", () => {
    const def = valid();
    def.root.children[1].children[0].rule.direction = "up";
    def.root.children[1].children[0].rule.steps = [];
    def.root.children[1].children[1].weight = -1;
    def.root.children[1].children[2].id = "bad id";
    const issues = issuesOf(def);
    expect(issues.every((i) => i.code === "FRAMEWORK_SCHEMA")).toBe(true);
    expect(issues.map((i) => i.message)).toEqual([
      'node "meetings": rule.direction must be one of "higher", "lower"',
      'node "meetings": rule.steps is too small or empty',
      'node "head": weight must not be negative',
      `node "bad id": id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    ]);
  });

  it("says a present value of the wrong type has the wrong type, not that it is missing", () => {
    const def = withChildren([leaf("a", { type: "value" }, { weight: "5" })]);
    expect(only(def, "FRAMEWORK_SCHEMA").message).toBe('node "a": weight must be a number');
    expect(only({ ...valid(), decimals: 2.5 }, "FRAMEWORK_SCHEMA").message).toBe("decimals must be a whole number");
    expect(only({ ...valid(), decimals: "2" }, "FRAMEWORK_SCHEMA").message).toBe("decimals must be a number");
    expect(only({ ...valid(), decimals: 99 }, "FRAMEWORK_SCHEMA").message).toBe("decimals must be at most 12");
    expect(only({ ...valid(), decimals: -1 }, "FRAMEWORK_SCHEMA").message).toBe("decimals must be at least 0");
    // JSON.parse reads 1e400 as Infinity
    const huge = withChildren([leaf("a", { type: "value" }, { weight: JSON.parse("1e400") })]);
    expect(only(huge, "FRAMEWORK_SCHEMA").message).toBe('node "a": weight must be a finite number (got a number too large to hold, such as 1e400)');
    const missing = withChildren([{ id: "a", rule: { type: "value" } }]);
    expect(only(missing, "FRAMEWORK_SCHEMA").message).toBe('node "a": name is required (object)');
  });

  it("still reports a wrong type as FRAMEWORK_SCHEMA at the right path", () => {
    const def = withChildren([leaf("a", { type: "value" }, { weight: "5" })]);
    expect(only(def, "FRAMEWORK_SCHEMA").path).toBe("root.children[0].weight");
    expect(only({ ...valid(), decimals: 2.5 }, "FRAMEWORK_SCHEMA").path).toBe("decimals");
    expect(only({ ...valid(), decimals: 13 }, "FRAMEWORK_SCHEMA").path).toBe("decimals");
    const inf = withChildren([leaf("a", { type: "goalposts", min: 0, max: Infinity, direction: "higher" })]);
    expect(only(inf, "FRAMEWORK_SCHEMA").path).toBe("root.children[0].rule.max");
  });

  it("rejects a leaf with both a rule and children", () => {
    const def = withChildren([{ ...leaf("a"), children: [leaf("b")] }]);
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe('node "a" has both "rule" and "children": a leaf has a rule, a group has children');
    expect(issue.path).toBe("root.children[0]");
    expect(issue.node).toBe("a");
  });

  it("rejects a node with neither a rule nor children", () => {
    const def = withChildren([leaf("a"), { id: "b", name: { vi: "B" } }]);
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe('node "b" has neither "rule" nor "children": a leaf needs a scoring rule, a group needs children');
    expect(issue.path).toBe("root.children[1]");
  });

  it("rejects a group with no children", () => {
    const def = withChildren([leaf("a"), { id: "g", name: { vi: "G" }, children: [] }]);
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe('group "g" has no children');
    expect(issue.path).toBe("root.children[1]");
    expect(only(withChildren([]), "FRAMEWORK_SCHEMA").message).toBe('group "dti" has no children');
  });

  it("rejects a root that is a leaf", () => {
    const def = withChildren([]);
    def.root = leaf("dti");
    const issue = only(def, "FRAMEWORK_SCHEMA");
    expect(issue.message).toBe("the root must be a group with children");
    expect(issue.path).toBe("root");
  });
});

describe("validateFramework: meaning", () => {
  it("FRAMEWORK_DUPLICATE_ID: two nodes with one id", () => {
    const issue = only(withChildren([leaf("a"), { id: "g", name: { vi: "G" }, children: [{ id: "a", name: { vi: "A" }, children: [leaf("b")] }] }]), "FRAMEWORK_DUPLICATE_ID");
    expect(issue.message).toBe('node id "a" is used more than once');
    expect(issue.path).toBe("root.children[1].children[0]");
  });

  it("FRAMEWORK_DUPLICATE_ID: two leaves with one id also read one input", () => {
    expect(issuesOf(withChildren([leaf("a"), leaf("a")])).map((i) => i.code)).toEqual(["FRAMEWORK_DUPLICATE_ID", "FRAMEWORK_INPUT_CLASH"]);
  });

  it("FRAMEWORK_DUPLICATE_ID: a view with a node's id", () => {
    const def = valid();
    def.views[0].id = "awareness";
    delete def.uncertain;
    const issue = only(def, "FRAMEWORK_DUPLICATE_ID");
    expect(issue.message).toBe('view id "awareness" is already a node or view id');
    expect(issue.path).toBe("views[0]");
  });

  it("FRAMEWORK_WEIGHTS_MIXED: weight on some siblings only", () => {
    const issue = only(withChildren([leaf("a", { type: "value" }, { weight: 1 }), leaf("b")]), "FRAMEWORK_WEIGHTS_MIXED");
    expect(issue.message).toBe('children of "dti": 1 of 2 set "weight": set it on all of them or on none');
    expect(issue.path).toBe("root");
  });

  it("FRAMEWORK_WEIGHTS_MIXED: maxPoints on some siblings only", () => {
    const issue = only(withChildren([leaf("a", { type: "points" }, { maxPoints: 10 }), leaf("b")]), "FRAMEWORK_WEIGHTS_MIXED");
    expect(issue.message).toBe('children of "dti": 1 of 2 set "maxPoints" and none sets "weight": set "maxPoints" on all of them, or "weight" on all');
  });

  it("FRAMEWORK_WEIGHTS_MIXED: view terms with and without weights", () => {
    const def = valid();
    def.views[0].terms[0].weight = 2;
    const issue = only(def, "FRAMEWORK_WEIGHTS_MIXED");
    expect(issue.message).toBe('terms of view "people": 1 of 2 set "weight": set it on all of them or on none');
    expect(issue.path).toBe("views[0]");
  });

  it("FRAMEWORK_ZERO_WEIGHT: weights or points adding up to zero", () => {
    expect(only(withChildren([leaf("a", { type: "value" }, { weight: 0 }), leaf("b", { type: "value" }, { weight: 0 })]), "FRAMEWORK_ZERO_WEIGHT").message).toBe(
      'children of "dti": the weights add up to zero',
    );
    const points = withChildren([leaf("a", { type: "value" }, { maxPoints: 0 })]);
    expect(only(points, "FRAMEWORK_ZERO_WEIGHT").path).toBe("root");
    const view = valid();
    view.views[0].terms = [{ node: "awareness", weight: 0 }];
    expect(only(view, "FRAMEWORK_ZERO_WEIGHT").message).toBe('terms of view "people": the weights add up to zero');
  });

  it("FRAMEWORK_POINTS_MISMATCH: children's points not adding up to the parent's", () => {
    const def = valid();
    def.root.children[0].children[1].maxPoints = 20;
    const issue = only(def, "FRAMEWORK_POINTS_MISMATCH");
    expect(issue.message).toBe('children of "foundation" have 50 max points in all, but "foundation" has maxPoints 60');
    expect(issue.path).toBe("root.children[0]");
    expect(issue.node).toBe("foundation");
  });

  it("FRAMEWORK_VIEW_UNKNOWN_NODE", () => {
    const def = valid();
    def.views[0].terms.push({ node: "nowhere" });
    const issue = only(def, "FRAMEWORK_VIEW_UNKNOWN_NODE");
    expect(issue.message).toBe('view "people" names node "nowhere", which the framework does not have');
    expect(issue.path).toBe("views[0].terms[2]");
  });

  it("FRAMEWORK_INPUT_CLASH: a ratio reading another leaf's input", () => {
    const def = withChildren([leaf("a"), leaf("r", { type: "ratio", numerator: "A", denominator: "total" })]);
    const issue = only(def, "FRAMEWORK_INPUT_CLASH");
    expect(issue.message).toBe('input "A" of node "r" is also read by node "a"');
    expect(issue.path).toBe("root.children[1]");
  });

  it("FRAMEWORK_INPUT_CLASH: two ratios sharing a denominator", () => {
    const def = withChildren([leaf("r1", { type: "ratio", denominator: "pop" }), leaf("r2", { type: "ratio", denominator: "pop" })]);
    expect(only(def, "FRAMEWORK_INPUT_CLASH").message).toBe('input "pop" of node "r2" is also read by node "r1"');
  });

  it("FRAMEWORK_UNKNOWN: an uncertain fact naming an unknown id", () => {
    const def = valid();
    def.uncertain.push({ fact: "?", confidence: "low", nodes: ["ghost"] });
    const issue = only(def, "FRAMEWORK_UNKNOWN");
    expect(issue.message).toBe('uncertain fact names "ghost", which is not a node or view id');
    expect(issue.path).toBe("uncertain[1]");
  });

  it("collects every problem, not only the first", () => {
    const def = valid();
    def.root.children[0].children[1].maxPoints = 20;
    def.views[0].terms.push({ node: "nowhere" });
    def.uncertain.push({ fact: "?", confidence: "low", nodes: ["ghost"] });
    expect(issuesOf(def).map((i) => i.code)).toEqual(["FRAMEWORK_POINTS_MISMATCH", "FRAMEWORK_VIEW_UNKNOWN_NODE", "FRAMEWORK_UNKNOWN"]);
  });
});

describe("validateFramework: FRAMEWORK_RULE_INVALID", () => {
  const bad = (rule: Loose, extra: Loose = {}): string => {
    const issue = only(withChildren([leaf("x", rule, extra)]), "FRAMEWORK_RULE_INVALID");
    expect(issue.path).toBe("root.children[0].rule");
    expect(issue.node).toBe("x");
    return issue.message;
  };

  it("points without a max above 0", () => {
    expect(bad({ type: "points" })).toBe('node "x": a "points" rule needs a max above 0 (rule.max or the node\'s maxPoints)');
    expect(bad({ type: "points", max: 0 })).toBe('node "x": a "points" rule needs a max above 0 (rule.max or the node\'s maxPoints)');
  });

  it("ladder: no max above 0, a threshold twice, a step above the max", () => {
    expect(bad({ type: "ladder", direction: "higher", steps: [{ threshold: 1, points: 0 }] })).toBe('node "x": a ladder needs a max above 0');
    expect(bad({ type: "ladder", direction: "higher", steps: [{ threshold: 1, points: 5 }, { threshold: 1, points: 3 }] })).toBe(
      'node "x": ladder threshold 1 is listed twice',
    );
    expect(bad({ type: "ladder", direction: "higher", max: 4, steps: [{ threshold: 1, points: 5 }] })).toBe(
      'node "x": ladder step at 1 earns 5 points, above the max of 4',
    );
  });

  it("categorical: points and score together or neither, points without a max, points above the max, a label twice", () => {
    expect(bad({ type: "categorical", categories: [{ label: "a", points: 1, score: 1 }] })).toBe('node "x": category "a" must set exactly one of "points" and "score"');
    expect(bad({ type: "categorical", categories: [{ label: "a" }, { label: "b", score: 1 }] })).toBe(
      'node "x": category "a" must set exactly one of "points" and "score"',
    );
    expect(bad({ type: "categorical", categories: [{ label: "a", points: 0 }] })).toBe('node "x": category "a" earns points but the rule has no max above 0');
    expect(bad({ type: "categorical", max: 5, categories: [{ label: "a", points: 6 }] })).toBe('node "x": category "a" earns 6 points, above the max of 5');
    expect(bad({ type: "categorical", categories: [{ label: "Phó", score: 1 }, { label: "b", aliases: ["PHÓ".normalize("NFD")], score: 0 }] })).toBe(
      `node "x": category label "${"PHÓ".normalize("NFD")}" is listed twice`,
    );
  });

  it("goalposts with max not above min", () => {
    expect(bad({ type: "goalposts", min: 5, max: 5, direction: "higher" })).toBe('node "x": goalposts need max > min (got min 5, max 5)');
    expect(bad({ type: "goalposts", min: 10, max: 0, direction: "lower" })).toBe('node "x": goalposts need max > min (got min 10, max 0)');
  });

  it("target: worst equal to target, worst on the wrong side, a target not above 0 without worst", () => {
    expect(bad({ type: "target", target: 5, worst: 5, direction: "higher" })).toBe('node "x": "worst" and "target" must differ');
    expect(bad({ type: "target", target: 5, worst: 10, direction: "higher" })).toBe('node "x": with direction "higher", the target must be above "worst"');
    expect(bad({ type: "target", target: 10, worst: 5, direction: "lower" })).toBe('node "x": with direction "lower", the target must be below "worst"');
    expect(bad({ type: "target", target: 0, direction: "higher" })).toBe('node "x": without "worst", the target must be above 0 (score = x / target)');
    expect(bad({ type: "target", target: -1, direction: "lower" })).toBe('node "x": without "worst", the target must be above 0 (score = target / x)');
  });
});

describe("validateFramework: normalise rules, weighting, coverage", () => {
  const bad = (rule: Loose): string => only(withChildren([leaf("x", rule)]), "FRAMEWORK_RULE_INVALID").message;

  it("refuses inconsistent normalise rules", () => {
    expect(bad({ type: "normalise", method: "goalposts" })).toBe('node "x": the goalposts method needs "bounds": { "min", "max" }');
    expect(bad({ type: "normalise", method: "minmax", range: [1, 1] })).toBe('node "x": range must be [low, high] with high > low (got [1, 1])');
    expect(bad({ type: "normalise", method: "zscore", range: [0, 1] })).toBe('node "x": a z-score has no range: set "mean" and "sd" instead');
    expect(bad({ type: "normalise", method: "rank", mean: 100 })).toBe('node "x": "mean" and "sd" are for the zscore method only');
    expect(bad({ type: "normalise", method: "rank", bounds: { min: 0, max: 1 } })).toBe('node "x": "bounds" are for the minmax and goalposts methods only');
    expect(bad({ type: "normalise", method: "target" })).toBe('node "x": the target method needs "target"');
    expect(bad({ type: "normalise", method: "target", target: 2, worst: 10 })).toBe('node "x": with direction "higher", the target must be above "worst"');
    expect(bad({ type: "normalise", method: "minmax", target: 3 })).toBe('node "x": "target" and "worst" are for the target method only');
  });

  it("accepts the methods, per-node weighting and coverage, and refuses unknown ones", () => {
    const ok = withChildren([leaf("x", { type: "normalise", method: "zscore", mean: 100, sd: 10 }), leaf("y", { type: "normalise", method: "target", target: 2, worst: 10, direction: "lower", range: [0, 100] })]);
    expect(validateFramework({ ...ok, root: { ...ok.root, aggregation: "mazziotta-pareto", weighting: "equal", minCoverage: 0.65 } }).ok).toBe(true);
    expect(validateFramework({ ...ok, root: { ...ok.root, aggregation: "median" } }).issues.map((i) => i.code)).toEqual(["FRAMEWORK_SCHEMA"]);
    expect(validateFramework({ ...ok, root: { ...ok.root, minCoverage: 1.5 } }).issues.map((i) => i.code)).toEqual(["FRAMEWORK_SCHEMA"]);
  });
});

describe("validateFramework: FRAMEWORK_TOO_DEEP", () => {
  it("rejects nesting deeper than MAX_FRAMEWORK_DEPTH", () => {
    let node: Loose = leaf("deepest");
    for (let depth = MAX_FRAMEWORK_DEPTH; depth >= 1; depth--) node = { id: `n${depth}`, name: { vi: "x" }, children: [node] };
    const def = withChildren([]);
    def.root = node;
    const issue = only(def, "FRAMEWORK_TOO_DEEP");
    expect(issue.message).toBe("nodes are nested more than 32 levels deep");
    expect(issue.path).toBe(`root${".children[0]".repeat(MAX_FRAMEWORK_DEPTH)}`);
  });

  it("rejects a cyclic object without overflowing the stack", () => {
    const def = withChildren([leaf("a")]);
    const group: Loose = { id: "g", name: { vi: "G" }, children: [] };
    group.children.push(group);
    def.root.children.push(group);
    const issue = only(def, "FRAMEWORK_TOO_DEEP");
    expect(issue.message).toBe("the framework tree contains a cycle");
    expect(issue.path).toBe("root.children[1].children[0]");
  });

  it("reports a node object listed twice as a duplicate id, not as a cycle", () => {
    const shared = leaf("a");
    const def = withChildren([shared, shared]);
    expect(issuesOf(def).map((i) => [i.code, i.node])).toEqual([
      ["FRAMEWORK_DUPLICATE_ID", "a"],
      ["FRAMEWORK_INPUT_CLASH", "a"],
    ]);
    // A group object shared by two parents: its id and its children's ids are each used twice.
    const group: Loose = { id: "g", name: { vi: "G" }, children: [leaf("b")] };
    const twice = withChildren([leaf("a"), { id: "p", name: { vi: "P" }, children: [group] }, { id: "q", name: { vi: "Q" }, children: [group] }]);
    expect(issuesOf(twice).map((i) => [i.code, i.node])).toEqual([
      ["FRAMEWORK_DUPLICATE_ID", "g"],
      ["FRAMEWORK_DUPLICATE_ID", "b"],
      ["FRAMEWORK_INPUT_CLASH", "b"],
    ]);
  });

  it("stops a node object shared at every level (2^40 paths) at the node limit, not by running out of time", () => {
    let node: Loose = leaf("x");
    for (let i = 0; i < 40; i++) node = { id: `g${i}`, name: { vi: "G" }, children: [node, node] };
    const issues = issuesOf({ ...valid(), root: node });
    expect(issues.map((i) => i.code)).toEqual(["FRAMEWORK_TOO_DEEP"]);
  });

  it("rejects more than MAX_FRAMEWORK_NODES nodes", () => {
    const children = Array.from({ length: MAX_FRAMEWORK_NODES }, (_, i) => leaf(`n${i}`));
    expect(only(withChildren(children), "FRAMEWORK_TOO_DEEP").message).toBe(`the framework has more than ${MAX_FRAMEWORK_NODES} nodes`);
  });
});

describe("validateFramework: messages", () => {
  it("every issue is plain and says where", () => {
    const def = valid();
    def.root.children[0].children[1].maxPoints = 20;
    def.root.children[1].children[4].rule.worst = 2;
    def.views[0].terms.push({ node: "nowhere" });
    for (const issue of issuesOf(def)) {
      expect(issue.path, issue.message).toMatch(/^(root|views|uncertain)/u);
      expect(issue.message).not.toMatch(/\n|Invalid input|at Object\./u);
    }
  });
});

describe("validateFramework: every input can be read from a column", () => {
  const named = (id: string, vi: string, extra: Loose = {}): Loose => ({ id, name: { vi }, rule: { type: "value" }, ...extra });

  it("refuses a leaf named like another leaf's id, naming both nodes", () => {
    const issue = only(withChildren([named("a", "b"), named("b", "Bê")]), "FRAMEWORK_INPUT_CLASH");
    expect(issue.message).toBe(
      'nodes "a" and "b" can both be written "b" in the data (the Vietnamese name of "a", the id of "b"; case, spacing and Unicode form are ignored), so a column with that name could not be read; give one of them another name',
    );
    expect([issue.node, issue.path]).toEqual(["b", "root.children[1]"]);
  });

  it("refuses two leaves whose names are equal after case, spacing, NFC and invisible-character folding (5 pairs)", () => {
    const nfd = "Nhận thức số".normalize("NFD");
    for (const [x, y] of [["Nhận thức số", "NHẬN THỨC SỐ"], ["Nhận thức số", nfd], ["Nhận thức số", " Nhận  thức\u00a0số "], ["Nhận thức số", "Nhận thức số\u200b"], ["Nhận thức số", "nhận thức\u00ad số"]]) {
      const issue = only(withChildren([named("a", x as string), named("b", y as string)]), "FRAMEWORK_INPUT_CLASH");
      expect(issue.message, JSON.stringify(y)).toMatch(/^nodes "a" and "b" can both be written /u);
    }
    // Across fields too: one leaf's English name, another's short label.
    const issue = only(withChildren([named("a", "A", { name: { vi: "A", en: "Awareness" } }), named("b", "B", { short: "awareness" })]), "FRAMEWORK_INPUT_CLASH");
    expect(issue.message).toContain('(the English name of "a", the short label of "b";');
  });

  it("refuses a leaf id or name the reader takes for the unit, code, group or year column (8 cases)", () => {
    const cases: [Loose, string][] = [
      [named("unit", "Đơn vị hành chính"), 'node "unit": its id "unit" is a name the data reader takes for the unit column, so a data file\'s "unit" column would be read as this indicator; choose another id'],
      [named("a", "Tỉnh"), 'node "a": its Vietnamese name "Tỉnh" is a name the data reader takes for the unit column'],
      [named("a", "A", { name: { vi: "A", en: "Province" } }), 'node "a": its English name "Province" is a name the data reader takes for the unit column'],
      [named("code", "Mã"), 'node "code": its id "code" is a name the data reader takes for the unit code column'],
      [named("a", "A", { short: "Mã" }), 'node "a": its short label "Mã" is a name the data reader takes for the unit code column'],
      [named("group", "Nhóm tỉnh"), 'node "group": its id "group" is a name the data reader takes for the group column'],
      [named("a", "Vùng"), 'node "a": its Vietnamese name "Vùng" is a name the data reader takes for the group column'],
      [named("year", "Năm đánh giá"), 'node "year": its id "year" is a name the data reader takes for the year column'],
    ];
    for (const [node, message] of cases) {
      const issue = only(withChildren([node, named("other", "Khác")]), "FRAMEWORK_INPUT_CLASH");
      expect(issue.message).toContain(message);
      expect(issue.node).toBe(node.id);
    }
    // The long-form indicator and value names stay free (wide data reads them as inputs).
    expect(validateFramework(withChildren([named("score", "Điểm"), named("other", "Khác")])).ok).toBe(true);
  });

  it("accepts every built-in framework", async () => {
    const { builtinFrameworks } = await import("../../src/framework/builtin/index.ts");
    for (const fw of builtinFrameworks) expect(validateFramework(JSON.parse(JSON.stringify(fw))).ok, fw.id).toBe(true);
  });
});

describe("validateFramework: weights the arithmetic can carry", () => {
  it("refuses non-zero weights, maxPoints and rule maxima outside [MIN_WEIGHT, MAX_WEIGHT], naming the node (9 values)", () => {
    const cases: [Loose, string][] = [
      [leaf("a", { type: "value" }, { weight: 1.7e308 }), 'node "a": weight 1.7e+308 is too large to compute with: other than 0 it must be from 1e-9 to 1000000000000'],
      [leaf("a", { type: "value" }, { weight: 1e308 }), 'node "a": weight 1e+308 is too large'],
      [leaf("a", { type: "value" }, { weight: 5e-324 }), 'node "a": weight 5e-324 is too small to compute with'],
      [leaf("a", { type: "value" }, { weight: 1e-10 }), 'node "a": weight 1e-10 is too small'],
      [leaf("a", { type: "value" }, { weight: 1.000001e12 }), 'node "a": weight 1000001000000 is too large'],
      [leaf("a", { type: "points" }, { maxPoints: 1e300 }), 'node "a": maxPoints 1e+300 is too large'],
      [leaf("a", { type: "points", max: 5e-324 }), 'node "a": rule.max 5e-324 is too small'],
      [leaf("a", { type: "ladder", direction: "higher", max: 2e12, steps: [{ threshold: 1, points: 1 }] }), 'node "a": rule.max 2000000000000 is too large'],
    ];
    for (const [node, message] of cases) {
      const sibling = node.weight !== undefined ? leaf("b", { type: "value" }, { weight: 1 }) : node.maxPoints !== undefined ? leaf("b", { type: "points" }, { maxPoints: 1 }) : leaf("b");
      const issues = issuesOf(withChildren([node, sibling]));
      const issue = issues.find((i) => i.code === "FRAMEWORK_WEIGHT_RANGE");
      expect(issue?.message, message).toContain(message);
      expect([issue?.node, issue?.path]).toEqual(["a", "root.children[0]"]);
    }
    const view = valid();
    view.views[0].terms[0].weight = 1e13;
    view.views[0].terms[1].weight = 1;
    expect(only(view, "FRAMEWORK_WEIGHT_RANGE").message).toMatch(/^view "people": the weight of term "awareness" 10000000000000 is too large/u);
  });

  it("accepts 0 and the limits themselves, and the built-in frameworks' points", () => {
    for (const w of [0, MIN_WEIGHT, MAX_WEIGHT, 0.4, 1000]) {
      expect(validateFramework(withChildren([leaf("a", { type: "value" }, { weight: w }), leaf("b", { type: "value" }, { weight: 1 })])).ok, String(w)).toBe(true);
    }
  });

  it("scores with weights at both limits without an overflow", () => {
    const fw = defineFramework(withChildren([leaf("a", { type: "value" }, { weight: MAX_WEIGHT }), leaf("b", { type: "value" }, { weight: MIN_WEIGHT })]));
    expect(score(fw, [{ unit: "Huế", a: 0.5, b: 1 }]).units[0]?.value).toBe("0.5000");
  });
});

describe("validateFramework: structure errors name the node", () => {
  it("says the node or view id, and keeps the path as a hint (4 places)", () => {
    const def = valid();
    def.root.children[1].children[3].rule.min = "0";
    delete def.root.children[1].children[4].id;
    def.views[0].terms[0].weight = -1;
    def.title.vi = "";
    expect(issuesOf(def).map((i) => [i.message, i.node, i.path])).toEqual([
      ["title.vi is too small or empty", undefined, "title.vi"],
      ['node "speed": rule.min must be a number', "speed", "root.children[1].children[3].rule.min"],
      ['node "services": children[4].id is required (string)', "services", "root.children[1].children[4].id"],
      ['view "people": terms[0].weight must not be negative', "people", "views[0].terms[0].weight"],
    ]);
  });
});

describe("parseFramework: what JSON.parse does not say", () => {
  const thrownIssues = (text: string) => {
    try {
      parseFramework(text);
    } catch (e) {
      return (e as DtiError).issues.map((i) => [i.code, i.message, i.node, i.path]);
    }
    return [];
  };

  it("says the line and column of invalid JSON (3 cases)", () => {
    const text = JSON.stringify(valid(), null, 2);
    const broken = text.replace('"maxPoints": 30,', '"maxPoints": 30,,');
    const lines = broken.split("\n");
    const line = lines.findIndex((l) => l.includes(",,")) + 1;
    const column = (lines[line - 1] as string).indexOf(",,") + 2;
    expect(thrownIssues(broken)).toEqual([["FRAMEWORK_SCHEMA", `the framework is not valid JSON at line ${line}, column ${column}: expected a key in double quotes`, undefined, undefined]]);
    expect(thrownIssues('\uFEFF{\n  "id": "x"\n  "version": "1"\n}')[0]?.[1]).toBe('the framework is not valid JSON at line 3, column 3: expected "," or "}"');
    expect(thrownIssues('{"id": \'x\'}')[0]?.[1]).toBe('the framework is not valid JSON at line 1, column 8: expected a value (text in double quotes, a number, true, false, null, { or [), not "\'x\'}"');
  });

  it("reports a key written twice, naming the node (JSON.parse would keep the last value silently)", () => {
    const text = JSON.stringify(valid(), null, 2).replace('"id": "fibre",', '"id": "fibre",\n "maxPoints": 20,');
    // The second "maxPoints" of node "fibre" is the one it had: three lines below the one added.
    const lines = text.split("\n");
    const added = lines.findIndex((l) => l === ' "maxPoints": 20,');
    const second = lines.findIndex((l, i) => i > added && l.includes('"maxPoints"'));
    expect(second - added).toBe(4);
    const issues = thrownIssues(text);
    expect(issues[0]).toEqual([
      "FRAMEWORK_SCHEMA",
      `node "fibre": has the key "maxPoints" twice (line ${second + 1}, column ${(lines[second] as string).indexOf('"maxPoints"') + 1}); JSON keeps only the last value: keep one of them`,
      "fibre",
      "root.children[0].children[1]",
    ]);
    expect(thrownIssues('{"id": "a", "id": "b"}')[0]?.[1]).toBe('the framework has the key "id" twice (line 1, column 13); JSON keeps only the last value: keep one of them');
  });
});
