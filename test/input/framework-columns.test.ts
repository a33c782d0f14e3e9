import { describe, expect, it } from "vitest";
import { defineFramework } from "../../src/framework/validate-framework.ts";
import { frameworkColumns } from "../../src/input/framework-columns.ts";
import { resolveColumns } from "../../src/input/resolve-columns.ts";
import { WARD } from "../helpers/ward-framework.ts";

const fw = defineFramework(WARD);

describe("frameworkColumns", () => {
  it("gives every input its header, its form header and the check a form enforces", () => {
    const byKey = new Map(frameworkColumns(fw).map((c) => [c.key, c]));
    expect([...byKey.keys()]).toEqual(["online.a", "online.b", "plan", "lead", "meetings", "self", "survey"]);
    expect(byKey.get("online.a")).toMatchObject({ node: "online", part: "numerator", header: "online.a", formHeader: "Hồ sơ trực tuyến: tử số (online.a)", check: { kind: "number", min: 0 } });
    expect(byKey.get("online.b")).toMatchObject({ part: "denominator", formHeader: "Hồ sơ trực tuyến: mẫu số (online.b)" });
    expect(byKey.get("plan")).toMatchObject({ header: "Kế hoạch chuyển đổi số", check: { kind: "choice", choices: ["Có", "Không"] } });
    expect(byKey.get("lead")?.check).toEqual({ kind: "choice", choices: ["Bí thư", "Phó Chủ tịch"] });
    expect(byKey.get("self")?.check).toEqual({ kind: "number", min: 0, max: 25 });
  });

  it("every header and form header reads back as its column", () => {
    const columns = frameworkColumns(fw);
    for (const headers of [columns.map((c) => c.header), columns.map((c) => c.formHeader)]) {
      const plan = resolveColumns(["Đơn vị", ...headers], fw);
      expect([...plan.inputs.values()]).toEqual(columns.map((c) => c.key));
    }
  });
});
