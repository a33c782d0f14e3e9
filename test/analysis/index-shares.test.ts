import { describe, expect, it } from "vitest";
import { indexShares } from "../../src/analysis/index-shares.ts";
import { getFramework } from "../../src/framework/builtin/index.ts";
import { compileFramework } from "../../src/score/compile.ts";

describe("indexShares", () => {
  it("multiplies normalised weights from the root (DTI 2022: points / 1000)", () => {
    const c = compileFramework(getFramework("vn-dti-2022-province"));
    const share = (id: string, s = indexShares(c)) => s.shares.get(c.index.get(id)!)!.toString();
    expect(share("awareness")).toBe("0.1"); // 100/500 × 500/1000
    expect(share("digital-government")).toBe("0.2");
    expect(share("digital-society")).toBe("0.15");
    expect(share("smart-city")).toBe("0");
    expect(indexShares(c).additive).toBe(true);
    // Without awareness (reweight): the foundation's 400 remaining points share its 500.
    const s = indexShares(c, (i) => c.nodes[i]!.id !== "awareness");
    expect(share("institutions", s)).toBe("0.125");
    expect(share("awareness", s)).toBe("0");
  });
});
