import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { attachSubtree } from "../../src/framework/attach-subtree.ts";
import { getFramework, vnDti2022Province } from "../../src/framework/builtin/index.ts";
import type { FrameworkNode, GroupNode } from "../../src/framework/types.ts";
import { score } from "../../src/pipeline/score.ts";

/** An illustrative ward set under "Nhận thức số" (100 points): 40 + 35 + 25. */
const wardAwareness: FrameworkNode[] = [
  {
    id: "nts-steering",
    name: { vi: "Trưởng ban chỉ đạo chuyển đổi số", en: "Head of the DX steering committee" },
    maxPoints: 40,
    rule: {
      type: "categorical",
      categories: [
        { label: "Bí thư/Chủ tịch", points: 40 },
        { label: "Phó Bí thư/Phó Chủ tịch", points: 20 },
        { label: "Chưa có", points: 0 },
      ],
    },
  },
  {
    id: "nts-meetings",
    name: { vi: "Số cuộc họp ban chỉ đạo trong năm", en: "Steering committee meetings a year" },
    maxPoints: 35,
    rule: {
      type: "ladder",
      direction: "higher",
      steps: [
        { threshold: 4, points: 35 },
        { threshold: 2, points: 20 },
        { threshold: 1, points: 10 },
      ],
    },
  },
  { id: "nts-plan", name: { vi: "Có kế hoạch chuyển đổi số năm", en: "Annual DX plan adopted" }, maxPoints: 25, rule: { type: "boolean" } },
];

function thrown(fn: () => unknown): DtiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DtiError);
    return e as DtiError;
  }
  throw new Error("expected a DtiError");
}

describe("attachSubtree", () => {
  it("turns a leaf into a group that keeps its id, names, short label, points and note", () => {
    const base = getFramework("vn-dti-2022-province");
    const ward = attachSubtree(base, "awareness", wardAwareness);
    expect(ward.validated).toBe(true);
    const foundation = ward.root.children[0] as GroupNode;
    const awareness = foundation.children[0] as GroupNode;
    expect(awareness.id).toBe("awareness");
    expect(awareness.name).toEqual({ vi: "Nhận thức số", en: "Digital awareness" });
    expect(awareness.short).toBe("NTS");
    expect(awareness.maxPoints).toBe(100);
    expect(awareness.note).toBe("10 sub-indicators.");
    expect(awareness.rule).toBeUndefined();
    expect(awareness.children.map((c) => c.id)).toEqual(["nts-steering", "nts-meetings", "nts-plan"]);
    expect(awareness.aggregation).toBeUndefined();
    // The built-in is untouched.
    expect((base.root.children[0] as GroupNode).children[0]!.rule).toEqual({ type: "value" });
    expect(vnDti2022Province.root.children.length).toBe(2);
    // The views still name "awareness", now a group.
    expect(ward.views?.[0]?.terms[0]).toEqual({ node: "awareness" });
  });

  it("scores the new sub-indicators into the main indicator and the DTI", () => {
    const ward = attachSubtree(getFramework("vn-dti-2022-province"), "awareness", wardAwareness);
    const r = score(ward, [
      {
        unit: "Phường A", "nts-steering": "Phó Bí thư/Phó Chủ tịch", "nts-meetings": 3, "nts-plan": "có",
        institutions: 0.9, infrastructure: 0.8, "human-resources": 0.7, cybersecurity: 0.6,
        "digital-government": 0.5, "digital-economy": 0.4, "digital-society": 0.3,
      },
    ]);
    const u = r.units[0]!;
    // awareness = (20 + 20 + 25) / 100 = 0.65
    expect(u.nodes["awareness"]!.score).toBe(0.65);
    // (65 + 90 + 80 + 70 + 60 + 100 + 60 + 45) / 1000
    expect(u.score).toBe(0.57);
  });

  it("accepts a definition and sets the group's aggregation on request", () => {
    const fw = attachSubtree(vnDti2022Province, "digital-society", [
      { id: "xhs-a", name: { vi: "A" }, maxPoints: 100, rule: { type: "points" } },
      { id: "xhs-b", name: { vi: "B" }, maxPoints: 50, rule: { type: "points" } },
    ], { aggregation: "geometric" });
    const activity = fw.root.children[1] as GroupNode;
    const society = activity.children[2] as GroupNode;
    expect(society.aggregation).toBe("geometric");
    expect(society.children.map((c) => c.maxPoints)).toEqual([100, 50]);
  });

  it("works under a weighted (not points-based) leaf", () => {
    const fw = attachSubtree(getFramework("vn-dti-2020-province"), "government", [
      { id: "cqs-a", name: { vi: "A" }, rule: { type: "value" } },
      { id: "cqs-b", name: { vi: "B" }, rule: { type: "value" } },
    ]);
    const r = score(fw, [{ unit: "X", "cqs-a": 0.2, "cqs-b": 0.6, economy: 0.5, society: 0.5 }]);
    // government = mean(0.2, 0.6) = 0.4; DTI = 0.4 × 0.4 + 0.3 × 0.5 + 0.3 × 0.5
    expect(r.units[0]!.score).toBeCloseTo(0.46, 14);
    expect(r.units[0]!.value).toBe("0.4600");
  });

  it("refuses an unknown node id with FRAMEWORK_UNKNOWN", () => {
    const err = thrown(() => attachSubtree(getFramework("vn-dti-2022-province"), "awarenes", wardAwareness));
    expect(err.code).toBe("FRAMEWORK_UNKNOWN");
    expect(err.issues[0]!.message).toBe(
      'framework "vn-dti-2022-province" has no node "awarenes"; its leaves are: awareness, institutions, infrastructure, human-resources, cybersecurity, smart-city, digital-government, digital-economy, digital-society',
    );
  });

  it("refuses a view id with FRAMEWORK_UNKNOWN", () => {
    const err = thrown(() => attachSubtree(getFramework("vn-dti-2022-province"), "government", wardAwareness));
    expect(err.code).toBe("FRAMEWORK_UNKNOWN");
    expect(err.issues[0]!.message).toMatch(/^"government" is a view of framework "vn-dti-2022-province", not a node/u);
  });

  it("refuses a group with FRAMEWORK_SCHEMA", () => {
    const err = thrown(() => attachSubtree(getFramework("vn-dti-2022-province"), "foundation", wardAwareness));
    expect(err.code).toBe("FRAMEWORK_SCHEMA");
    expect(err.issues[0]!.message).toBe('node "foundation" is already a group (it has 6 children); sub-indicators can only be attached under a leaf');
    expect(thrown(() => attachSubtree(getFramework("vn-dti-2022-province"), "dti", wardAwareness)).code).toBe("FRAMEWORK_SCHEMA");
  });

  it("reports FRAMEWORK_POINTS_MISMATCH when the sub-indicators' points do not add up", () => {
    const err = thrown(() =>
      attachSubtree(getFramework("vn-dti-2022-province"), "awareness", [
        { id: "nts-1", name: { vi: "Một" }, maxPoints: 40, rule: { type: "points" } },
        { id: "nts-2", name: { vi: "Hai" }, maxPoints: 50, rule: { type: "points" } },
      ]),
    );
    expect(err.code).toBe("FRAMEWORK_POINTS_MISMATCH");
    expect(err.issues[0]!.message).toBe('children of "awareness" have 90 max points in all, but "awareness" has maxPoints 100');
  });

  it("reports a sub-indicator id that is already used, and no children at all", () => {
    const dup = thrown(() =>
      attachSubtree(getFramework("vn-dti-2022-province"), "awareness", [
        { id: "institutions", name: { vi: "Trùng" }, maxPoints: 100, rule: { type: "points" } },
      ]),
    );
    expect(dup.code).toBe("FRAMEWORK_DUPLICATE_ID");
    const empty = thrown(() => attachSubtree(getFramework("vn-dti-2022-province"), "awareness", []));
    expect(empty.code).toBe("FRAMEWORK_SCHEMA");
    expect(empty.issues.map((i) => i.message)).toContain('group "awareness" has no children');
  });
});
