import { describe, expect, it } from "vitest";
import { DtiError } from "../../src/errors.ts";
import { builtinFrameworks, getFramework, listFrameworks } from "../../src/framework/builtin/index.ts";
import type { FrameworkDefinition, FrameworkNode, GroupNode, IndicatorNode } from "../../src/framework/types.ts";
import { validateFramework } from "../../src/framework/validate-framework.ts";
import { score } from "../../src/pipeline/score.ts";

const IDS = ["vn-dti-2020-province", "vn-dti-2022-province", "vn-dti-2022-ministry", "vn-dti-2025-province", "vn-dti-2025-national"];

function leaves(node: FrameworkNode): IndicatorNode[] {
  return node.children === undefined ? [node] : node.children.flatMap(leaves);
}

function nodeById(fw: FrameworkDefinition, id: string): FrameworkNode | undefined {
  const all: FrameworkNode[] = [];
  const walk = (n: FrameworkNode): void => {
    all.push(n);
    n.children?.forEach(walk);
  };
  walk(fw.root);
  return all.find((n) => n.id === id);
}

function totalLeafPoints(fw: FrameworkDefinition): number {
  return leaves(fw.root).reduce((sum, l) => sum + (l.maxPoints ?? 0), 0);
}

describe("built-in frameworks", () => {
  it("has the five ids, oldest first", () => {
    expect(builtinFrameworks.map((f) => f.id)).toEqual(IDS);
  });

  it.each(IDS)("%s validates, is version 1.0.0 and names every node in Vietnamese and English", (id) => {
    const def = builtinFrameworks.find((f) => f.id === id)!;
    const result = validateFramework(def);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(def.version).toBe("1.0.0");
    expect(def.decimals).toBe(4);
    const named: { name: { vi: string; en?: string } }[] = [];
    const walk = (n: FrameworkNode): void => {
      named.push(n);
      n.children?.forEach(walk);
    };
    walk(def.root);
    named.push(...(def.views ?? []));
    for (const n of named) {
      expect(n.name.vi.length).toBeGreaterThan(0);
      expect(n.name.en?.length ?? 0).toBeGreaterThan(0);
    }
    expect(def.source?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(def.source?.references?.length ?? 0).toBeGreaterThan(0);
    for (const ref of def.source?.references ?? []) expect(ref).toMatch(/^https?:\/\//u);
  });

  it("getFramework returns the validated definition and the same object each time", () => {
    const fw = getFramework("vn-dti-2022-province");
    expect(fw.validated).toBe(true);
    expect(Object.isFrozen(fw.root)).toBe(true);
    expect(getFramework(" VN-DTI-2022-PROVINCE ")).toBe(fw);
    expect(JSON.parse(JSON.stringify(fw))).toEqual(JSON.parse(JSON.stringify(builtinFrameworks[1])));
  });

  it("getFramework rejects an unknown id with FRAMEWORK_UNKNOWN listing the known ids", () => {
    let caught: unknown;
    try {
      getFramework("vn-dti-1999");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DtiError);
    const err = caught as DtiError;
    expect(err.code).toBe("FRAMEWORK_UNKNOWN");
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]!.message).toBe(`unknown framework "vn-dti-1999"; built-in frameworks: ${IDS.join(", ")}`);
  });

  it("listFrameworks summarises each built-in with its weakest confidence", () => {
    const list = listFrameworks();
    expect(list.map((f) => [f.id, f.level, f.source?.decision, f.confidence])).toEqual([
      ["vn-dti-2020-province", "province", "1726/QĐ-BTTTT", "unverified"],
      ["vn-dti-2022-province", "province", "922/QĐ-BTTTT", "unverified"],
      ["vn-dti-2022-ministry", "ministry", "922/QĐ-BTTTT", "unverified"],
      ["vn-dti-2025-province", "province", "405/QĐ-BKHCN", "unverified"],
      ["vn-dti-2025-national", "national", "405/QĐ-BKHCN", "low"],
    ]);
    const p25 = list.find((f) => f.id === "vn-dti-2025-province")!;
    expect(p25.uncertain.map((u) => u.confidence)).toEqual(["unverified", "low", "medium", "low", "unverified"]);
    expect(p25.uncertain[0]!.fact).toMatch(/5 × 100 \+ 200 \+ 150 \+ 150/u);
    expect(p25.uncertain[1]!.fact).toMatch(/8 or 7 main indicators/u);
    expect(p25.uncertain[2]!.fact).toMatch(/Đô thị thông minh/u);
    expect(list[0]!.title).toEqual({ vi: "Bộ chỉ số chuyển đổi số cấp tỉnh (1726/QĐ-BTTTT)", en: "Provincial Digital Transformation Index (Decision 1726/QĐ-BTTTT)" });
    expect(list.map((f) => f.source?.date)).toEqual(["2020-10-12", "2022-05-20", "2022-05-20", "2025-04-03", "2025-04-03"]);
  });
});

describe("vn-dti-2020-province (1726/QĐ-BTTTT)", () => {
  const fw = getFramework("vn-dti-2020-province");

  it("weighs the three pillar inputs 0.4 / 0.3 / 0.3", () => {
    expect(fw.root.children.map((c) => [c.id, c.name.vi, c.short, c.weight, c.rule?.type])).toEqual([
      ["government", "Chính quyền số", "CQS", 0.4, "value"],
      ["economy", "Kinh tế số", "KTS", 0.3, "value"],
      ["society", "Xã hội số", "XHS", 0.3, "value"],
    ]);
  });

  it("reproduces Bắc Ninh 2020: 0.4 × 0.4449 + 0.3 × 0.3668 + 0.3 × 0.4052 = 0.40956 → 0.4096", () => {
    const r = score(fw, [{ unit: "Bắc Ninh", "Chính quyền số": "0.4449", "Kinh tế số": "0.3668", "Xã hội số": "0.4052" }]);
    // score is the float evaluator's (within its bound of the exact 0.40956); value is exact.
    expect(r.units[0]!.score).toBeCloseTo(0.40956, 14);
    expect(r.units[0]!.value).toBe("0.4096");
  });

  it("flags the weighting as medium and the within-pillar weights as low", () => {
    expect(fw.uncertain?.map((u) => u.confidence)).toEqual(["medium", "low", "unverified"]);
  });
});

describe("vn-dti-2022-province (922/QĐ-BTTTT)", () => {
  const fw = getFramework("vn-dti-2022-province");

  it("has 1000 points: foundation 5 × 100 + smart city 0, activity 200 + 150 + 150", () => {
    expect(fw.root.maxPoints).toBe(1000);
    expect(totalLeafPoints(fw)).toBe(1000);
    const rows = leaves(fw.root).map((l) => [l.id, l.name.vi, l.short, l.maxPoints]);
    expect(rows).toEqual([
      ["awareness", "Nhận thức số", "NTS", 100],
      ["institutions", "Thể chế số", "TCS", 100],
      ["infrastructure", "Hạ tầng số", "HTS", 100],
      ["human-resources", "Nhân lực số", "NLS", 100],
      ["cybersecurity", "An toàn thông tin mạng", "ATTTM", 100],
      ["smart-city", "Đô thị thông minh", "ĐTTM", 0],
      ["digital-government", "Hoạt động chính quyền số", "HĐCQS", 200],
      ["digital-economy", "Hoạt động kinh tế số", "HĐKTS", 150],
      ["digital-society", "Hoạt động xã hội số", "HĐXHS", 150],
    ]);
    expect(leaves(fw.root).every((l) => l.rule.type === "value")).toBe(true);
    expect(fw.root.children.map((c) => [c.id, c.name.vi, c.maxPoints])).toEqual([
      ["foundation", "Nhóm chỉ số nền tảng chung", 500],
      ["activity", "Nhóm chỉ số hoạt động", 500],
    ]);
    expect(nodeById(fw, "smart-city")!.note).toMatch(/^Không tính điểm/u);
  });

  it("defines the pillars as views of the five scored foundation indicators plus one activity (700 / 650 / 650)", () => {
    const five = ["awareness", "institutions", "infrastructure", "human-resources", "cybersecurity"];
    const views = fw.views ?? [];
    expect(views.map((v) => [v.id, v.name.vi, v.short, v.terms.map((t) => t.node)])).toEqual([
      ["government", "Chính quyền số", "CQS", [...five, "digital-government"]],
      ["economy", "Kinh tế số", "KTS", [...five, "digital-economy"]],
      ["society", "Xã hội số", "XHS", [...five, "digital-society"]],
    ]);
    const points = views.map((v) => v.terms.reduce((s, t) => s + (nodeById(fw, t.node)!.maxPoints ?? 0), 0));
    expect(points).toEqual([700, 650, 650]);
    for (const v of views) expect(v.note).toMatch(/^Inferred \(medium confidence\)/u);
    expect(fw.uncertain?.[0]).toMatchObject({ confidence: "medium", nodes: ["government", "economy", "society"] });
    expect(fw.uncertain?.[1]?.fact).toMatch(/ties/u);
  });

  it("scores a unit: DTI = Σ value × points / 1000 and the pillar views", () => {
    const r = score(fw, [
      {
        unit: "TP. Đà Nẵng", awareness: 1, institutions: 0.9, infrastructure: 0.8253, "human-resources": 0.8487,
        cybersecurity: 0.7578, "digital-government": 0.8575, "digital-economy": 0.7836, "digital-society": 0.5197,
      },
    ]);
    const u = r.units[0]!;
    expect(u.score).toBe(0.800175);
    expect(u.value).toBe("0.8002");
    // (100 + 90 + 82.53 + 84.87 + 75.78 + 171.5) / 700 = 604.68 / 700
    expect(u.nodes["government"]!.value).toBe("0.8638");
    // (433.18 + 117.54) / 650 = 550.72 / 650
    expect(u.nodes["economy"]!.value).toBe("0.8473");
    // (433.18 + 77.955) / 650 = 511.135 / 650
    expect(u.nodes["society"]!.value).toBe("0.7864");
  });
});

describe("vn-dti-2022-ministry (922/QĐ-BTTTT)", () => {
  const fw = getFramework("vn-dti-2022-ministry");

  it("has the foundation group (5 × 100) and Hoạt động chuyển đổi số (500) at root level", () => {
    expect(fw.root.maxPoints).toBe(1000);
    expect(totalLeafPoints(fw)).toBe(1000);
    expect(fw.root.children.map((c) => [c.id, c.maxPoints, c.children === undefined ? "leaf" : "group"])).toEqual([
      ["foundation", 500, "group"],
      ["digital-transformation", 500, "leaf"],
    ]);
    const foundation = fw.root.children[0] as GroupNode;
    expect(foundation.children.map((c) => [c.id, c.maxPoints])).toEqual([
      ["awareness", 100],
      ["institutions", 100],
      ["infrastructure", 100],
      ["human-resources", 100],
      ["cybersecurity", 100],
    ]);
    expect(nodeById(fw, "digital-transformation")!.name).toEqual({ vi: "Hoạt động chuyển đổi số", en: "Digital transformation activity" });
  });

  it("scores a ministry as points / 1000", () => {
    const r = score(fw, [{ unit: "Bộ X", awareness: 0.8, institutions: 0.7, infrastructure: 0.9, "human-resources": 0.6, cybersecurity: 0.5, "digital-transformation": 0.4 }]);
    expect(r.units[0]!.score).toBe(0.55);
  });
});

describe("vn-dti-2025-province (405/QĐ-BKHCN)", () => {
  const fw = getFramework("vn-dti-2025-province");

  it("has the 8 scored main indicators of 922 (no smart city), 1000 points", () => {
    expect(totalLeafPoints(fw)).toBe(1000);
    expect(leaves(fw.root).map((l) => [l.id, l.maxPoints])).toEqual([
      ["awareness", 100],
      ["institutions", 100],
      ["infrastructure", 100],
      ["human-resources", 100],
      ["cybersecurity", 100],
      ["digital-government", 200],
      ["digital-economy", 150],
      ["digital-society", 150],
    ]);
    expect(nodeById(fw, "smart-city")).toBeUndefined();
    expect(fw.views?.map((v) => v.id)).toEqual(["government", "economy", "society"]);
  });

  it("gives the same DTI as 922 for the same main-indicator values", () => {
    const row = {
      unit: "Quảng Ninh", awareness: 0.9581, institutions: 0.9, infrastructure: 0.7648, "human-resources": 0.625,
      cybersecurity: 0.5382, "digital-government": 0.8385, "digital-economy": 0.5904, "digital-society": 0.4505,
    };
    expect(score(fw, [row]).units[0]!.value).toBe("0.7024");
    expect(score(getFramework("vn-dti-2022-province"), [row]).units[0]!.value).toBe("0.7024");
  });
});

describe("vn-dti-2025-national (405/QĐ-BKHCN)", () => {
  const fw = getFramework("vn-dti-2025-national");

  it("has three pillar inputs of 400 / 300 / 300 points", () => {
    expect(fw.root.children.map((c) => [c.id, c.name.vi, c.maxPoints, c.rule?.type])).toEqual([
      ["government", "Chính phủ số", 400, "value"],
      ["economy", "Kinh tế số", 300, "value"],
      ["society", "Xã hội số", 300, "value"],
    ]);
    expect(fw.root.maxPoints).toBe(1000);
    expect(fw.root.children.map((c) => c.note?.match(/^\d+ indicators/u)?.[0])).toEqual(["4 indicators", "3 indicators", "5 indicators"]);
  });

  it("scores 0.8 / 0.7 / 0.9 as 0.8000", () => {
    expect(score(fw, [{ unit: "Việt Nam", government: 0.8, economy: 0.7, society: 0.9 }]).units[0]!.value).toBe("0.8000");
  });
});
